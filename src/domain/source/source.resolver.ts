/**
 * Sources and excerpts: what each excerpt is quoted from and what it states.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/relay/connection';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { nodeByKey } from '../shared/node.resolver';
import { idArg, rootConnection, textArg } from '../shared/page';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Node } from '../../graphql/relay/node';
import { loadNode, loadNodes } from '../shared/load';
import type { EntityValue } from '../shared/to-value';
import { Excerpt, Source } from './source.type';

export const SourceConnection = connectionType(Source, 'Source');

export enum SourceSort {
  TITLE = 'TITLE',
  PUBLISHED = 'PUBLISHED',
  KEY = 'KEY',
}
registerEnumType(SourceSort, { name: 'SourceSort' });

@InputType('SourceFilter')
export class SourceFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'official-document, news, official-statistics, customs-data, reference-data.' })
  kind?: string | null;
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources: documents, articles and datasets the graph quotes.', complexity: 2 })
  sources(
    @Arg('filter', () => SourceFilter, { nullable: true }) filter: SourceFilter | undefined,
    @Arg('sort', () => SourceSort, { defaultValue: SourceSort.TITLE }) sort: SourceSort,
    @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const f = filter ?? {};
    return rootConnection(ctx, info, 'source/page', { title: textArg(f.title, 'title'), kind: textArg(f.kind, 'kind') }, page, { sort, direction });
  }

  @Query(() => Source, { nullable: true, description: 'One source by global id or graph id (source:...).' })
  source(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return nodeByKey(ctx, idArg(id, ['Source'])!, 'Source');
  }

  @FieldResolver(() => [Excerpt], { description: 'The excerpts quoted from this source.', complexity: 5 })
  excerpts(@Root() s: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return loadNodes(ctx, 'source/excerpts', s.key);
  }
}

@Resolver(() => Excerpt)
export class ExcerptResolver {
  @FieldResolver(() => Source, { nullable: true, description: 'The source this excerpt is quoted from.' })
  source(@Root() e: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue | null> {
    return loadNode(ctx, 'provenance/sources-by-excerpt-ids', e.key);
  }

  @FieldResolver(() => [Node], { description: 'The facts and entities this excerpt states.', complexity: 5 })
  states(@Root() e: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return loadNodes(ctx, 'source/stated', e.key);
  }
}
