/**
 * What the graph holds, counted: the vocabularies an analyst or a front-end builds filters from
 * (figure metrics, units, periods, source kinds) without reading the seed.
 */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('MetricCount', { simpleResolvers: true, description: 'A figure metric present in the graph (e.g. export-value-growth), with its figures counted.' })
export class MetricCount {
  @Field({ description: 'The metric, as figures state it; use it in `figures(filter: {metric})`.' })
  metric!: string;

  @Field(() => Int, { description: 'Figures of this metric.' })
  figures!: number;

  @Field(() => Int, { description: 'Of them, qualitative figures (no value: "achieved independent export for the first time").' })
  qualitative!: number;

  @Field(() => [String], { description: 'The units its values are stated in (none for a qualitative metric).' })
  units!: string[];
}

@ObjectType('UnitCount', { simpleResolvers: true, description: 'A unit values are stated in: a figure unit, a flow currency or a quantity unit.' })
export class UnitCount {
  @Field()
  unit!: string;

  @Field(() => Int, { description: 'Figures stated in this unit.' })
  figures!: number;

  @Field(() => Int, { description: 'Trade flows with this currency or quantity unit.' })
  flows!: number;
}

@ObjectType('PeriodCount', { simpleResolvers: true, description: 'A period facts are stated for (years, inclusive), or none (facts a source does not date).' })
export class PeriodCount {
  @Field(() => Int, { nullable: true, description: 'First year; null for facts without a period ("currently", "cumulatively").' })
  periodStart!: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd!: number | null;

  @Field(() => Int)
  figures!: number;

  @Field(() => Int)
  flows!: number;
}

@ObjectType('SourceKindCount', { simpleResolvers: true, description: 'A kind of source (official-document, news, customs-data...), with its sources and excerpts counted.' })
export class SourceKindCount {
  @Field()
  kind!: string;

  @Field(() => Int)
  sources!: number;

  @Field(() => Int)
  excerpts!: number;

  @Field(() => [String], { description: 'Languages of the sources of this kind, as recorded (en, zh).' })
  languages!: string[];
}
