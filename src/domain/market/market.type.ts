/**
 * An economic grouping (trade bloc, trade agreement, economic zone) whose members are regions.
 */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { Named } from '../shared/named';

@ObjectType('Market', { implements: [Node, Named], simpleResolvers: true, description: 'A market: an economic grouping of regions (ASEAN, RCEP, the EU).' })
export class Market extends Named {
  @Field(() => String, { nullable: true, description: 'trade-bloc, trade-agreement, economic-zone.' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Founded or signed (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source).' })
  established!: string | null;
}
