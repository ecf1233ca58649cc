/**
 * What the graph stores besides what was imported, derived from it and kept current by the import
 * pipeline: after every written import (curated, Comtrade, seed, curation change sets) the ingest
 * calls `refreshAggregates` once. Each step is a named query in `cypher/aggregates/`:
 *   - sort keys: the stored, indexed NAME sort key of every listed kind, and every trade flow's
 *     PERIOD sort key (aggregates/flow-sort-keys), which the root `tradeFlows` page reads in order;
 *   - source counts: each fact's number of distinct sources (the single-source filter);
 *   - fact counts: the number of facts per kind and source count (single-source facts' `totalCount`);
 *   - concentration: the whole graph's exporter concentration per product, HS chapter, market and
 *     destination with every measure, the top exporter and the rank in the API's order, which
 *     `concentration(by:)` without a filter reads in index order instead of every flow;
 *   - trade totals: the whole graph's totals per company, currency and direction (aggregates/trade-totals,
 *     ranked in analytics/trade-totals' order), which the root `tradeTotals(groupBy: COMPANY)` with
 *     no filter but the direction reads in index order; and the flow counts per direction
 *     (aggregates/flow-counts), which the root `tradeFlows` page's `totalCount` adds for such a filter;
 *     flows carry their COMPANY `aggKeys` too, so the incremental refresh recomputes only the
 *     companies an import moved flows into or out of;
 *   - state: how many facts and flows they were computed from; a read that serves them checks the
 *     graph still has as many (a retraction, a write around the pipeline), else computes.
 *
 * Two ways, with the same result (aggregates-incremental.test.ts compares them after imports that
 * add flows, change values, move a flow to another product and destination, rename, roll back):
 *   - **full** (`refreshAggregates(db)`): every step over the whole graph (aggregates/sort-keys,
 *     source-counts, fact-counts, concentration-clear + concentration per group, concentration-keys).
 *     Idempotent, and a graph written around the pipeline (tests, an analyst in Neo4j Browser) is
 *     made whole by one run.
 *   - **incremental** (`refreshAggregates(db, queries, scope)`): only what an import touched
 *     (`scope.touched`: the ids it wrote, per label; a staged run's file excerpts): the sort keys of
 *     those nodes, the source counts of the facts they state, and the concentration groups the
 *     touched flows were in before (each flow's `aggKeys`, written when its summaries were) and are
 *     in now, each computed again from all of its flows; then the ranks of that grouping, read from
 *     the summaries alone (a rank is a place among all of them: one changed group can move all the
 *     others, so they are ranked again, but that reads summaries, never flows, and writes only the
 *     ranks that changed); fact counts are counted again from the count store and the few facts
 *     whose source count is not 1 (aggregates/fact-counts-from-rare, an index seek). Chosen only when the stored aggregates were exact before the import
 *     (`scope.baseline`, aggregates/state-baseline, read before the import wrote: the last refresh
 *     was complete and nothing was written around the pipeline since); otherwise, or when the
 *     import touched more than `INCREMENTAL_LIMIT` ids, the refresh is full.
 * The per-node steps of the full refresh commit in batches (CALL ... IN TRANSACTIONS); each
 * grouping of the incremental one commits its groups and ranks in one transaction.
 */
import type { Database } from './database';
import { QueryCatalog } from './queries';

/** Properties the steps write on imported nodes (no record states or owns them). */
export const DERIVED_PROPS: readonly string[] = ['sortKey', 'sourceCount', 'aggKeys'];

/** Labels of the nodes the steps write beside the imported graph (summaries, counts, their state): no record states them. */
export const AGGREGATE_LABELS: readonly string[] = ['ConcentrationSummary', 'TradeTotalSummary', 'FactSourceCount', 'AggregateState'];

/** The groups concentration is stored for (the API's ConcentrationBy). */
export const CONCENTRATION_GROUPS = ['PRODUCT', 'HS_CHAPTER', 'MARKET', 'DESTINATION'] as const;

/** The groups trade totals are stored for (the API's TradeGroupBy): the trader. */
export const TRADE_TOTAL_GROUPS = ['COMPANY'] as const;

/** The steps that write the trade totals and flow counts (part of AGGREGATE_STEPS; `refreshTradeTotals` runs them alone). */
export const TRADE_TOTAL_STEPS: readonly { query: string; params?: Record<string, unknown>; batched?: boolean }[] = [
  ...TRADE_TOTAL_GROUPS.map((groupBy) => ({ query: 'aggregates/trade-totals', params: { groupBy } })),
  ...TRADE_TOTAL_GROUPS.map((groupBy) => ({ query: 'aggregates/concentration-keys', params: { groupBy }, batched: true })),
  { query: 'aggregates/flow-counts' },
];

export const AGGREGATE_STEPS: readonly { query: string; params?: Record<string, unknown>; batched?: boolean }[] = [
  { query: 'aggregates/state-begin' },
  { query: 'aggregates/sort-keys', batched: true },
  { query: 'aggregates/flow-sort-keys', batched: true },
  { query: 'aggregates/source-counts', batched: true },
  { query: 'aggregates/fact-counts' },
  { query: 'aggregates/concentration-clear', batched: true },
  ...CONCENTRATION_GROUPS.map((groupBy) => ({ query: 'aggregates/concentration', params: { groupBy } })),
  { query: 'aggregates/concentration-keys-clear', batched: true },
  ...CONCENTRATION_GROUPS.map((groupBy) => ({ query: 'aggregates/concentration-keys', params: { groupBy }, batched: true })),
  ...TRADE_TOTAL_STEPS,
  { query: 'aggregates/state' },
];

/** Ids an import wrote, per merge label (`Fact`, `Company`, `Product`, `Region`, `Market`, `Excerpt`, `Source`, ...). */
export type Touched = Record<string, string[]>;

export interface AggregateScope {
  /** What the import wrote (nodes, both ends of relationships). */
  touched: Touched;
  /**
   * Nodes whose sort keys alone can have changed: a staged run's created entities (new regions, HS
   * codes, Sources, Excerpts): only the run's new flows, which have no trader and one source, reach them.
   */
  sortKeysOnly?: Touched;
  /** Whether the stored aggregates were exact before the import wrote (`aggregateBaseline`). */
  baseline: boolean;
}

/** More touched ids than this: a full refresh (cheaper than following each of them). */
export const INCREMENTAL_LIMIT = 200_000;

let catalog: QueryCatalog | undefined;

const merged = (a: Touched, b: Touched): Touched => {
  const out: Touched = { ...a };
  for (const [label, ids] of Object.entries(b)) out[label] = [...(out[label] ?? []), ...ids];
  return out;
};

/** Read before an import writes: whether a refresh of what it touches will leave the aggregates exact. */
export async function aggregateBaseline(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog())): Promise<boolean> {
  const [row] = await db.read<{ current: boolean }>(queries.get('aggregates/state-baseline'));
  return row?.current === true;
}

export const touchedCount = (t: Touched): number => Object.values(t).reduce((n, ids) => n + ids.length, 0);

/** Collects the ids an import writes, per merge label, up to a limit (past it: undefined, a full refresh). */
export class TouchedIds {
  private readonly sets = new Map<string, Set<string>>();
  private size = 0;
  overflow = false;

  constructor(private readonly limit = INCREMENTAL_LIMIT) {}

  add(label: string | undefined, id: string): void {
    if (this.overflow || !label) return;
    let set = this.sets.get(label);
    if (!set) this.sets.set(label, (set = new Set()));
    if (set.has(id)) return;
    set.add(id);
    if (++this.size > this.limit) {
      this.overflow = true;
      this.sets.clear();
    }
  }

  /** The ids, or undefined when there were too many. */
  result(): Touched | undefined {
    if (this.overflow) return undefined;
    return Object.fromEntries([...this.sets].map(([label, ids]) => [label, [...ids]]));
  }
}

/** How a refresh went: `full` or `incremental`, the concentration groups written again (incremental), each step's seconds. */
export interface RefreshResult {
  mode: 'full' | 'incremental';
  groups?: number;
  seconds: Record<string, number>;
}

export async function refreshAggregates(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog()), scope?: AggregateScope): Promise<RefreshResult> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      seconds[name] = (seconds[name] ?? 0) + (Date.now() - t0) / 1000;
    }
  };
  if (!scope || !scope.baseline || touchedCount(scope.touched) + touchedCount(scope.sortKeysOnly ?? {}) > INCREMENTAL_LIMIT) {
    for (const step of AGGREGATE_STEPS) {
      const text = queries.get(step.query);
      // Batched steps commit as they go (CALL ... IN TRANSACTIONS needs an auto-commit transaction).
      await timed(step.query.replace('aggregates/', ''), () => (step.batched ? db.autoCommit(text, step.params) : db.write(text, step.params)));
    }
    return { mode: 'full', seconds };
  }
  const touched = scope.touched;
  await timed('state-begin', () => db.write(queries.get('aggregates/state-begin')));
  await timed('sort-keys', () => db.write(queries.get('aggregates/touched-sort-keys'), { touched: merged(touched, scope.sortKeysOnly ?? {}) }));
  // Every flow's key where missing or stale: a staged run's new flows and a bulk load's are not
  // listed one by one (one pass over the flows, writing only what changed).
  await timed('flow-sort-keys', () => db.autoCommit(queries.get('aggregates/flow-sort-keys')));
  await timed('source-counts', () => db.autoCommit(queries.get('aggregates/touched-source-counts'), { touched }));
  await timed('fact-counts', async () => {
    const [counted] = await db.write<{ written: number }>(queries.get('aggregates/fact-counts-from-rare'));
    if (!counted) await db.write(queries.get('aggregates/fact-counts'));
  });
  let groups = 0;
  for (const groupBy of CONCENTRATION_GROUPS) {
    groups += await timed('concentration', () =>
      db.executeWrite(async (tx) => {
        const found = await tx.run(queries.get('aggregates/touched-concentration-groups'), { groupBy, touched });
        const keys = (found.records[0]?.get('keys') as string[] | undefined) ?? [];
        if (keys.length === 0) return 0;
        await tx.run(queries.get('aggregates/touched-concentration'), { groupBy, keys });
        await tx.run(queries.get('aggregates/concentration-rank'), { groupBy });
        return keys.length;
      }),
    );
  }
  for (const groupBy of TRADE_TOTAL_GROUPS) {
    groups += await timed('trade-totals', () =>
      db.executeWrite(async (tx) => {
        const found = await tx.run(queries.get('aggregates/touched-concentration-groups'), { groupBy, touched });
        const keys = (found.records[0]?.get('keys') as string[] | undefined) ?? [];
        if (keys.length === 0) return 0;
        await tx.run(queries.get('aggregates/touched-trade-totals'), { groupBy, keys });
        await tx.run(queries.get('aggregates/trade-totals-rank'), { groupBy });
        return keys.length;
      }),
    );
  }
  await timed('flow-counts', () => db.write(queries.get('aggregates/flow-counts')));
  await timed('state', () => db.write(queries.get('aggregates/state')));
  return { mode: 'incremental', groups, seconds };
}

/**
 * The trade totals, the flows' COMPANY `aggKeys` and the flow counts alone, over the whole graph,
 * then the state: for a graph whose other aggregates are exact but which was refreshed before
 * these existed (bench/compare/graph.ts on a graph built earlier), instead of a full refresh.
 */
export async function refreshTradeTotals(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog())): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  for (const step of [...TRADE_TOTAL_STEPS, { query: 'aggregates/state' } as (typeof TRADE_TOTAL_STEPS)[number]]) {
    const t0 = Date.now();
    const text = queries.get(step.query);
    await (step.batched ? db.autoCommit(text, step.params) : db.write(text, step.params));
    seconds[step.query.replace('aggregates/', '') + (step.params?.groupBy ? `:${String(step.params.groupBy)}` : '')] = (Date.now() - t0) / 1000;
  }
  return seconds;
}

/**
 * Every trade flow's sort key, then the state: for a graph whose other aggregates are exact but
 * which was refreshed before flows had one (bench/compare/graph.ts on a graph built earlier).
 */
export async function refreshFlowSortKeys(db: Database, queries: QueryCatalog = (catalog ??= new QueryCatalog())): Promise<void> {
  await db.autoCommit(queries.get('aggregates/flow-sort-keys'));
  await db.write(queries.get('aggregates/state'));
}
