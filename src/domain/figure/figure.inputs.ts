/**
 * Filters, sort and arguments of figure lists (root and nested).
 */
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { badUserInput } from '../../graphql/relay/bad-input';
import { idArg, intArg, textArg } from '../../graphql/args';

export enum FigureSort {
  VALUE = 'VALUE',
  PERIOD = 'PERIOD',
  KEY = 'KEY',
}
registerEnumType(FigureSort, { name: 'FigureSort', description: 'VALUE: by value; PERIOD: by first year; KEY: by graph id (ties broken by id).' });

@InputType('FigureFilter', { description: 'All conditions must hold.' })
export class FigureFilter {
  @Field(() => String, { nullable: true, description: 'Metric, e.g. export-value-growth, enterprise-count.' })
  metric?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. percent, enterprises, CNY.' })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'Entity id: figures about it or about something inside it (sub-region, HS sub-entry).' })
  about?: string | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: growth figures measured against a baseline period; false: the others.' })
  hasBaseline?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Baseline period starting in or after this year.' })
  baselineFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Baseline period ending in or before this year (2016..2020: the 13th Five-Year Plan).' })
  baselineTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the statement.' })
  text?: string | null;
}

@ArgsType()
export class FigureArgs extends PageArgs {
  @Field(() => FigureFilter, { nullable: true })
  filter?: FigureFilter | null;

  @Field(() => FigureSort, { defaultValue: FigureSort.PERIOD })
  sort!: FigureSort;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

export function figureParams(filter: FigureFilter | null | undefined) {
  const f = filter ?? {};
  return {
    metric: textArg(f.metric, 'metric'),
    unit: textArg(f.unit, 'unit'),
    about: idArg(f.about),
    yearFrom: intArg(f.yearFrom, 'yearFrom'),
    yearTo: intArg(f.yearTo, 'yearTo'),
    hasBaseline: f.hasBaseline ?? null,
    baselineFrom: intArg(f.baselineFrom, 'baselineFrom'),
    baselineTo: intArg(f.baselineTo, 'baselineTo'),
    text: textArg(f.text, 'text'),
  };
}

export enum FactType {
  FIGURE = 'Figure',
  TRADE_FLOW = 'TradeFlow',
}
registerEnumType(FactType, { name: 'FactType' });

export enum FactSort {
  KEY = 'KEY',
  PERIOD = 'PERIOD',
}
registerEnumType(FactSort, { name: 'FactSort' });

@InputType('FactFilter', { description: 'All conditions must hold.' })
export class FactFilter {
  @Field(() => FactType, { nullable: true })
  type?: FactType | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Entity id: facts with this participant (subject, trader, product, origin, destination, channel).' })
  about?: string | null;

  @Field(() => String, { nullable: true, description: 'Source id: facts stated by one of its excerpts.' })
  source?: string | null;

  @Field(() => Int, { nullable: true, description: 'At least this many distinct sources.' })
  minSources?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many distinct sources (1: facts resting on a single source).' })
  maxSources?: number | null;
}

export function factParams(filter: FactFilter | null | undefined) {
  const f = filter ?? {};
  const min = intArg(f.minSources, 'minSources', 0, 1000);
  const max = intArg(f.maxSources, 'maxSources', 0, 1000);
  if (min !== null && max !== null && min > max) throw badUserInput('`minSources` is greater than `maxSources`');
  return {
    type: f.type ?? null,
    yearFrom: intArg(f.yearFrom, 'yearFrom'),
    yearTo: intArg(f.yearTo, 'yearTo'),
    about: idArg(f.about),
    source: idArg(f.source, ['Source']),
    minSources: min,
    maxSources: max,
  };
}
