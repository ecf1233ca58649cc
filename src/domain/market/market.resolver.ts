/**
 * Market fields: members with dates, suppliers, products, flows (root fields: market.list.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { loadObjects } from '../shared/load';
import { intArg } from '../shared/page';
import { CompanyTrade, Membership, ProductTrade } from '../shared/summaries';
import { ProductSummaryArgs, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs, FlowEnd } from '../trade-flow/trade-flow.inputs';
import { flowPage, loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Market } from './market.type';

@Resolver(() => Market)
export class MarketResolver {
  @FieldResolver(() => [Membership], { description: 'Member regions with membership dates.' })
  members(
    @Root() m: NodeValue,
    @Arg('year', () => Int, { nullable: true, description: 'Only members during this year.' }) year: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return loadObjects(ctx, 'market/members', m.key, { year: intArg(year, 'year') });
  }

  @FieldResolver(() => [CompanyTrade], { description: 'Companies trading into the market (exports by default; flows to members count during membership).' })
  suppliers(@Root() m: NodeValue, @Args() args: ProductSummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'market/suppliers', m.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => [ProductTrade], { description: 'Products flowing into the market (exports by default).' })
  products(@Root() m: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'market/products', m.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'Flows from or to the market or its members (during membership).', complexity: 2 })
  tradeFlows(
    @Root() m: NodeValue,
    @Args() args: FlowArgs,
    @Arg('end', () => FlowEnd, { nullable: true, description: 'FROM: flows leaving; TO: flows arriving; null: both.' }) end: FlowEnd | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return flowPage(ctx, info, args, { as: 'place', key: m.key, end });
  }
}
