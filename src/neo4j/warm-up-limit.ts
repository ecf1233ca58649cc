/**
 * While Neo4j is cold (just started, or restarted after a crash), at most one request per CPU core
 * runs its queries; the others wait their turn, within their own deadline.
 *
 * Why: Neo4j keeps query plans in memory only and its JIT starts cold, so the first run of each
 * query text plans it, and planning one of the composed queries then takes 1-6 s on 2 cores
 * (measured after a kill -9: the example operations, one at a time). Ten clients arriving at once
 * all plan at the same time, each slowing the others down: after a restart under 10 clients no
 * request finished for 12 s and nine met the 15 s deadline. Admitting one request per core lets the
 * first ones finish in the time a lone request takes, and the plans they leave behind make the
 * following ones fast; the queue is the same work in a better order.
 *
 * The limit lifts itself once WARM_REQUESTS requests have finished or WARM_MS has passed, whichever
 * comes first; outside a warm-up nothing waits (`admit` resolves at once).
 */
import os from 'node:os';

/** Requests served under the limit before it lifts (enough for the plans of the usual traffic). */
const WARM_REQUESTS = 50;
/** The longest the limit stays after a (re)start. */
const WARM_MS = 60_000;

export class WarmUpLimit {
  private permits = 0;
  private inUse = 0;
  /** Requests still to finish before the limit lifts. */
  private remaining = 0;
  private readonly queue: { grant: () => void }[] = [];
  private timer?: NodeJS.Timeout;

  /** True while requests are admitted one per core. */
  get active(): boolean {
    return this.permits > 0;
  }

  /** Neo4j has just (re)started: limit concurrency until it is warm. */
  begin(permits = os.availableParallelism(), requests = WARM_REQUESTS, ms = WARM_MS): void {
    this.permits = Math.max(1, permits);
    this.remaining = requests;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lift(), ms);
    this.timer.unref();
  }

  /** Lifts the limit: every waiting request goes ahead. */
  lift(): void {
    this.permits = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.queue.splice(0)) w.grant();
  }

  /**
   * Waits for a turn (at once when no warm-up is under way). Resolves to the release, which the
   * request calls when it ends; rejects with `onTimeout()` if `deadlineAt` passes first.
   */
  admit(deadlineAt: number, onTimeout: () => Error): Promise<() => void> {
    if (!this.active) return Promise.resolve(() => undefined);
    if (this.inUse < this.permits) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.active ? this.take() : () => undefined);
        },
      };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(onTimeout());
      }, Math.max(0, deadlineAt - Date.now()));
      this.queue.push(waiter);
    });
  }

  private take(): () => void {
    this.inUse += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      if (this.active && --this.remaining <= 0) return this.lift();
      while (this.active && this.inUse < this.permits && this.queue.length > 0) this.queue.shift()!.grant();
    };
  }
}
