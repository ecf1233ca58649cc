/**
 * Root analytics fields: trade totals, top exporters, concentration, figure growth, period change.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { boundedInt } from '../../graphql/args';
import { selectsPath } from '../shared/look-ahead';
import { TradeFlowFilter } from '../trade-flow/trade-flow.inputs';
import * as analytics from './analytics.service';
import { FigureWindowArgs } from './figure-window.args';
import { Concentration, ConcentrationBy, FigureGrowth, PeriodChange, RankedExporter, TradeChange, TradeGroupBy, TradeTotal } from './analytics.types';

const FILTER_DOC = 'The same filter as tradeFlows: every aggregate sums exactly the flows that list shows.';

@Resolver()
export class AnalyticsResolver {
  @Query(() => [TradeTotal], {
    description: 'Trade flow values summed per group (product, HS chapter, destination, origin, market, company, channel or year), per currency and direction; largest first.',
    complexity: 20,
  })
  async tradeTotals(
    @Arg('groupBy', () => TradeGroupBy) groupBy: TradeGroupBy,
    @Arg('filter', () => TradeFlowFilter, { nullable: true, description: FILTER_DOC }) filter: TradeFlowFilter | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TradeTotal[]> {
    const n = boundedInt('first', first, 1, ctx.config.graphql.maxPageSize);
    return (await analytics.tradeTotals(ctx, groupBy, filter, null, {}, { first: n, withNode: selectsPath(info, ['node']) })).slice(0, n);
  }

  @Query(() => [TradeChange], {
    description: 'How trade per group changed from one year to another (per currency and direction): largest relative growth first, then groups new in the later year.',
    complexity: 30,
  })
  async tradeChange(
    @Arg('groupBy', () => TradeGroupBy) groupBy: TradeGroupBy,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('filter', () => TradeFlowFilter, { nullable: true, description: `${FILTER_DOC} Its years are ignored.` }) filter: TradeFlowFilter | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TradeChange[]> {
    const n = boundedInt('first', first, 1, ctx.config.graphql.maxPageSize);
    return (await analytics.tradeChange(ctx, groupBy, filter, fromYear, toYear)).slice(0, n);
  }

  @Query(() => [RankedExporter], {
    description: 'The largest exporters of a product (with its HS descendants) and/or to a market or region, ranked within each currency. Exports unless the filter gives a direction.',
    complexity: 20,
  })
  topExporters(
    @Arg('product', () => ID, { nullable: true }) product: string | null,
    @Arg('market', () => ID, { nullable: true, description: 'A market or region (members and sub-regions count).' }) market: string | null,
    @Arg('filter', () => TradeFlowFilter, { nullable: true, description: FILTER_DOC }) filter: TradeFlowFilter | null,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<RankedExporter[]> {
    return analytics.topExporters(ctx, { product, market, filter, first });
  }

  @Query(() => [Concentration], {
    description:
      'Exporter concentration per product, HS chapter, market or destination (exports unless the filter gives a direction): total, exporters, top exporter and share, ' +
      'Herfindahl-Hirschman index (sum of squared percentage shares, 0..10,000), single-exporter flag. Most concentrated first.',
    complexity: 30,
  })
  async concentration(
    @Arg('by', () => ConcentrationBy) by: ConcentrationBy,
    @Arg('filter', () => TradeFlowFilter, { nullable: true, description: FILTER_DOC }) filter: TradeFlowFilter | null,
    @Arg('singleExporterOnly', { defaultValue: false, description: 'Only groups that depend on one exporter.' }) singleExporterOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Concentration[]> {
    const n = boundedInt('first', first, 1, ctx.config.graphql.maxPageSize);
    const wants = { exporters: selectsPath(info, ['exporters']), exporterNodes: selectsPath(info, ['exporters', 'node']), topNode: selectsPath(info, ['topExporter', 'node']) };
    return analytics.concentrations(ctx, by, filter, null, { singleExporterOnly, first: n, wants });
  }

  @Query(() => [FigureGrowth], {
    description:
      'Growth rates stated by sources (percent figures against a baseline), fastest first. Compare plan periods with baselinePlan/plan ' +
      '(e.g. policy:13th-five-year-plan and policy:14th-five-year-plan) or with explicit years.',
    complexity: 10,
  })
  figureGrowth(@Args() window: FigureWindowArgs, @Ctx() ctx: RequestContext): Promise<FigureGrowth[]> {
    return analytics.figureGrowth(ctx, window);
  }

  @Query(() => [PeriodChange], {
    description: 'Changes between level figures (same metric, unit and subjects) of a baseline period and a later one, largest relative change first.',
    complexity: 10,
  })
  periodChange(@Args() window: FigureWindowArgs, @Ctx() ctx: RequestContext): Promise<PeriodChange[]> {
    return analytics.periodChange(ctx, window);
  }
}
