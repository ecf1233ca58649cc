/**
 * Argument validation for GraphQL fields, in one place: each checker returns a value safe to hand
 * to Cypher as a parameter or throws BAD_USER_INPUT naming the argument (a client mistake is a 400,
 * never a 500). Integers: `boundedInt` (required), `intArg` (nullable filters), `pageSize` (first /
 * last against the maximum page size); text: `textArg`, `idArg`, `hsPrefixArg`.
 */
import { badUserInput } from './relay/bad-input';
import { graphIdOf } from './relay/global-id';

/** An integer within min..max, or BAD_USER_INPUT (`why` says where the bound comes from). */
export function boundedInt(name: string, value: number, min: number, max: number, why?: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`\`${name}\` must be an integer from ${min} to ${max}${why ? ` (${why})` : ''}; got ${value}`, { argumentName: name });
  }
  return value;
}

/** An integer filter (years, levels), or null; rejects values no period or level can have. */
export function intArg(value: number | null | undefined, name: string, min = -100000, max = 100000): number | null {
  return value == null ? null : boundedInt(name, value, min, max);
}

/** A page or list size (`first`, `last`): 0 up to the maximum page size. */
export function pageSize(name: string, value: number, maxPageSize: number): number {
  return boundedInt(name, value, 0, maxPageSize, 'the maximum page size');
}

export const MAX_TEXT_LENGTH = 200;

/** A text filter: trimmed, null when empty, BAD_USER_INPUT when absurdly long. */
export function textArg(value: string | null | undefined, name: string): string | null {
  if (value == null) return null;
  if (value.length > MAX_TEXT_LENGTH) throw badUserInput(`\`${name}\` is longer than ${MAX_TEXT_LENGTH} characters`);
  const t = value.trim();
  return t.length > 0 ? t : null;
}

/** An id filter (global id or raw graph id), or null. */
export function idArg(value: string | null | undefined, types?: readonly string[]): string | null {
  return value == null ? null : graphIdOf(value, types);
}

/** An HS code prefix filter (digits only), or null. */
export function hsPrefixArg(value: string | null | undefined): string | null {
  const hsPrefix = textArg(value, 'hsPrefix');
  if (hsPrefix !== null && !/^\d{1,10}$/.test(hsPrefix)) throw badUserInput('`hsPrefix` must be 1 to 10 digits');
  return hsPrefix;
}
