/**
 * Root field `regions` (filtered, sorted, paged); the lookups are in region.resolver.ts.
 */
import { Field, InputType } from 'type-graphql';
import { idArg, textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Region } from './region.type';

@InputType('RegionFilter')
export class RegionFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'world, continent, subregion, country, province, municipality, district, county.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'A code: ISO alpha-2 or alpha-3, UN M49 or GB/T 2260.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Market id: regions that are or were members.' })
  memberOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: regions inside it, at any depth.' })
  partOf?: string | null;
}

export const RegionListResolver = rootListResolver({
  type: Region,
  typeName: 'Region',
  list: 'regions',
  description: 'Regions: countries, Chinese divisions, M49 areas.',
  query: 'region/page',
  filter: RegionFilter,
  params: (f) => ({
    name: textArg(f.name, 'name'),
    kind: textArg(f.kind, 'kind'),
    code: textArg(f.code, 'code'),
    memberOf: idArg(f.memberOf, ['Market']),
    partOf: idArg(f.partOf, ['Region']),
  }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
});
