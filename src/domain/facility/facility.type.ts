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
}
