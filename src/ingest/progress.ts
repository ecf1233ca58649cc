/**
 * Progress of a phase (reading bytes, writing rows): a cli-progress bar on a terminal, otherwise a
 * plain line through the logger every few seconds (CI logs and pipes get no control characters).
 */
import cliProgress from 'cli-progress';
import type { Logger } from './types';

const PLAIN_INTERVAL_MS = 5000;

export class Progress {
  private bar?: cliProgress.SingleBar;
  private phase = '';
  private total = 0;
  private done = 0;
  private lastLine = 0;

  constructor(
    private readonly tty: boolean,
    private readonly log?: Logger,
  ) {}

  start(phase: string, total: number, unit: string): void {
    this.stop();
    this.phase = phase;
    this.total = total;
    this.done = 0;
    this.lastLine = Date.now();
    if (this.tty) {
      this.bar = new cliProgress.SingleBar(
        { format: `${phase.padEnd(10)} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(Math.max(total, 1), 0);
    }
  }

  add(n: number): void {
    this.done += n;
    if (this.bar) this.bar.update(Math.min(this.done, this.total));
    else if (this.log && Date.now() - this.lastLine >= PLAIN_INTERVAL_MS) {
      this.lastLine = Date.now();
      const pct = this.total > 0 ? Math.floor((100 * this.done) / this.total) : 0;
      this.log.info(`${this.phase}: ${pct}% (${this.done} of ${this.total})`);
    }
  }

  stop(): void {
    if (this.bar) {
      this.bar.update(this.total);
      this.bar.stop();
      this.bar = undefined;
    }
  }
}
