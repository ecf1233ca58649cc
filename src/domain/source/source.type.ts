/**
 * Provenance: a Source (document, article, dataset) and the verbatim Excerpts quoted from it.
 */
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';

@ObjectType('Source', { implements: Node, simpleResolvers: true, description: 'A document, article or dataset that facts are quoted from.' })
export class Source extends Node {
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date (ISO).' })
  published!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'File name under the source documents, when archived.' })
  file!: string | null;

  @Field(() => String, { nullable: true, description: 'official-document, news, secondary-report (a report quoting an official statement), official-statistics, customs-data, reference-data, synthetic (generated benchmark data, not real).' })
  kind!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'When the source was retrieved (ISO).' })
  retrieved!: string | null;

  @Field(() => String, { nullable: true, description: "The curator's note: a judgement call, what the source does not say, or how it was read." })
  note!: string | null;
}

@ObjectType('Excerpt', { implements: Node, simpleResolvers: true, description: 'A verbatim passage of a source that states facts.' })
export class Excerpt extends Node {
  @Field(() => String, { nullable: true, description: 'The passage, verbatim.' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'Where in the source, e.g. "paragraph 1, sentence 2".' })
  locator!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;

  @Field(() => String, { nullable: true, description: "The curator's note: a judgement call, what the source does not say, or how it was read." })
  note!: string | null;
}
