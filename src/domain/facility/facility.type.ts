/**
 * A factory, warehouse or office run by a company.
 */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';

@ObjectType('Facility', { implements: Node, simpleResolvers: true, description: 'A factory, warehouse or office.' })
export class Facility extends Node {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'factory, warehouse, office.' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'What the source says about the location when it does not say exactly where.' })
  locationNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Opened (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source).' })
  established!: string | null;

  @Field(() => String, { nullable: true, description: "The curator's note: a judgement call, what the source does not say, or how it was read." })
  note!: string | null;
}
