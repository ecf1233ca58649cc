/**
 * Everything of the Company type: the root list `companies` and lookup `company(id)`, the Named
 * fields (provenance, supportedBy, figures: NamedFields), headquarters, facilities, traded products,
 * destinations, flows and the exports summed per destination.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import * as analytics from '../analytics/analytics.service';
import { TradeGroupBy, TradeTotal } from '../analytics/analytics.types';
import { Facility } from '../facility/facility.type';
import { loadNodes, loadObjects } from '../shared/load';
import { selectsPath } from '../shared/look-ahead';
import { NamedFields } from '../shared/named.resolver';
import { idArg, textArg } from '../../graphql/args';
import { RootList } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Activity, PlaceTrade, ProductTrade, RegionLink } from '../shared/summaries';
import { ProductSummaryArgs, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs, TradeFlowFilter } from '../trade-flow/trade-flow.inputs';
import { flowPage, flowPageRequest, loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { pageWithParent } from '../shared/with-parent';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { FlowDirection } from '../trade-flow/trade-flow.type';
import { Company } from './company.type';

@InputType('CompanyFilter')
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'enterprise or group.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: headquartered, or running a facility, in it or inside it.' })
  region?: string | null;
}

// `company(id) { tradeFlows }`: the lookup and the first page in one query.
pageWithParent('Company', 'tradeFlows', (ctx, info, a, key) => flowPageRequest(ctx, info, a as unknown as FlowArgs, { as: 'trader', key }));

@Resolver(() => Company)
export class CompanyResolver extends RootList({
  type: Company,
  typeName: 'Company',
  list: 'companies',
  description: 'Companies and business groups.',
  query: 'company/page',
  filter: CompanyFilter,
  params: (f) => ({ name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind'), region: idArg(f.region, ['Region']) }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'company', description: 'One company by global id or graph id (company:...).' },
  base: NamedFields(Company),
}) {
  @FieldResolver(() => RegionLink, { nullable: true, description: 'Where the company is headquartered, with the excerpts saying so.' })
  async headquarters(@Root() c: NodeValue, @Ctx() ctx: RequestContext) {
    return (await loadObjects(ctx, 'company/headquarters', c.key))[0] ?? null;
  }

  @FieldResolver(() => [Activity], { description: 'Markets and regions the company does business in or integrates with (ACTIVE_IN), as a source says.' })
  activeIn(@Root() c: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'company/active-in', c.key);
  }

  @FieldResolver(() => [Facility], { description: 'Facilities the company operates (see each one\'s locations).' })
  facilities(@Root() c: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'company/facilities', c.key);
  }

  @FieldResolver(() => [ProductTrade], { description: 'Products in the company\'s flows (exports by default), most flows first.' })
  products(@Root() c: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'company/products', c.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => [PlaceTrade], { description: 'Destinations of the company\'s flows (exports by default): regions and markets.' })
  destinations(@Root() c: NodeValue, @Args() args: ProductSummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'company/destinations', c.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'The company\'s trade flows (as exporter or importer).', complexity: 2 })
  tradeFlows(@Root() c: NodeValue, @Args() args: FlowArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return flowPage(ctx, info, args, { as: 'trader', key: c.key });
  }

  @FieldResolver(() => [TradeTotal], {
    description: 'This company\'s exports summed per destination (region or market), per currency; largest first.',
    complexity: 20,
  })
  exportsByDestination(
    @Root() c: NodeValue,
    @Arg('filter', () => TradeFlowFilter, { nullable: true }) filter: TradeFlowFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TradeTotal[]> {
    const defaults = filter?.direction ? {} : { direction: [FlowDirection.EXPORT, FlowDirection.RE_EXPORT] };
    return analytics.tradeTotals(ctx, TradeGroupBy.DESTINATION, filter, { as: 'trader', key: c.key }, defaults, { withNode: selectsPath(info, ['node']) });
  }
}
