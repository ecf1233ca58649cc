/**
 * Facts are nodes (figures and trade flows) so a fact can have every participant it needs and its
 * own provenance; both implement `Fact`.
 */
import { Field, Int, InterfaceType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';

@InterfaceType('Fact', {
  implements: Node,
  description: 'A fact (figure or trade flow) with its period and provenance.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Fact extends Node {
  @Field(() => String, { nullable: true, description: 'The fact in one line of plain words (figures; flows when stated).' })
  statement!: string | null;

  @Field(() => Int, { nullable: true, description: 'First year of the period (inclusive).' })
  periodStart!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of the period (inclusive).' })
  periodEnd!: number | null;

  @Field(() => String, { nullable: true, description: 'exact, approximately, nearly, more-than, at-least.' })
  qualifier!: string | null;

  @Field(() => Number, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "The curator's note: a judgement call, what the source does not say, or how it was read." })
  note!: string | null;
}
