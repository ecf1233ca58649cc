/**
 * Root fields `facilities` (filtered, sorted, paged) and `facility(id)`.
 */
import { Field, InputType } from 'type-graphql';
import { idArg, textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Facility } from './facility.type';

@InputType('FacilityFilter')
export class FacilityFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'factory, warehouse, office.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Company id of an operator.' })
  operator?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: located in it or inside it.' })
  region?: string | null;
}

export const FacilityListResolver = rootListResolver({
  type: Facility,
  typeName: 'Facility',
  list: 'facilities',
  description: 'Factories, warehouses and offices.',
  query: 'facility/page',
  filter: FacilityFilter,
  params: (f) => ({
    name: textArg(f.name, 'name'),
    kind: textArg(f.kind, 'kind'),
    operator: idArg(f.operator, ['Company']),
    region: idArg(f.region, ['Region']),
  }),
  sort: NameSort,
  defaultSort: NameSort.NAME,
  lookup: { field: 'facility', description: 'One facility by global id or graph id (facility:...).' },
});
