/**
 * While Neo4j is cold (just started, or restarted after a crash), a query text's first run (its
 * planning) waits for a turn, at most one per CPU core, the oldest request's first; a text that has
 * run since the start runs at once, and a text being planned right now is waited for, not planned again.
 *
 * Why: Neo4j keeps query plans in memory only, so after a (re)start every text plans again on its
 * first run, and planning one of the composed texts takes 0.5-3 s on 2 cores (measured with the
 * query caches cleared, the example operations' 30 texts about 20 s in all). Ten clients arriving
 * at once then all plan at the same time, each slowing the others down, and a request whose
 * deadline passes mid-planning leaves no plan behind. What holds requests back is only planning:
 *  - a read of a text that already ran since the (re)start needs no turn (it plans nothing);
 *  - a read of a text whose first run is under way waits for that run instead of planning the
 *    same text a second time, and then runs at once;
 *  - the other first runs take one of `permits` turns, the read with the earliest deadline first
 *    (all requests get the same time, so: the request that started first), then the shorter text:
 *    a request's reads come level after level, and its next level goes before the first levels of
 *    requests that came later, so no request starves behind shorter texts that keep arriving (the
 *    shortest text first, as before, let a request's next level wait behind every other request's
 *    first level). Measured (bench/faults.js, kill under 10 clients, 2 cores): the first answer
 *    13.1, 16.5 and 21.2 s after the kill against 15.0 and 19.7 s shortest-first: within this
 *    machine's noise, so the order is chosen for the starvation it rules out, not for speed.
 *  - a background read (the replay of recent reads, recent-reads.ts) gets a turn only when no
 *    request's read waits for one: it plans ahead for requests to come, never instead of one that
 *    is waiting now (measured: its reads took a turn from the first requests after a restart).
 * The limit lifts itself WARM_MS after `begin`; outside a warm-up nothing waits.
 */
import os from 'node:os';

/** How long the limit stays after a (re)start. */
const WARM_MS = 60_000;

/** A read's end: `planned` says it ran to completion, so its text's plan is in Neo4j's cache. */
export type Release = (planned: boolean) => void;

interface Waiter {
  text: string;
  deadlineAt: number;
  seq: number;
  background: boolean;
  grant: (permit: boolean) => void;
}

const noTurn: Release = () => undefined;

export class WarmUpLimit {
  private permits = 0;
  private inUse = 0;
  private seq = 0;
  /** Texts that ran to completion since `begin`. */
  private readonly planned = new Set<string>();
  /** Texts whose first run holds a turn now. */
  private readonly planning = new Set<string>();
  private readonly queue: Waiter[] = [];
  private timer?: NodeJS.Timeout;

  /** True while first runs wait for a turn. */
  get active(): boolean {
    return this.permits > 0;
  }

  /** Neo4j has just (re)started: first runs take turns until `ms` have passed. */
  begin(permits = os.availableParallelism(), ms = WARM_MS): void {
    this.permits = Math.max(1, permits);
    this.planned.clear();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lift(), ms);
    this.timer.unref();
  }

  /** Lifts the limit: every waiting read goes ahead. */
  lift(): void {
    this.permits = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.planned.clear();
    for (const w of this.queue.splice(0)) w.grant(false);
  }

  /**
   * Waits until a read of `text` may run (at once outside a warm-up, or when the text has run since
   * the start). Resolves to the read's release, which the reader calls when the read ends; rejects
   * with `onTimeout()` if `deadlineAt` passes first, or with the signal's reason when it aborts.
   * A `background` read (the replay) is given a turn only when no request's read waits for one.
   */
  admit(text: string, deadlineAt: number, onTimeout: () => Error, signal?: AbortSignal, background = false): Promise<Release> {
    if (!this.active || this.planned.has(text)) return Promise.resolve(noTurn);
    // A free turn means no read waits for one (a release hands its turn on at once), so even a background read takes it.
    if (!this.planning.has(text) && this.inUse < this.permits) return Promise.resolve(this.take(text));
    return new Promise((resolve, reject) => {
      const leave = (err: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(err);
      };
      const onAbort = () => leave(signal!.reason);
      const waiter: Waiter = {
        text,
        deadlineAt,
        seq: this.seq++,
        background,
        grant: (permit) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(permit ? this.take(text) : noTurn);
        },
      };
      const timer = setTimeout(() => leave(onTimeout()), Math.max(0, deadlineAt - Date.now()));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private take(text: string): Release {
    this.inUse += 1;
    this.planning.add(text);
    let released = false;
    return (planned) => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      this.planning.delete(text);
      if (!this.active) return;
      if (planned) {
        this.planned.add(text);
        // The reads that waited for this text's plan run now, without a turn.
        for (const w of this.queue.filter((q) => q.text === text)) this.grantWaiter(w, false);
      }
      this.pump();
    };
  }

  /** Gives free turns to the waiting texts nobody is planning, in the order of `before`. */
  private pump(): void {
    while (this.inUse < this.permits) {
      let best: Waiter | undefined;
      for (const w of this.queue) {
        if (this.planning.has(w.text)) continue;
        if (!best || before(w, best)) best = w;
      }
      if (!best) return;
      this.grantWaiter(best, true);
    }
  }

  private grantWaiter(w: Waiter, permit: boolean): void {
    this.queue.splice(this.queue.indexOf(w), 1);
    w.grant(permit);
  }
}

/** The order of turns: a request's read before a background one, then the earlier deadline, then the shorter text, then the earlier. */
function before(a: Waiter, b: Waiter): boolean {
  if (a.background !== b.background) return !a.background;
  if (a.deadlineAt !== b.deadlineAt) return a.deadlineAt < b.deadlineAt;
  if (a.text.length !== b.text.length) return a.text.length < b.text.length;
  return a.seq < b.seq;
}
