/**
 * Root fields `sources` (filtered, sorted, paged) and `source(id)`.
 */
import { Field, InputType, registerEnumType } from 'type-graphql';
import { textArg } from '../shared/page';
import { rootListResolver } from '../shared/root-list.resolver';
import { Source } from './source.type';

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

export const SourceListResolver = rootListResolver({
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
});
