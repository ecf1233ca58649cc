/**
 * Root fields `markets` (filtered, sorted, paged) and `market(id)`.
 */
import { Field, InputType } from 'type-graphql';
import { idArg, textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Market } from './market.type';

@InputType('MarketFilter')
export class MarketFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'trade-bloc, trade-agreement, economic-zone.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: markets it (or a region containing it) is or was a member of.' })
  hasMember?: string | null;
}

export const MarketListResolver = rootListResolver({
  type: Market,
  typeName: 'Market',
  list: 'markets',
  description: 'Markets: trade blocs, agreements, economic zones.',
  query: 'market/page',
  filter: MarketFilter,
  params: (f) => ({ name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind'), hasMember: idArg(f.hasMember, ['Region']) }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'market', description: 'One market by global id or graph id (market:asean).' },
});
