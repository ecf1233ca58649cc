/**
 * A trade flow: who traded what, from where to where, when, how much (a reified n-ary fact).
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Fact } from '../fact/fact.type';

export enum FlowDirection {
  EXPORT = 'EXPORT',
  IMPORT = 'IMPORT',
  RE_EXPORT = 'RE_EXPORT',
  RE_IMPORT = 'RE_IMPORT',
}
registerEnumType(FlowDirection, { name: 'FlowDirection' });

/** The directions with a company as exporter, and as importer. */
export const EXPORT_DIRECTIONS = [FlowDirection.EXPORT, FlowDirection.RE_EXPORT];
export const IMPORT_DIRECTIONS = [FlowDirection.IMPORT, FlowDirection.RE_IMPORT];

@ObjectType('TradeFlow', { implements: [Node, Fact], simpleResolvers: true, description: 'A trade flow: trader, product, origin, destination, channel, period, value.' })
export class TradeFlow extends Fact {
  @Field(() => FlowDirection, { nullable: true })
  direction!: FlowDirection | null;

  @Field(() => String, { nullable: true, description: 'The period as stated: "2022", "202203".' })
  period!: string | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => Number, { nullable: true })
  netWeightKg!: number | null;

  @Field(() => Number, { nullable: true })
  quantity!: number | null;

  @Field(() => String, { nullable: true })
  quantityUnit!: string | null;

  @Field(() => String, { nullable: true })
  flag!: string | null;
}
