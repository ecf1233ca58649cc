/**
 * The one relationship-loading mechanism: a per-request DataLoader per (named query, argument set).
 *
 * A relationship query receives the parents' graph ids as `$ids` (plus its own arguments), runs
 * once for the whole batch (`UNWIND $ids AS parentId ...`) and returns rows carrying `parentId`;
 * the loader groups them by parent. So a request costs one Cypher round trip per relationship
 * field and nesting level, whatever the number of parents. Loaders live in the request context:
 * nothing is cached across requests.
 */
import DataLoader from 'dataloader';
import { isInt } from 'neo4j-driver';
import type { Params } from '../neo4j/database';
import type { Slots } from '../neo4j/queries';
import type { RequestContext } from './context';

/** A named query, or a named query with its slots (a label: see node/page), rendered by the catalog. */
export type QueryRef = string | { readonly name: string; readonly slots: Slots };

export interface ParentRow {
  parentId: string;
}

/**
 * Runs one named query (cypher/queries/<name>.cypher, parts written in, slots rendered, the variant
 * for these parameters: what they leave unused left out) with the request's database handle.
 */
export function runNamed<R>(ctx: RequestContext, query: QueryRef, params: Params = {}): Promise<R[]> {
  const text = typeof query === 'string' ? ctx.queries.variant(query, params) : ctx.queries.variant(query.name, params, query.slots);
  return ctx.db.read<R & Record<string, unknown>>(text, params) as Promise<R[]>;
}

/** The request's loader for `name` with `args` (created on first use). */
export function relationLoader<R extends ParentRow>(ctx: RequestContext, name: string, args: Params = {}): DataLoader<string, R[]> {
  const cacheKey = `${name}\u0000${stableJson(args)}`;
  let loader = ctx.loaders.get(cacheKey) as DataLoader<string, R[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, R[]>(async (ids) => {
      const rows = await runNamed<R>(ctx, name, { ...args, ids: [...ids] });
      return byParent(ids, rows);
    });
    ctx.loaders.set(cacheKey, loader);
  }
  return loader;
}

/**
 * The rows of lookup query `name` for one natural key (`region(gbCode: ...)`,
 * `product(hsCode: ..., edition: ...)`): the keys of a tick are one query too, so aliased lookups
 * (`wulong: region(...) shizhu: region(...)`) cost one round trip, and their nested fields, reached
 * in the same tick, are batched together again. The query receives the keys as `$keys`, each map
 * with its `parentId` (the key's stable JSON), and returns rows carrying that `parentId`.
 */
export function loadByKey<R extends ParentRow>(ctx: RequestContext, name: string, key: Params): Promise<R[]> {
  const cacheKey = `${name}\u0000keys`;
  let loader = ctx.loaders.get(cacheKey) as DataLoader<Params, R[], string> | undefined;
  if (!loader) {
    loader = new DataLoader<Params, R[], string>(
      async (keys) => {
        const ids = keys.map((k) => stableJson(k));
        const rows = await runNamed<R>(ctx, name, { keys: keys.map((k, i) => ({ ...k, parentId: ids[i] })) });
        return byParent(ids, rows);
      },
      { cacheKeyFn: (k) => stableJson(k) },
    );
    ctx.loaders.set(cacheKey, loader);
  }
  return loader.load(key);
}

/** The rows of relationship query `name` for one parent (batched with every other parent of the tick). */
export function loadRelation<R extends ParentRow>(ctx: RequestContext, name: string, parentId: string, args: Params = {}): Promise<R[]> {
  return relationLoader<R>(ctx, name, args).load(parentId);
}

/** The single row for one parent, or undefined (queries that return one row per parent). */
export async function loadRelationRow<R extends ParentRow>(
  ctx: RequestContext,
  name: string,
  parentId: string,
  args: Params = {},
): Promise<R | undefined> {
  return (await loadRelation<R>(ctx, name, parentId, args))[0];
}

/** The rows grouped by their `parentId`, in the order of `ids` (an empty list for a parent without rows). */
function byParent<R extends ParentRow>(ids: readonly string[], rows: R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const list = groups.get(row.parentId);
    if (list) list.push(row);
    else groups.set(row.parentId, [row]);
  }
  return ids.map((id) => groups.get(id) ?? []);
}

/** JSON with sorted keys, so equal argument sets share a loader whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (isInt(v)) return `int:${v.toString()}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
