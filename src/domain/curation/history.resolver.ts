/**
 * `history` on every entity and fact: the changes curation made to it, newest first. A generic
 * resolver in each type's chain (through ProvenanceResolver), batched across parents.
 */
import neo4j from 'neo4j-driver';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { loadRelation } from '../../graphql/loaders';
import type { NodeValue } from '../../graphql/relay/node';
import { ListArgs, DEFAULT_LIST_SIZE } from '../shared/load';
import { pageSize } from '../../graphql/args';
import { NoBase, ResolverBase } from '../shared/resolver-base';
import { Change } from './change.type';
import { toChange } from './values';

export function HistoryResolver<B extends ResolverBase>(of: Function, Base: B = NoBase as unknown as B) {
  @Resolver(() => of)
  abstract class WithHistory extends Base {
    @FieldResolver(() => [Change], { description: 'What curation changed here (approved change sets, retractions, restores), newest first, with who and why.', complexity: 2 })
    async history(@Root() n: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext): Promise<Change[]> {
      const limit = neo4j.int(pageSize('first', list.first ?? DEFAULT_LIST_SIZE, ctx.config.graphql.maxPageSize));
      const rows = await loadRelation<{ parentId: string; change: never }>(ctx, 'curation/history', n.key, { limit });
      return rows.map((r) => toChange(r.change));
    }
  }
  return WithHistory;
}
