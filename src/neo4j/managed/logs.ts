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

export function lastLines(text: string, n: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-n);
}
