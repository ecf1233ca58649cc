/**
 * Everything of the Source type (root list `sources`, lookup `source(id)`, its excerpts) and of the
 * Excerpt type (what it is quoted from, what it states).
 */
import { Ctx, Field, FieldResolver, InputType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { Node } from '../../graphql/relay/node';
import { loadNode, loadNodes } from '../shared/load';
import { textArg } from '../../graphql/args';
import { RootList } from '../shared/root-list.resolver';
import type { EntityValue } from '../shared/to-value';
import { Excerpt, Source } from './source.type';

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
export class SourceResolver extends RootList({
  type: Source,
  typeName: 'Source',
  list: 'sources',
  description: 'Sources: documents, articles and datasets the graph quotes.',
  query: 'source/page',
  filter: SourceFilter,
  params: (f) => ({ title: textArg(f.title, 'title'), kind: textArg(f.kind, 'kind') }),
  sort: SourceSort,
  defaultSort: SourceSort.TITLE,
  lookup: { field: 'source', description: 'One source by global id or graph id (source:...).' },
}) {
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
