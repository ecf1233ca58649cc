/**
 * The Relay `Node` interface: every entity of the graph has a global `id` and its raw graph id (`key`).
 * Values carry `__typename`, set by the domain mappers, which resolves the concrete type.
 */
import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with a global id (Relay). Fetch any one with `node(id:)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: base64 of `Type:key`. Stable; use it with `node(id:)`.' })
  id!: string;

  @Field({ description: 'The raw graph id (`scheme:code`, e.g. `iso:THA`, `company:changan-automobile`).' })
  key!: string;
}

/** What every mapped entity value carries besides its GraphQL fields. */
export interface NodeValue {
  __typename: string;
  id: string;
  key: string;
}
