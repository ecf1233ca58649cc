/**
 * An aggregate figure: a metric's value over a period, optionally against a baseline period.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Fact } from '../fact/fact.type';

@ObjectType('Figure', { implements: [Node, Fact], simpleResolvers: true, description: 'An aggregate fact: "exports of X grew 55.2% in 2024 against 2020".' })
export class Figure extends Fact {
  @Field(() => String, { nullable: true, description: 'What is measured, e.g. export-value-growth, enterprise-count.' })
  metric!: string | null;

  @Field(() => String, { nullable: true, description: 'percent, enterprises, CNY, USD, exhibitions, ...' })
  unit!: string | null;

  @Field(() => Int, { nullable: true, description: 'First year of the baseline period (growth figures).' })
  baselineStart!: number | null;

  @Field(() => Int, { nullable: true })
  baselineEnd!: number | null;
}
