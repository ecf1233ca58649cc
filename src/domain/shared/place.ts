/**
 * Where a trade flow starts or ends: a region or a market.
 */
import { createUnionType } from 'type-graphql';
import { Market } from '../market/market.type';
import { Region } from '../region/region.type';

export const Place = createUnionType({
  name: 'Place',
  description: 'A region or a market (the ends of a trade flow).',
  types: () => [Region, Market] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});
