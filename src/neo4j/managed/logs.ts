/** Reading Neo4j's log files for readiness ("Started.") and for error messages (their last lines). */
import fs from 'node:fs';

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The text appended to `file` since byte `offset` (the whole file if it was rotated or truncated). */
export function readSince(file: string, offset: number): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return '';
  }
  return buf.subarray(buf.length >= offset ? offset : 0).toString('utf8');
}

/**
 * The last `n` meaningful lines of a log excerpt for an error message: Java stack frames ("at ...",
 * "... 11 more") are dropped so that the exception and "Caused by" lines survive the cut.
 */
export function lastLines(text: string, n: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !/^\s+at |^\s*\.\.\. \d+ more/.test(l))
    .slice(-n);
}
