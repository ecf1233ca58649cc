/**
 * Filters and sort of trade-flow lists (root and nested).
 */
import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { FlowDirection } from './trade-flow.type';

export enum FlowSort {
  PERIOD = 'PERIOD',
  VALUE = 'VALUE',
}
registerEnumType(FlowSort, { name: 'FlowSort', description: 'PERIOD: by first year, then id. VALUE: by value (flows without one first), then id.' });

export enum FlowEnd {
  FROM = 'FROM',
  TO = 'TO',
}
registerEnumType(FlowEnd, { name: 'FlowEnd', description: 'Which end of a flow: FROM (leaving) or TO (arriving).' });

@InputType('TradeFlowFilter', { description: 'All conditions must hold. Ids may be global ids or graph ids.' })
export class TradeFlowFilter {
  @Field(() => String, { nullable: true, description: 'Company id: the exporter of EXPORT / RE_EXPORT flows.' })
  exporter?: string | null;

  @Field(() => String, { nullable: true, description: 'Company id: the importer of IMPORT / RE_IMPORT flows.' })
  importer?: string | null;

  @Field(() => String, { nullable: true, description: 'Company id: the trader, whatever the direction.' })
  trader?: string | null;

  @Field(() => String, { nullable: true, description: 'Product id: the product, its HS descendants and named products classified under them.' })
  product?: string | null;

  @Field(() => String, { nullable: true, description: 'HS code prefix, e.g. "8711" (motorcycles) or "87".' })
  hsPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Origin: region id (matches its sub-regions) or market id (matches its members during membership).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Destination: region id (matches its sub-regions) or market id (matches its members during membership).' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Policy id of the channel or trade form (VIA), e.g. policy:cross-border-e-commerce.' })
  via?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id of the reporting economy (customs statistics).' })
  reporter?: string | null;

  @Field(() => [FlowDirection], { nullable: true, description: 'Any of these directions.' })
  direction?: FlowDirection[] | null;

  @Field(() => Int, { nullable: true, description: 'Flows whose period ends in or after this year.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Flows whose period starts in or before this year.' })
  yearTo?: number | null;
}

@ArgsType()
export class FlowArgs extends PageArgs {
  @Field(() => TradeFlowFilter, { nullable: true })
  filter?: TradeFlowFilter | null;

  @Field(() => FlowSort, { defaultValue: FlowSort.PERIOD })
  sort!: FlowSort;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
