/**
 * Market fields: members with dates, suppliers, products, flows (root fields: market.list.ts).
 */
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { loadObjects } from '../shared/load';
import { intArg } from '../shared/page';
import { Activity, CompanyTrade, Membership, ProductTrade } from '../shared/summaries';
import { ProductSummaryArgs, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { PlaceFlowsResolver } from '../trade-flow/place-flows.resolver';
import { loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { Market } from './market.type';

@Resolver(() => Market)
export class MarketResolver extends PlaceFlowsResolver(Market, 'Flows from or to the market or its members (during membership).') {
  @FieldResolver(() => [Membership], { description: 'Member regions with membership dates.' })
  members(
    @Root() m: NodeValue,
    @Arg('year', () => Int, { nullable: true, description: 'Only members during this year.' }) year: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return loadObjects(ctx, 'market/members', m.key, { year: intArg(year, 'year') });
  }

  @FieldResolver(() => [Activity], { description: 'Companies a source says are active in the market (ACTIVE_IN).' })
  activeCompanies(@Root() m: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'market/active-companies', m.key);
  }

  @FieldResolver(() => [CompanyTrade], { description: 'Companies trading into the market (exports by default; flows to members count during membership).' })
  suppliers(@Root() m: NodeValue, @Args() args: ProductSummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'market/suppliers', m.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => [ProductTrade], { description: 'Products flowing into the market (exports by default).' })
  products(@Root() m: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'market/products', m.key, summaryParams(ctx, args));
  }
}
