/** Strict number parsing for CSV cells: no NaN, no thousands separators, no negatives. */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a non-negative amount. Empty is an error when required, else undefined.
 * Pushes a message naming the column to `errors` when the cell is not acceptable.
 */
export function parseAmount(raw: string | undefined, column: string, required: boolean, errors: string[]): number | undefined {
  const s = (raw ?? '').trim();
  if (s === '') {
    if (required) errors.push(`${column} is empty`);
    return undefined;
  }
  if (!NUMBER.test(s)) {
    errors.push(`${column} is not a number: ${JSON.stringify(s)}`);
    return undefined;
  }
  const v = Number(s);
  if (!Number.isFinite(v)) {
    errors.push(`${column} is out of range: ${s}`);
    return undefined;
  }
  if (v < 0) {
    errors.push(`${column} must not be negative: ${s}`);
    return undefined;
  }
  return v;
}
