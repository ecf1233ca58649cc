/**
 * Everything of the Figure type (root list, lookup, subjects, provenance) and of the Fact interface
 * (root list `facts` of figures and flows, provenance).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { connectionType } from '../../graphql/relay/connection';
import { Node, NodeValue } from '../../graphql/relay/node';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { Fact } from '../fact/fact.type';
import { loadNodes } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { idArg } from '../../graphql/args';
import { nestedConnection, rootConnection } from '../shared/page';
import { ProvenanceResolver } from '../shared/provenance.resolver';
import type { EntityValue } from '../shared/to-value';
import { FactFilter, factParams, FactSort, FigureArgs, figureParams } from './figure.inputs';
import { Figure } from './figure.type';

export const FigureConnection = connectionType(Figure, 'Figure');
export const FactConnection = connectionType(Fact, 'Fact');

/** Figures about one entity (nested `figures` fields), batched across parents. */
export function figuresAbout(ctx: RequestContext, info: GraphQLResolveInfo, parentKey: string, args: FigureArgs) {
  return nestedConnection(ctx, info, 'figure/about', parentKey, figureParams(args.filter), args, { sort: args.sort, direction: args.direction });
}

/** The Fact interface: its provenance fields, and the root list of facts of either kind. */
@Resolver(() => Fact)
export class FactResolver extends ProvenanceResolver(Fact) {
  @Query(() => FactConnection, { description: 'Facts (figures and trade flows) by kind, period, participant and provenance, e.g. those resting on a single source.', complexity: 2 })
  facts(
    @Arg('filter', () => FactFilter, { nullable: true }) filter: FactFilter | undefined,
    @Arg('sort', () => FactSort, { defaultValue: FactSort.KEY }) sort: FactSort,
    @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return rootConnection(ctx, info, 'fact/page', factParams(filter), page, { sort, direction });
  }
}

@Resolver(() => Figure)
export class FigureResolver extends ProvenanceResolver(Figure) {
  @Query(() => FigureConnection, { description: 'Figures (aggregate facts) by metric, unit, subject, period, baseline; sort by VALUE for the fastest-growing.', complexity: 2 })
  figures(@Args() args: FigureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return rootConnection(ctx, info, 'figure/page', figureParams(args.filter), args, { sort: args.sort, direction: args.direction });
  }

  @Query(() => Figure, { nullable: true, description: 'One figure by global id or graph id (figure:...).' })
  figure(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByKey(ctx, idArg(id, ['Figure'])!, 'Figure');
  }

  @FieldResolver(() => [Node], { description: 'What the figure is about (products, regions, companies, markets, policies).' })
  about(@Root() f: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'figure/subjects', f.key);
  }
}
