/**
 * A policy, plan, program, brand, platform, trade form, zone, corridor or mechanism.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Named } from '../shared/named';

@ObjectType('Policy', { implements: [Node, Named], simpleResolvers: true, description: 'A policy, program, brand, platform, trade form or channel.' })
export class Policy extends Named {
  @Field(() => String, { nullable: true, description: 'plan, program, brand, platform, trade-form, zone, corridor, mechanism.' })
  kind!: string | null;

  @Field(() => Int, { nullable: true })
  periodStart!: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd!: number | null;

  @Field(() => String, { nullable: true, description: 'Approved, launched or first run (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source).' })
  established!: string | null;
}
