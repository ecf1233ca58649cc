/**
 * What a trade flow's query fetches ahead when the selection asks for it (shared/look-ahead.ts,
 * cypher/queries/parts/flow-neighbours.cypher): its single-valued participants and its channels,
 * each through the loader of the field's own query, and its provenance.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/context';
import { loadRelationRow } from '../../graphql/loaders';
import { lookAhead, Near, Neighbours, primeNear, PROVENANCE } from '../shared/look-ahead';
import type { MaybeProjectedRow } from '../shared/load';
import { entityOf, fieldsParam } from '../shared/selected-properties';
import type { EntityValue } from '../shared/to-value';

export const FLOW_NEIGHBOURS: Neighbours = {
  trader: { fields: ['trader'], query: 'trade-flow/trader' },
  product: { fields: ['product'], query: 'trade-flow/product' },
  from: { fields: ['from'], query: 'trade-flow/from' },
  to: { fields: ['to'], query: 'trade-flow/to' },
  reportedBy: { fields: ['reportedBy'], query: 'trade-flow/reporter' },
  via: { fields: ['via'], query: 'trade-flow/via' },
  ...PROVENANCE,
};

/** The node types a flow query may project (`$fields`): the flow, its neighbours, its excerpts and their sources. */
export const FLOW_NODE_TYPES = ['TradeFlow', 'Company', 'Product', 'Region', 'Market', 'Policy', 'Excerpt', 'Source'] as const;

/** One trade flow by graph id with what the selection asks for under it, in one query (batched). */
export async function flowByKey(ctx: RequestContext, info: GraphQLResolveInfo, key: string): Promise<EntityValue | null> {
  const look = lookAhead(info, FLOW_NEIGHBOURS, 'object');
  const row = await loadRelationRow<MaybeProjectedRow & { near: Near }>(ctx, 'trade-flow/by-ids', key, { look, fields: fieldsParam(ctx, info, FLOW_NODE_TYPES) });
  if (!row) return null;
  primeNear(ctx, FLOW_NEIGHBOURS, look, key, row.near);
  return entityOf(ctx, row.node);
}
