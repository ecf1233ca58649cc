/**
 * Facilities: root list and lookup, operators, locations (with the source's own words in locationNote).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import type { NodeValue } from '../../graphql/relay/node';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { Company } from '../company/company.type';
import { loadNodes, loadObjects } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { idArg, rootConnection, textArg } from '../shared/page';
import { ProvenanceResolver } from '../shared/provenance.resolver';
import { NameSort } from '../shared/sort';
import { RegionLink } from '../shared/summaries';
import type { EntityValue } from '../shared/to-value';
import { Facility } from './facility.type';

export const FacilityConnection = connectionType(Facility, 'Facility');

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
export class FacilityResolver extends ProvenanceResolver(Facility) {
  @Query(() => FacilityConnection, { description: 'Factories, warehouses and offices.', complexity: 2 })
  facilities(
    @Arg('filter', () => FacilityFilter, { nullable: true }) filter: FacilityFilter | undefined,
    @Arg('sort', () => NameSort, { defaultValue: NameSort.NAME }) sort: NameSort,
    @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const f = filter ?? {};
    const params = {
      name: textArg(f.name, 'name'),
      kind: textArg(f.kind, 'kind'),
      operator: idArg(f.operator, ['Company']),
      region: idArg(f.region, ['Region']),
    };
    return rootConnection(ctx, info, 'facility/page', params, page, { sort, direction });
  }

  @Query(() => Facility, { nullable: true, description: 'One facility by global id or graph id (facility:...).' })
  facility(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByKey(ctx, idArg(id, ['Facility'])!, 'Facility');
  }

  @FieldResolver(() => [Company], { description: 'Companies operating the facility.' })
  operators(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'facility/operators', f.key);
  }

  @FieldResolver(() => [RegionLink], { description: 'Where the facility is; when the source is vague, see locationNote.' })
  locations(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'facility/locations', f.key);
  }
}
