/**
 * Companies: root list and lookup, headquarters, facilities, traded products, destinations, flows, figures.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, InputType, Field, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import type { NodeValue } from '../../graphql/relay/node';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { Facility } from '../facility/facility.type';
import { FigureArgs } from '../figure/figure.inputs';
import { FigureConnection, figuresAbout } from '../figure/figure.resolver';
import { loadNodes, loadObjects } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { idArg, rootConnection, textArg } from '../shared/page';
import { NameSort } from '../shared/sort';
import { PlaceTrade, ProductTrade, RegionLink } from '../shared/summaries';
import { ProductSummaryArgs, productSummaryParams, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { loadTradeSummaries, nestedFlowPage } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import type { EntityValue } from '../shared/to-value';
import { Company } from './company.type';

export const CompanyConnection = connectionType(Company, 'Company');

@InputType('CompanyFilter')
export class CompanyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'enterprise or group.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: headquartered, or running a facility, in it or inside it.' })
  region?: string | null;
}

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => CompanyConnection, { description: 'Companies and business groups.', complexity: 2 })
  companies(
    @Arg('filter', () => CompanyFilter, { nullable: true }) filter: CompanyFilter | undefined,
    @Arg('sort', () => NameSort, { defaultValue: NameSort.NAME }) sort: NameSort,
    @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const f = filter ?? {};
    const params = { name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind'), region: idArg(f.region, ['Region']) };
    return rootConnection(ctx, info, 'company/page', params, page, { sort, direction });
  }

  @Query(() => Company, { nullable: true, description: 'One company by global id or graph id (company:...).' })
  company(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByKey(ctx, idArg(id, ['Company'])!, 'Company');
  }

  @FieldResolver(() => RegionLink, { nullable: true, description: 'Where the company is headquartered, with the excerpts saying so.' })
  async headquarters(@Root() c: NodeValue, @Ctx() ctx: RequestContext) {
    return (await loadObjects(ctx, 'company/headquarters', c.key))[0] ?? null;
  }

  @FieldResolver(() => [Facility], { description: 'Facilities the company operates (see each one\'s locations).' })
  facilities(@Root() c: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'company/facilities', c.key);
  }

  @FieldResolver(() => [ProductTrade], { description: 'Products in the company\'s flows (exports by default), most flows first.' })
  products(@Root() c: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'company/products', c.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => [PlaceTrade], { description: 'Destinations of the company\'s flows (exports by default): regions and markets.' })
  destinations(@Root() c: NodeValue, @Args() args: ProductSummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'company/destinations', c.key, productSummaryParams(ctx, args));
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'The company\'s trade flows (as exporter or importer).', complexity: 2 })
  tradeFlows(@Root() c: NodeValue, @Args() args: FlowArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return nestedFlowPage(ctx, info, 'trade-flow/of-trader', c.key, args);
  }

  @FieldResolver(() => FigureConnection, { description: 'Figures about the company.', complexity: 2 })
  figures(@Root() c: NodeValue, @Args() args: FigureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return figuresAbout(ctx, info, c.key, args);
  }
}
