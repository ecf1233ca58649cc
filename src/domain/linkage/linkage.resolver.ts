/**
 * The linkage root fields: search, neighbourhood, shortestPath, allPaths, howConnected.
 */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { EntityKind } from './entity-kind';
import { GraphPath, SearchHit, Subgraph } from './graph.types';
import { NEIGHBOURHOOD_MAX_HOPS, PATH_MAX_HOPS } from './limits';
import * as linkage from './linkage.service';

const TYPES_DOC = 'Relationship types to follow (docs/model.md); default: every type except the provenance ones (STATED_IN, EXCERPT_OF), which are followed by default only from a Source or Excerpt.';
const LABELS_DOC = 'Kinds of node the traversal may pass through or reach; default: all.';

@Resolver()
export class LinkageResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search, ranked: names, nameZh, aliases (English, Chinese, pinyin; typo-tolerant) first, then what sources say: excerpts (verbatim text, with the facts and entities each states), figure and flow statements, notes and source titles. `matchedIn` says where each hit matched, `excerpts` which passages.',
    complexity: 10,
  })
  search(
    @Arg('text') text: string,
    @Arg('kinds', () => [EntityKind], { nullable: true }) kinds: EntityKind[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SearchHit[]> {
    return linkage.search(ctx, { text, kinds, first: first ?? 10 });
  }

  @Query(() => Subgraph, { description: `The neighbourhood of an entity as a drawable subgraph (hops <= ${NEIGHBOURHOOD_MAX_HOPS}).`, complexity: 20 })
  neighbourhood(
    @Arg('id', () => ID) id: string,
    @Arg('hops', () => Int, { nullable: true, defaultValue: 1 }) hops: number | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 100, description: 'Most nodes besides the centre.' }) limit: number | null,
    @Arg('relationshipTypes', () => [String], { nullable: true, description: TYPES_DOC }) relationshipTypes: string[] | null,
    @Arg('labels', () => [EntityKind], { nullable: true, description: LABELS_DOC }) labels: EntityKind[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Subgraph> {
    return linkage.neighbourhood(ctx, { id, hops: hops ?? 1, limit: limit ?? 100, relationshipTypes, labels });
  }

  @Query(() => GraphPath, { nullable: true, description: `A shortest path (maxHops <= ${PATH_MAX_HOPS}); null when none.`, complexity: 20 })
  shortestPath(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 6 }) maxHops: number | null,
    @Arg('relationshipTypes', () => [String], { nullable: true, description: TYPES_DOC }) relationshipTypes: string[] | null,
    @Arg('labels', () => [EntityKind], { nullable: true, description: LABELS_DOC }) labels: EntityKind[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<GraphPath | null> {
    return linkage.shortestPath(ctx, { from, to, maxHops: maxHops ?? 6, relationshipTypes, labels });
  }

  @Query(() => [GraphPath], { description: `The shortest paths that visit no node twice, shortest first (maxHops <= ${PATH_MAX_HOPS}).`, complexity: 30 })
  allPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('relationshipTypes', () => [String], { nullable: true, description: TYPES_DOC }) relationshipTypes: string[] | null,
    @Arg('labels', () => [EntityKind], { nullable: true, description: LABELS_DOC }) labels: EntityKind[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<GraphPath[]> {
    return linkage.allPaths(ctx, { from, to, maxHops: maxHops ?? 4, relationshipTypes, labels }, first ?? 20);
  }

  @Query(() => GraphPath, {
    nullable: true,
    description: 'How is X connected to Y: the shortest path, each hop with the excerpts and sources that state it (among equally short paths, the best attested).',
    complexity: 30,
  })
  howConnected(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 6 }) maxHops: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<GraphPath | null> {
    return linkage.howConnected(ctx, { from, to, maxHops: maxHops ?? 6 });
  }
}
