/**
 * A company or business group.
 */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Named } from '../shared/named';

@ObjectType('Company', { implements: [Node, Named], simpleResolvers: true, description: 'A company or business group.' })
export class Company extends Named {
  @Field(() => String, { nullable: true, description: 'enterprise or group.' })
  kind!: string | null;
}
