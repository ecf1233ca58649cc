/**
 * Relay root fields: `node(id:)` and `nodes(ids:)` fetch any entity by global id, batched.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import { decodeGlobalId } from '../../graphql/relay/global-id';
import { Node } from '../../graphql/relay/node';
import { loadNode } from './load';
import { EntityValue, NODE_TYPES } from './to-value';
import { lookupWithPage } from './with-parent';

const MAX_NODES = 500;

export async function nodeByGlobalId(ctx: RequestContext, id: string): Promise<EntityValue | null> {
  const { type, graphId } = decodeGlobalId(id, NODE_TYPES);
  const value = await loadNode(ctx, 'node/by-ids', graphId);
  // A global id names a type: an id of another type's node is not that node.
  return value && value.__typename === type ? value : null;
}

/**
 * An entity by graph id (typed root lookups), null when absent or of another type. With the
 * lookup's resolve info, a nested page its selection asks for is loaded with it (with-parent.ts).
 */
export function nodeByKey(ctx: RequestContext, key: string, type: string, info?: GraphQLResolveInfo): Promise<EntityValue | null> {
  return lookupWithPage(ctx, info, key, type);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its global id (Relay).' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByGlobalId(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Entities by global id, in the order asked (null where absent; at most ${MAX_NODES}).` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<(EntityValue | null)[]> {
    if (ids.length > MAX_NODES) throw badUserInput(`At most ${MAX_NODES} ids per request; got ${ids.length}`);
    // Decode all first so one bad id fails the field before any query runs.
    for (const id of ids) decodeGlobalId(id, NODE_TYPES);
    return Promise.all(ids.map((id) => nodeByGlobalId(ctx, id)));
  }
}
