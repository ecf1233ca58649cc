/**
 * What a trade flow's query fetches ahead when the selection asks for it (shared/look-ahead.ts,
 * cypher/queries/parts/flow-neighbours.cypher): its single-valued participants and its channels,
 * each through the loader of the field's own query, and its provenance.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/context';
import { loadRelationRow, ParentRow } from '../../graphql/loaders';
import { lookAhead, Near, Neighbours, primeNear, PROVENANCE } from '../shared/look-ahead';
import type { NodeRow } from '../shared/load';
import { EntityValue, toValue } from '../shared/to-value';

export const FLOW_NEIGHBOURS: Neighbours = {
  trader: { fields: ['trader'], query: 'trade-flow/trader' },
  product: { fields: ['product'], query: 'trade-flow/product' },
  from: { fields: ['from'], query: 'trade-flow/from' },
  to: { fields: ['to'], query: 'trade-flow/to' },
  reportedBy: { fields: ['reportedBy'], query: 'trade-flow/reporter' },
  via: { fields: ['via'], query: 'trade-flow/via' },
  ...PROVENANCE,
};

/** One trade flow by graph id with what the selection asks for under it, in one query (batched). */
export async function flowByKey(ctx: RequestContext, info: GraphQLResolveInfo, key: string): Promise<EntityValue | null> {
  const look = lookAhead(info, FLOW_NEIGHBOURS, 'object');
  const row = await loadRelationRow<NodeRow & ParentRow & { near: Near }>(ctx, 'trade-flow/by-ids', key, { look });
  if (!row) return null;
  primeNear(ctx, FLOW_NEIGHBOURS, look, key, row.near);
  return toValue(row.node);
}
