/**
 * Markets: root list and lookup, members with dates, suppliers, products, flows, figures.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import type { NodeValue } from '../../graphql/relay/node';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { FigureArgs } from '../figure/figure.inputs';
import { FigureConnection, figuresAbout } from '../figure/figure.resolver';
import { loadObjects } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { idArg, intArg, rootConnection, textArg } from '../shared/page';
import { NameSort } from '../shared/sort';
import { CompanyTrade, Membership, ProductTrade } from '../shared/summaries';
import type { EntityValue } from '../shared/to-value';
import { ProductSummaryArgs, productSummaryParams, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs, FlowEnd } from '../trade-flow/trade-flow.inputs';
import { loadTradeSummaries, nestedFlowPage } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Market } from './market.type';

export const MarketConnection = connectionType(Market, 'Market');

@InputType('MarketFilter')
export class MarketFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'trade-bloc, trade-agreement, economic-zone.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: markets it (or a region containing it) is or was a member of.' })
  hasMember?: string | null;
}

@Resolver(() => Market)
export class MarketResolver {
  @Query(() => MarketConnection, { description: 'Markets: trade blocs, agreements, economic zones.', complexity: 2 })
  markets(
    @Arg('filter', () => MarketFilter, { nullable: true }) filter: MarketFilter | undefined,
    @Arg('sort', () => NameSort, { defaultValue: NameSort.NAME }) sort: NameSort,
    @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const f = filter ?? {};
    const params = { name: textArg(f.name, 'name'), kind: textArg(f.kind, 'kind'), hasMember: idArg(f.hasMember, ['Region']) };
    return rootConnection(ctx, info, 'market/page', params, page, { sort, direction });
  }

  @Query(() => Market, { nullable: true, description: 'One market by global id or graph id (market:asean).' })
  market(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByKey(ctx, idArg(id, ['Market'])!, 'Market');
  }

  @FieldResolver(() => [Membership], { description: 'Member regions with membership dates.' })
  members(
    @Root() m: NodeValue,
    @Arg('year', () => Int, { nullable: true, description: 'Only members during this year.' }) year: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return loadObjects(ctx, 'market/members', m.key, { year: intArg(year, 'year') });
  }

  @FieldResolver(() => [CompanyTrade], { description: 'Companies trading into the market (exports by default; flows to members count during membership).' })
  suppliers(@Root() m: NodeValue, @Args() args: ProductSummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'market/suppliers', m.key, productSummaryParams(ctx, args));
  }

  @FieldResolver(() => [ProductTrade], { description: 'Products flowing into the market (exports by default).' })
  products(@Root() m: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'market/products', m.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'Flows from or to the market or its members (during membership).', complexity: 2 })
  tradeFlows(
    @Root() m: NodeValue,
    @Args() args: FlowArgs,
    @Arg('end', () => FlowEnd, { nullable: true, description: 'FROM: flows leaving; TO: flows arriving; null: both.' }) end: FlowEnd | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return nestedFlowPage(ctx, info, 'trade-flow/of-market', m.key, args, { end });
  }

  @FieldResolver(() => FigureConnection, { description: 'Figures about the market.', complexity: 2 })
  figures(@Root() m: NodeValue, @Args() args: FigureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return figuresAbout(ctx, info, m.key, args);
  }
}
