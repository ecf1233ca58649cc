/**
 * What states an edge: the relationship's own `excerptIds`, or, for a fact's participation
 * (ABOUT, TRADER, OF_PRODUCT, FROM, TO, REPORTED_BY, VIA), the excerpts the fact is STATED_IN;
 * a provenance edge is its own evidence. Loaded on demand and batched across all edges of a request.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { loadNodes } from '../shared/load';
import { excerptsByIds, sourcesOfExcerptIds } from '../shared/provenance.resolver';
import type { EntityValue } from '../shared/to-value';
import { Excerpt, Source } from '../source/source.type';
import { GraphEdge, GraphEdgeValue } from './graph.types';

const FACT_PARTICIPATION = new Set(['ABOUT', 'TRADER', 'OF_PRODUCT', 'FROM', 'TO', 'REPORTED_BY', 'VIA']);

export async function edgeExcerpts(ctx: RequestContext, edge: GraphEdgeValue): Promise<EntityValue[]> {
  if (edge.excerptIds.length > 0) return excerptsByIds(ctx, edge.excerptIds);
  if (edge.type === 'STATED_IN') return excerptsByIds(ctx, [edge.target]);
  if (edge.type === 'EXCERPT_OF') return excerptsByIds(ctx, [edge.source]);
  if (FACT_PARTICIPATION.has(edge.type)) return loadNodes(ctx, 'provenance/excerpts', edge.source);
  return [];
}

@Resolver(() => GraphEdge)
export class GraphEdgeResolver {
  @FieldResolver(() => [Excerpt], { description: 'The excerpts that state this relationship, verbatim.', complexity: 2 })
  excerpts(@Root() edge: GraphEdgeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    return edgeExcerpts(ctx, edge);
  }

  @FieldResolver(() => [Source], { description: 'The distinct sources of those excerpts.', complexity: 2 })
  async sources(@Root() edge: GraphEdgeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
    const excerpts = await edgeExcerpts(ctx, edge);
    return sourcesOfExcerptIds(ctx, excerpts.map((e) => e.key));
  }
}
