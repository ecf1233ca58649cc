/**
 * Company fields: headquarters, facilities, traded products, destinations, flows (root fields: company.list.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Facility } from '../facility/facility.type';
import { loadNodes, loadObjects } from '../shared/load';
import { Activity, PlaceTrade, ProductTrade, RegionLink } from '../shared/summaries';
import { ProductSummaryArgs, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { flowPage, loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Company } from './company.type';

@Resolver(() => Company)
export class CompanyResolver {
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
}
