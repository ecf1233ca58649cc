/**
 * GraphQL shapes of the trade aggregates, rankings, concentration and period comparisons.
 * Sums are always per currency (and direction): values in different units are never added.
 */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import type { EntityValue } from '../shared/to-value';
import { FlowDirection } from '../trade-flow/trade-flow.type';
import { GraphNode } from '../linkage/graph.types';

export enum TradeGroupBy {
  PRODUCT = 'PRODUCT',
  HS_CHAPTER = 'HS_CHAPTER',
  DESTINATION = 'DESTINATION',
  ORIGIN = 'ORIGIN',
  MARKET = 'MARKET',
  COMPANY = 'COMPANY',
  CHANNEL = 'CHANNEL',
  YEAR = 'YEAR',
}
registerEnumType(TradeGroupBy, {
  name: 'TradeGroupBy',
  description: 'How trade flows are grouped. A flow to a country counts in every market the country belonged to at the time (MARKET), so market totals can overlap.',
  valuesConfig: {
    PRODUCT: { description: 'The traded product as recorded (HS entry or named product).' },
    HS_CHAPTER: { description: 'The HS chapter (2 digits) above the product; key hs:unclassified when none.' },
    DESTINATION: { description: 'The destination region or market (TO).' },
    ORIGIN: { description: 'The origin region or market (FROM).' },
    MARKET: { description: 'The destination market, or the markets the destination was a member of at the flow period.' },
    COMPANY: { description: 'The trading company (exporter of exports, importer of imports).' },
    CHANNEL: { description: 'The channel or trade form (VIA), e.g. cross-border e-commerce.' },
    YEAR: { description: 'The first year of the flow period; key and label are the year.' },
  },
});

export enum ConcentrationBy {
  PRODUCT = 'PRODUCT',
  HS_CHAPTER = 'HS_CHAPTER',
  MARKET = 'MARKET',
  DESTINATION = 'DESTINATION',
}
registerEnumType(ConcentrationBy, { name: 'ConcentrationBy', description: 'What concentration is measured for: each product, chapter, market or destination.' });

/** What identifies one row of a trade aggregate: the group, its currency and its direction (sums never cross them). */
@ObjectType()
abstract class GroupInCurrency {
  @Field({ description: 'The group: a graph id (product, region, market, company, policy), a year, or hs:unclassified.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the values, as the flows state it.' })
  currency!: string | null;

  @Field(() => FlowDirection, { nullable: true })
  direction!: FlowDirection | null;
}

@ObjectType('TradeTotal', { simpleResolvers: true, description: 'The summed value of the trade flows of one group, in one currency and direction.' })
export class TradeTotal extends GroupInCurrency {
  @Field(() => Float, { description: 'Sum of the flow values (never across currencies).' })
  value!: number;

  @Field(() => Int, { description: 'Number of flows summed.' })
  flows!: number;

  @Field(() => Node, { nullable: true, description: 'The entity of the group (product, region, market, company, policy); null for years.' })
  node?: EntityValue | null;
}

@ObjectType('ExporterShare', { simpleResolvers: true, description: 'A company\'s part of a group\'s trade in one currency.' })
export class ExporterShare {
  @Field({ description: 'Company graph id.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Int)
  flows!: number;

  @Field(() => Float, { description: 'Fraction of the group total in this currency, 0..1.' })
  share!: number;

  @Field(() => Node, { nullable: true, description: 'The Company.' })
  node?: EntityValue | null;
}

@ObjectType('RankedExporter', { simpleResolvers: true, description: 'An exporter in a ranking, with its share of the ranked total in its currency.' })
export class RankedExporter extends ExporterShare {
  @Field(() => Int, { description: '1 for the largest, within its currency and direction.' })
  rank!: number;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => FlowDirection, { nullable: true })
  direction!: FlowDirection | null;
}

@ObjectType('Concentration', {
  simpleResolvers: true,
  description:
    'How concentrated one group\'s trade (a product, market...) is over its exporters, in one currency and direction. ' +
    'hhi is the Herfindahl-Hirschman index: the sum of squared percentage shares, 0..10,000 (10,000 = a single exporter; ' +
    'above 2,500 is commonly read as highly concentrated). Flows without a trader or a value cannot be attributed and are not counted.',
})
export class Concentration extends GroupInCurrency {
  @Field(() => Float, { description: 'Total attributed value.' })
  total!: number;

  @Field(() => Int)
  flows!: number;

  @Field(() => Int, { description: 'Number of distinct exporters.' })
  exporterCount!: number;

  @Field(() => ExporterShare, { nullable: true })
  topExporter!: ExporterShare | null;

  @Field(() => Float, { nullable: true, description: 'The top exporter\'s share, 0..1.' })
  topShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Herfindahl-Hirschman index, 0..10,000.' })
  hhi!: number | null;

  @Field({ description: 'True when one company accounts for all of it.' })
  singleExporter!: boolean;

  @Field(() => [ExporterShare], { description: 'Every exporter, largest first.' })
  exporters!: ExporterShare[];

  @Field(() => Node, { nullable: true, description: 'The product, chapter, market or region measured.' })
  node?: EntityValue | null;
}

/** What every figure row of a comparison shows of its figure: id, period, qualifier and the Figure itself. */
@ObjectType()
abstract class FigureFacts {
  @Field({ description: 'The figure\'s graph id.' })
  key!: string;

  @Field(() => Int, { nullable: true })
  periodStart!: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd!: number | null;

  @Field(() => String, { nullable: true })
  qualifier!: string | null;

  @Field(() => Node, { nullable: true, description: 'The Figure itself (excerpts, sources...).' })
  figure!: EntityValue | null;
}

@ObjectType('FigureGrowth', { simpleResolvers: true, description: 'A growth rate as a source states it (a percent figure against a baseline period).' })
export class FigureGrowth extends FigureFacts {
  @Field(() => String, { nullable: true })
  metric!: string | null;

  @Field(() => Float, { description: 'Growth in percent.' })
  growthPercent!: number;

  @Field(() => Int, { nullable: true })
  baselineStart!: number | null;

  @Field(() => Int, { nullable: true })
  baselineEnd!: number | null;

  @Field(() => String, { nullable: true })
  statement!: string | null;

  @Field(() => [GraphNode], { description: 'What the figure is about.' })
  about!: GraphNode[];
}

@ObjectType('FigurePoint', { simpleResolvers: true, description: 'One figure of a period comparison.' })
export class FigurePoint extends FigureFacts {
  @Field(() => Float)
  value!: number;
}

@ObjectType('PeriodChange', { simpleResolvers: true, description: 'The change between two figures of the same metric, unit and subjects in two periods.' })
export class PeriodChange {
  @Field(() => String, { nullable: true })
  metric!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => FigurePoint)
  baseline!: FigurePoint;

  @Field(() => FigurePoint)
  current!: FigurePoint;

  @Field(() => Float, { description: 'current - baseline, in the unit.' })
  change!: number;

  @Field(() => Float, { nullable: true, description: 'Relative change in percent (null when the baseline is 0).' })
  changePercent!: number | null;

  @Field(() => [GraphNode], { description: 'The subjects both figures are about.' })
  about!: GraphNode[];
}

@ObjectType('TradeChange', { simpleResolvers: true, description: 'How one group\'s trade value changed between two years, in one currency and direction.' })
export class TradeChange extends GroupInCurrency {
  @Field(() => Float, { description: 'Summed value in the first year (0 when the group had no flow then).' })
  fromValue!: number;

  @Field(() => Float, { description: 'Summed value in the second year (0 when the group had no flow then).' })
  toValue!: number;

  @Field(() => Float, { description: 'toValue - fromValue.' })
  change!: number;

  @Field(() => Float, { nullable: true, description: 'Relative change in percent; null when fromValue is 0 (a new group).' })
  changePercent!: number | null;

  @Field(() => Node, { nullable: true, description: 'The entity of the group; null for years.' })
  node?: EntityValue | null;
}
