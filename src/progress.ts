/**
 * The one progress reporter (over cli-progress): a bar on a terminal, otherwise a plain line through
 * `say` every few seconds (CI logs and pipes get no control characters). Import phases and the
 * Neo4j download both use it; each says what its numbers are (`format`, `line`).
 */
import cliProgress from 'cli-progress';
import type { Say } from './say';

const PLAIN_INTERVAL_MS = 5000;

export type Payload = Record<string, string | number>;

export interface ProgressSpec {
  /** The bar's cli-progress format, e.g. `import [{bar}] {percentage}% | {value}/{total} rows`. */
  format: string;
  /** The plain line for logs, from the value, the total and the payload. */
  line: (value: number, total: number, payload: Payload) => string;
  total: number;
  payload?: Payload;
  /** Keep the bar on screen when done. */
  keep?: boolean;
}

export class Progress {
  private bar?: cliProgress.SingleBar;
  private spec?: ProgressSpec;
  private value = 0;
  private total = 0;
  private lastLine = 0;

  constructor(
    private readonly tty: boolean,
    private readonly say?: Pick<Say, 'info'>,
  ) {}

  start(spec: ProgressSpec): void {
    this.stop();
    this.spec = spec;
    this.value = 0;
    this.total = spec.total;
    this.lastLine = Date.now();
    if (this.tty) {
      this.bar = new cliProgress.SingleBar(
        { format: spec.format, stream: process.stderr, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(Math.max(spec.total, 1), 0, spec.payload ?? {});
    }
  }

  /** Sets the value (the total grows when the value passes it: estimates may be low). */
  update(value: number, payload: Payload = {}): void {
    this.value = value;
    if (value > this.total) this.total = value;
    if (this.bar) {
      if (value > this.bar.getTotal()) this.bar.setTotal(value);
      this.bar.update(value, payload);
    } else if (this.spec && this.say && Date.now() - this.lastLine >= PLAIN_INTERVAL_MS) {
      this.lastLine = Date.now();
      this.say.info(this.spec.line(this.value, this.total, payload));
    }
  }

  add(n: number): void {
    this.update(this.value + n);
  }

  /** Fills the bar and removes it from the terminal's care (no-op without one). */
  stop(payload: Payload = {}): void {
    if (this.bar) {
      this.bar.setTotal(Math.max(this.total, this.value, 1));
      this.bar.update(Math.max(this.total, this.value, 1), payload);
      this.bar.stop();
      this.bar = undefined;
    }
  }

  /** Stops the bar where it is (a failure: the caller reports the error). */
  abort(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

/** A percentage line: `import: 42% (420 of 1000)`. */
export function percentLine(phase: string) {
  return (value: number, total: number) => `${phase}: ${total > 0 ? Math.floor((100 * value) / total) : 0}% (${value} of ${total})`;
}
