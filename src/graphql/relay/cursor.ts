/**
 * Opaque keyset cursors: base64url of `{ s: sortName, k: [sortValue..., graphId] }`.
 *
 * A cursor carries the sort key of the row it points at, so the next page is a range predicate
 * (`WHERE key > $after`) on the same order, never an offset: deep pages cost what the first costs.
 * A cursor made under one sort cannot be used with another (the sort name is checked).
 */
import { badUserInput } from './bad-input';

export type SortKey = (string | number | null)[];

const MAX_CURSOR_LENGTH = 2048;

export function encodeCursor(sort: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, keyLength: number): SortKey {
  const bad = () => badUserInput(`Invalid cursor for sort ${sort}: obtain cursors from a previous page with the same sort`);
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw bad();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const { s, k } = parsed as { s?: unknown; k?: unknown };
  if (s !== sort || !Array.isArray(k) || k.length !== keyLength) throw bad();
  if (!k.every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) throw bad();
  if (typeof k[k.length - 1] !== 'string') throw bad();
  return k as SortKey;
}
