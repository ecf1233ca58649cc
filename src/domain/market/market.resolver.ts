/**
 * Everything of the Market type: the root list `markets` and lookup `market(id)`, the Named fields
 * (NamedFields), flows (PlaceFlowsResolver), members with dates, active companies, suppliers,
 * products and the suppliers' concentration per product.
 */
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import * as analytics from '../analytics/analytics.service';
import { Concentration, ConcentrationBy } from '../analytics/analytics.types';
import { loadObjects } from '../shared/load';
import { NamedFields } from '../shared/named.resolver';
import { idArg, intArg, textArg } from '../../graphql/args';
import { RootList } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Activity, CompanyTrade, Membership, ProductTrade } from '../shared/summaries';
import { PlaceFlowsResolver } from '../trade-flow/place-flows.resolver';
import { ProductSummaryArgs, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowEnd, TradeFlowFilter } from '../trade-flow/trade-flow.inputs';
import { loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { Market } from './market.type';

@InputType('MarketFilter')
export class MarketFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'trade-bloc, trade-agreement, economic-zone.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: markets it (or a region containing it) is or was a member of.' })
  hasMember?: string | null;
}

@Resolver(() => Market)
export class MarketResolver extends RootList({
  type: Market,
  typeName: 'Market',
  list: 'markets',
  description: 'Markets: trade blocs, agreements, economic zones.',
  query: 'market/page',
  filter: MarketFilter,
  params: (f) => ({ name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind'), hasMember: idArg(f.hasMember, ['Region']) }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'market', description: 'One market by global id or graph id (market:asean).' },
  base: PlaceFlowsResolver(Market, 'Flows from or to the market or its members (during membership).', NamedFields(Market)),
}) {
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

  @FieldResolver(() => [Concentration], {
    description: 'Per product exported to this market (its members count while members): the total, the supplying companies and their shares, concentration.',
    complexity: 20,
  })
  suppliersByProduct(
    @Root() m: NodeValue,
    @Arg('filter', () => TradeFlowFilter, { nullable: true }) filter: TradeFlowFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Concentration[]> {
    return analytics.concentrations(ctx, ConcentrationBy.PRODUCT, filter, { as: 'place', key: m.key, end: FlowEnd.TO });
  }
}
