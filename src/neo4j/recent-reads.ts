/**
 * The read queries this process's requests ran most, kept so that a restarted Neo4j can be warmed
 * with exactly them (runtime.ts runs them beside the first requests after a restart).
 *
 * Why: Neo4j keeps query plans in memory only. After a crash and restart (managed-neo4j.ts'
 * supervisor) every text plans again on first use, and a composed query takes seconds to plan on a
 * small machine; ten clients arriving at once then all plan at the same time, each request can
 * meet its deadline, and a transaction stopped at its deadline leaves no plan behind. Which texts
 * matter is known here, with the parameters they last ran with (Neo4j caches a plan by text and
 * parameter types). Replaying them is the same planning done once each, in the order of use. A
 * real run, not an EXPLAIN (as plans.ts does at a first start, when no request has run yet):
 * measured on the seed graph, `trade-flow/page` still took 0.8-1.1 s on its first run after an
 * EXPLAIN (3.9-4.3 s with neither).
 *
 * Bounded: at most `capacity` texts (the least recently run leave first); parameters are kept in
 * memory only, as the last request sent them.
 */
import type { Database, Params } from './database';
import { QueryStats } from './database';

interface Entry {
  params: Params;
  count: number;
}

export interface RecentRead {
  text: string;
  params: Params;
  count: number;
}

export class RecentReads {
  /** In order of last use (a Map keeps insertion order; a use moves the entry to the end). */
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity = 64) {}

  /** One request read of `text` with `params`. */
  note(text: string, params: Params): void {
    const entry = this.entries.get(text);
    if (entry) {
      this.entries.delete(text);
      entry.params = params;
      entry.count += 1;
      this.entries.set(text, entry);
      return;
    }
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(text, { params, count: 1 });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The kept reads, most run first. */
  hottest(): RecentRead[] {
    return [...this.entries].map(([text, e]) => ({ text, params: e.params, count: e.count })).sort((a, b) => b.count - a.count);
  }
}

export interface ReplayResult {
  replayed: number;
  failed: number;
  /** Reads not started because the budget ran out. */
  skipped: number;
  ms: number;
}

/**
 * Runs each of `reads` once on `db`, `concurrency` at a time, in the given order, each with a
 * transaction timeout of `timeoutMs`; starts none after `budgetMs`. A failure is counted, not thrown.
 */
export async function replayReads(db: Database, reads: readonly RecentRead[], o: { concurrency: number; budgetMs: number; timeoutMs: number }): Promise<ReplayResult> {
  const began = Date.now();
  let next = 0;
  let replayed = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (next < reads.length && Date.now() - began < o.budgetMs) {
      const read = reads[next++]!;
      // A started read gets its whole timeout even past the budget: a read stopped midway leaves no plan.
      const view = db.forRequest(new QueryStats(), { at: Date.now() + o.timeoutMs, timeoutMs: o.timeoutMs }, undefined, true);
      try {
        await view.read(read.text, read.params);
        replayed += 1;
      } catch {
        failed += 1;
      } finally {
        view.scope?.end();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  return { replayed, failed, skipped: reads.length - replayed - failed, ms: Date.now() - began };
}
