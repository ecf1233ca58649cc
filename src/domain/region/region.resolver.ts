/**
 * Everything of the Region type: the root list `regions`, the lookup by graph id or a natural code,
 * the Named fields (NamedFields), flows (PlaceFlowsResolver), hierarchy, memberships, companies,
 * products, policies and trade partners.
 */
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Company } from '../company/company.type';
import { Policy } from '../policy/policy.type';
import { Product } from '../product/product.type';
import { ListArgs, listArgs, loadNode, loadNodes, loadObjects } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { NamedFields } from '../shared/named.resolver';
import { idArg, textArg } from '../../graphql/args';
import { RootList } from '../shared/root-list.resolver';
import { NameSort } from '../shared/sort';
import { Activity, Membership, PlaceTrade } from '../shared/summaries';
import type { EntityValue } from '../shared/to-value';
import { PlaceFlowsResolver } from '../trade-flow/place-flows.resolver';
import { loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { regionByCode } from './region.repository';
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

@Resolver(() => Region)
export class RegionResolver extends RootList({
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
  base: PlaceFlowsResolver(Region, 'Trade flows from or to this region or a region inside it.', NamedFields(Region)),
}) {
  @Query(() => Region, { nullable: true, description: 'One region by graph id (iso:THA, gb:500156, m49:035) or by a natural code.' })
  region(
    @Arg('id', () => String, { nullable: true, description: 'Global id or graph id.' }) id: string | undefined,
    @Arg('iso2', () => String, { nullable: true }) iso2: string | undefined,
    @Arg('iso3', () => String, { nullable: true }) iso3: string | undefined,
    @Arg('m49', () => String, { nullable: true }) m49: string | undefined,
    @Arg('gbCode', () => String, { nullable: true }) gbCode: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<EntityValue | null> {
    if (id != null) return nodeByKey(ctx, idArg(id, ['Region'])!, 'Region');
    return regionByCode(ctx, { iso2, iso3, m49, gbCode });
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region directly containing this one.' })
  parent(@Root() r: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'region/parent', r.key);
  }

  @FieldResolver(() => [Region], { description: 'Containing regions, nearest first (municipality, country, subregion, continent, world).' })
  ancestors(@Root() r: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'region/ancestors', r.key);
  }

  @FieldResolver(() => [Region], { description: 'Regions directly inside this one, by name.' })
  children(@Root() r: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'region/children', r.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [Membership], { description: 'Market memberships of this region and of the regions containing it (`member` says which).' })
  markets(@Root() r: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'region/markets', r.key);
  }

  @FieldResolver(() => [Company], { description: 'Companies headquartered, or running a facility, in this region or inside it.' })
  companies(@Root() r: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'region/companies', r.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [Activity], { description: 'Companies a source says are active in this region itself (ACTIVE_IN; headquarters and facilities: companies).' })
  activeCompanies(@Root() r: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'region/active-companies', r.key);
  }

  @FieldResolver(() => [Product], { description: 'Products originating in this region or inside it (specialties).' })
  products(@Root() r: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'region/products', r.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [Policy], { description: 'Policies in force here (applying to this region or one containing it).' })
  policies(@Root() r: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'region/policies', r.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [PlaceTrade], { description: 'Regions and markets at the other end of flows from or to this region (or inside it), most flows first.' })
  tradePartners(@Root() r: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'region/partners', r.key, listArgs(ctx, list));
  }
}
