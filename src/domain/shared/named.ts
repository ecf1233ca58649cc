/**
 * Fields shared by the named entities (regions, markets, companies, products, policies).
 */
import { Field, InterfaceType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';

@InterfaceType('Named', {
  implements: Node,
  description: 'An entity with a name, a Chinese name and aliases (all searched by `name` filters).',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Named extends Node {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh!: string | null;

  @Field(() => [String], { description: 'Other names the entity is known by.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "The curator's note: a judgement call, what the source does not say, or how it was read." })
  note!: string | null;
}
