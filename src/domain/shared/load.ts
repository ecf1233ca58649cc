/**
 * Repository helpers over the generic loader: rows of relationship queries become GraphQL values.
 */
import neo4j, { isNode, Node as Neo4jNode } from 'neo4j-driver';
import { ArgsType, Field, Int } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { loadRelation, ParentRow } from '../../graphql/loaders';
import { pageSize } from '../../graphql/args';
import type { Params } from '../../neo4j/database';
import { entityOf } from './selected-properties';
import { EntityValue, plainProps, plainValue, toValue } from './to-value';

export interface NodeRow extends ParentRow {
  node: Neo4jNode;
}

/** A node column whole, or projected to the request's properties where the query says so (selected-properties.ts). */
export interface MaybeProjectedRow extends ParentRow {
  node: Neo4jNode | unknown[];
}

/** The entities relationship query `query` returns for one parent (column `node`). */
export async function loadNodes(ctx: RequestContext, query: string, parentKey: string, args: Params = {}): Promise<EntityValue[]> {
  const rows = await loadRelation<MaybeProjectedRow>(ctx, query, parentKey, args);
  return rows.map((r) => entityOf(ctx, r.node));
}

/** The first entity relationship query `query` returns for one parent, or null. */
export async function loadNode(ctx: RequestContext, query: string, parentKey: string, args: Params = {}): Promise<EntityValue | null> {
  return (await loadNodes(ctx, query, parentKey, args))[0] ?? null;
}

/**
 * Rows as small objects: node columns become entity values under their column name, a `rel`
 * column (relationship properties) is spread in, anything else becomes a plain value.
 */
export async function loadObjects<T>(ctx: RequestContext, query: string, parentKey: string, args: Params = {}): Promise<T[]> {
  const rows = await loadRelation<ParentRow & Record<string, unknown>>(ctx, query, parentKey, args);
  return rows.map((row) => {
    const out: Record<string, unknown> = { excerptIds: [] };
    for (const [k, v] of Object.entries(row)) {
      if (k === 'parentId') continue;
      if (k === 'rel' && v && typeof v === 'object') Object.assign(out, plainProps(v as Record<string, unknown>));
      else out[k] = isNode(v) ? toValue(v) : plainValue(v);
    }
    if (!Array.isArray(out.excerptIds)) out.excerptIds = [];
    return out as T;
  });
}

export const DEFAULT_LIST_SIZE = 100;

@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: `At most this many items (default ${DEFAULT_LIST_SIZE}).` })
  first?: number | null;
}

/** `$limit` for a limited nested list (per parent), checked against the maximum page size. */
export function listArgs(ctx: RequestContext, list: ListArgs): { limit: ReturnType<typeof neo4j.int> } {
  return { limit: neo4j.int(pageSize('first', list.first ?? DEFAULT_LIST_SIZE, ctx.config.graphql.maxPageSize)) };
}
