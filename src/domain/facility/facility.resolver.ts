/**
 * Everything of the Facility type: the root list `facilities` and lookup `facility(id)`, provenance
 * (ProvenanceResolver), operators and locations (with the source's own words in locationNote).
 */
import { Ctx, Field, FieldResolver, InputType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Company } from '../company/company.type';
import { loadNodes, loadObjects } from '../shared/load';
import { idArg, textArg } from '../../graphql/args';
import { ProvenanceResolver } from '../shared/provenance.resolver';
import { RootList } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { RegionLink } from '../shared/summaries';
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

@Resolver(() => Facility)
export class FacilityResolver extends RootList({
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
  base: ProvenanceResolver(Facility),
}) {
  @FieldResolver(() => [Company], { description: 'Companies operating the facility.' })
  operators(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'facility/operators', f.key);
  }

  @FieldResolver(() => [RegionLink], { description: 'Where the facility is; when the source is vague, see locationNote.' })
  locations(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'facility/locations', f.key);
  }
}
