/**
 * Progress of the one-time jar download: a cli-progress bar on a terminal, a plain line every few
 * seconds otherwise (CI logs, pipes). The total is an estimate (the jar set of 5.26 plus the Browser
 * is about 135 MB, and a first Maven run adds ~10 MB of its own); the bar grows its total if a version turns out bigger.
 */
import cliProgress from 'cli-progress';

const ESTIMATED_BYTES = 140e6;
const PLAIN_EVERY_MS = 5000;

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

export class DownloadProgress {
  private downloaded = 0;
  private copied = { jars: 0, bytes: 0 };
  private bar?: cliProgress.SingleBar;
  private lastPlain = Date.now();

  constructor(
    private readonly log: { info(msg: string): void },
    label: string,
    tty: boolean = Boolean(process.stderr.isTTY),
  ) {
    if (tty) {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${label} |{bar}| {mb} / ~{totalMb} MB | {jars} jars in place`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(ESTIMATED_BYTES, 0, this.payload());
    }
  }

  /** Downloaded bytes come from Maven's output; jars in place from polling the output folder. */
  update(p: { downloadedBytes?: number; copied?: { jars: number; bytes: number } }): void {
    if (p.downloadedBytes !== undefined) this.downloaded = p.downloadedBytes;
    if (p.copied) this.copied = p.copied;
    const value = Math.max(this.downloaded, this.copied.bytes);
    if (this.bar) {
      if (value > this.bar.getTotal()) this.bar.setTotal(value);
      this.bar.update(value, this.payload());
    } else if (Date.now() - this.lastPlain >= PLAIN_EVERY_MS) {
      this.lastPlain = Date.now();
      this.log.info(`... ${mb(this.downloaded)} MB downloaded, ${this.copied.jars} jars (${mb(this.copied.bytes)} MB) in place`);
    }
  }

  finish(final: { jars: number; bytes: number }): void {
    this.copied = final;
    if (this.bar) {
      // Downloads include Maven's own POMs and plugin, so they can exceed the jars' size.
      const value = Math.max(this.downloaded, final.bytes, 1);
      this.bar.setTotal(value);
      this.bar.update(value, this.payload());
      this.bar.stop();
    }
    this.log.info(`Neo4j jars ready: ${final.jars} jars, ${mb(final.bytes)} MB`);
  }

  /** Leaves the terminal clean when the download failed (the error is reported by the caller). */
  abort(): void {
    this.bar?.stop();
  }

  private payload() {
    const total = this.bar ? this.bar.getTotal() : ESTIMATED_BYTES;
    return { mb: mb(Math.max(this.downloaded, this.copied.bytes)), totalMb: mb(total), jars: this.copied.jars };
  }
}
