/**
 * `tradeFlows(end)` of the places (regions and markets): the flows leaving or arriving at the place,
 * its sub-regions or, for a market, its members during membership. A base resolver each place's
 * resolver extends.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { NoBase, ResolverBase } from '../shared/resolver-base';
import { FlowArgs, FlowEnd } from './trade-flow.inputs';
import { flowPage } from './trade-flow.repository';
import { TradeFlowConnection } from './trade-flow.resolver';

export function PlaceFlowsResolver<B extends ResolverBase>(of: Function, description: string, Base: B = NoBase as unknown as B) {
  @Resolver(() => of)
  abstract class PlaceFlows extends Base {
    @FieldResolver(() => TradeFlowConnection, { description, complexity: 2 })
    tradeFlows(
      @Root() place: NodeValue,
      @Args() args: FlowArgs,
      @Arg('end', () => FlowEnd, { nullable: true, description: 'FROM: flows leaving; TO: flows arriving; null: both.' }) end: FlowEnd | undefined,
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      return flowPage(ctx, info, args, { as: 'place', key: place.key, end });
    }
  }
  return PlaceFlows;
}
