/**
 * Collects every error (and every notice) of a run, grouped: identical messages are counted once
 * with where they first occur ("1,352 rows: row has 48 fields but the header has 47; first at
 * line 2"), so a systematic problem is one line, not a thousand. Memory is bounded: past `cap`
 * distinct messages only the counts grow.
 */
import type { ImportError } from './types';

export const DEFAULT_ERROR_CAP = 1000;

export interface MessageGroup extends ImportError {
  /** How many rows (or places) have this message; `file`/`line` is the first. */
  count: number;
}

export class MessageList {
  private readonly groups = new Map<string, MessageGroup>();
  total = 0;

  constructor(readonly cap: number = DEFAULT_ERROR_CAP) {}

  add(file: string, line: number, message: string): void {
    this.total += 1;
    const g = this.groups.get(message);
    if (g) {
      g.count += 1;
      if (fileLess(file, line, g)) Object.assign(g, { file, line });
    } else if (this.groups.size < this.cap) this.groups.set(message, { file, line, message, count: 1 });
  }

  /** Messages counted but not listed (past the cap of distinct messages). */
  get omitted(): number {
    let listed = 0;
    for (const g of this.groups.values()) listed += g.count;
    return this.total - listed;
  }

  /** Groups sorted by file order then first line, as a person reads them. */
  sorted(fileOrder: string[]): MessageGroup[] {
    const rank = new Map(fileOrder.map((f, i) => [f, i]));
    return [...this.groups.values()].sort((a, b) => (rank.get(a.file) ?? 1e9) - (rank.get(b.file) ?? 1e9) || a.line - b.line || a.message.localeCompare(b.message));
  }
}

// Same file: the earlier line; different files keep the first seen (files are read in order).
function fileLess(file: string, line: number, g: ImportError): boolean {
  return file === g.file && line < g.line;
}

/** Kept for callers that only add errors. */
export class ErrorList extends MessageList {}
