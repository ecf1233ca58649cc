/**
 * Progress of the one-time jar download, over the one progress reporter (src/progress.ts). The
 * total is an estimate (the jar set of 5.26 plus the Browser is about 135 MB, and a first Maven run
 * adds ~10 MB of its own); the bar grows its total if a version turns out bigger.
 */
import { Progress } from '../../progress';
import type { Say } from '../../say';

const ESTIMATED_BYTES = 140e6;

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

export class DownloadProgress {
  private downloaded = 0;
  private copied = { jars: 0, bytes: 0 };
  private readonly progress: Progress;

  constructor(
    private readonly log: Pick<Say, 'info'>,
    label: string,
    tty: boolean = Boolean(process.stderr.isTTY),
  ) {
    this.progress = new Progress(tty, log);
    this.progress.start({
      format: `${label} |{bar}| {mb} / ~{totalMb} MB | {jars} jars in place`,
      line: () => `... ${mb(this.downloaded)} MB downloaded, ${this.copied.jars} jars (${mb(this.copied.bytes)} MB) in place`,
      total: ESTIMATED_BYTES,
      payload: this.payload(ESTIMATED_BYTES),
    });
  }

  /** Downloaded bytes come from Maven's output; jars in place from polling the output folder. */
  update(p: { downloadedBytes?: number; copied?: { jars: number; bytes: number } }): void {
    if (p.downloadedBytes !== undefined) this.downloaded = p.downloadedBytes;
    if (p.copied) this.copied = p.copied;
    const value = Math.max(this.downloaded, this.copied.bytes);
    this.progress.update(value, this.payload(Math.max(value, ESTIMATED_BYTES)));
  }

  finish(final: { jars: number; bytes: number }): void {
    this.copied = final;
    // Downloads include Maven's own POMs and plugin, so they can exceed the jars' size.
    const value = Math.max(this.downloaded, final.bytes, 1);
    this.progress.update(value, this.payload(value));
    this.progress.stop(this.payload(value));
    this.log.info(`Neo4j jars ready: ${final.jars} jars, ${mb(final.bytes)} MB`);
  }

  /** Leaves the terminal clean when the download failed (the error is reported by the caller). */
  abort(): void {
    this.progress.abort();
  }

  private payload(total: number) {
    return { mb: mb(Math.max(this.downloaded, this.copied.bytes)), totalMb: mb(total), jars: this.copied.jars };
  }
}
