/**
 * Collects every error of a run (not just the first), capped so that a hopeless multi-GB file
 * cannot fill memory with messages: past the cap only the count grows.
 */
import type { ImportError } from './types';

export const DEFAULT_ERROR_CAP = 1000;

export class ErrorList {
  readonly items: ImportError[] = [];
  total = 0;

  constructor(readonly cap: number = DEFAULT_ERROR_CAP) {}

  add(file: string, line: number, message: string): void {
    this.total += 1;
    if (this.items.length < this.cap) this.items.push({ file, line, message });
  }

  get omitted(): number {
    return this.total - this.items.length;
  }

  /** Errors sorted by file order then line, as a person reads them. */
  sorted(fileOrder: string[]): ImportError[] {
    const rank = new Map(fileOrder.map((f, i) => [f, i]));
    return [...this.items].sort((a, b) => (rank.get(a.file) ?? 1e9) - (rank.get(b.file) ?? 1e9) || a.line - b.line);
  }
}
