/**
 * Policies, programs, brands and channels: root list and lookup, what they support, where they
 * apply, the flows through them (channels), figures.
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
import { PolicySupport, RegionLink } from '../shared/summaries';
import type { EntityValue } from '../shared/to-value';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { nestedFlowPage } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Policy } from './policy.type';

export const PolicyConnection = connectionType(Policy, 'Policy');

@InputType('PolicyFilter')
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'plan, program, brand, platform, trade-form, zone, corridor, mechanism.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Region id: in force there (applying to it or a region containing it).' })
  appliesIn?: string | null;

  @Field(() => Int, { nullable: true, description: 'In force during this year.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Entity id: policies supporting it.' })
  supports?: string | null;
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => PolicyConnection, { description: 'Policies, plans, programs, brands, platforms, trade forms and channels.', complexity: 2 })
  policies(
    @Arg('filter', () => PolicyFilter, { nullable: true }) filter: PolicyFilter | undefined,
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
      appliesIn: idArg(f.appliesIn, ['Region']),
      year: intArg(f.year, 'year'),
      supports: idArg(f.supports),
    };
    return rootConnection(ctx, info, 'policy/page', params, page, { sort, direction });
  }

  @Query(() => Policy, { nullable: true, description: 'One policy by global id or graph id (policy:...).' })
  policy(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByKey(ctx, idArg(id, ['Policy'])!, 'Policy');
  }

  @FieldResolver(() => [PolicySupport], { description: 'What the policy supports: companies, products, regions, markets, policies.' })
  supports(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'policy/supports', p.key);
  }

  @FieldResolver(() => [RegionLink], { description: 'Where the policy is in force.' })
  appliesIn(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'policy/applies-in', p.key);
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'Trade flows through this channel or trade form (VIA).', complexity: 2 })
  flows(@Root() p: NodeValue, @Args() args: FlowArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return nestedFlowPage(ctx, info, 'trade-flow/via-policy', p.key, args);
  }

  @FieldResolver(() => FigureConnection, { description: 'Figures about the policy (e.g. enterprises in a program).', complexity: 2 })
  figures(@Root() p: NodeValue, @Args() args: FigureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return figuresAbout(ctx, info, p.key, args);
  }
}
