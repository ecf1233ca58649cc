/**
 * Progress of an import phase (reading bytes, writing rows), over the one progress reporter
 * (src/progress.ts): `start('write', n, 'upserts')`, `add(k)`, `stop()`.
 */
import { Progress as Reporter, percentLine } from '../progress';
import type { Say } from '../say';

export class Progress {
  private readonly reporter: Reporter;

  constructor(tty: boolean, log?: Pick<Say, 'info'>) {
    this.reporter = new Reporter(tty, log);
  }

  start(phase: string, total: number, unit: string): void {
    this.reporter.start({
      format: `${phase.padEnd(10)} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
      line: percentLine(phase),
      total,
    });
  }

  add(n: number): void {
    this.reporter.add(n);
  }

  stop(): void {
    this.reporter.stop();
  }
}
