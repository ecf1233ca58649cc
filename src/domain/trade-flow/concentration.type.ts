/**
 * Exporter concentration of a product's or a market's trade: top exporter share and the
 * Herfindahl-Hirschman index (HHI, 0..1: 1 = a single exporter).
 */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../company/company.type';
import { Node } from '../../graphql/relay/node';
import { FlowDirection } from './trade-flow.type';

export enum ConcentrationBy {
  PRODUCT = 'PRODUCT',
  MARKET = 'MARKET',
  DESTINATION = 'DESTINATION',
}
registerEnumType(ConcentrationBy, {
  name: 'ConcentrationBy',
  description: 'PRODUCT: per traded product. MARKET: per market (flows to members count during membership). DESTINATION: per region or market a flow goes to.',
});

@InputType('ConcentrationFilter')
export class ConcentrationFilter {
  @Field(() => [FlowDirection], { nullable: true, description: 'Directions counted (default EXPORT and RE_EXPORT).' })
  direction?: FlowDirection[] | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Only products with this HS code prefix.' })
  hsPrefix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only subjects with at most this many exporters (1: depending on a single exporter).' })
  maxExporters?: number | null;
}

@ObjectType('ExporterShare', { simpleResolvers: true })
export class ExporterShare {
  @Field(() => Company)
  company!: unknown;

  @Field(() => Float, { description: 'Share of the subject\'s trade, 0..1 (by value when values are known, else by flow count).' })
  share!: number;

  @Field(() => Int)
  flowCount!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of stated values.' })
  value!: number | null;
}

@ObjectType('Concentration', { simpleResolvers: true, description: 'How concentrated the trade of a product or into a market is among exporters.' })
export class Concentration {
  @Field(() => Node, { description: 'The product, market or destination.' })
  subject!: unknown;

  @Field(() => Int)
  exporterCount!: number;

  @Field(() => Int)
  flowCount!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of stated values (null when no flow states one).' })
  totalValue!: number | null;

  @Field({ description: 'VALUE when shares are computed from stated values, FLOW_COUNT otherwise.' })
  basis!: string;

  @Field(() => Float, { description: 'Herfindahl-Hirschman index of exporter shares (0..1; 1 = single exporter).' })
  hhi!: number;

  @Field(() => ExporterShare, { nullable: true, description: 'The exporter with the largest share.' })
  topExporter!: ExporterShare | null;

  @Field(() => [ExporterShare], { description: 'Every exporter, largest share first.' })
  exporters!: ExporterShare[];
}
