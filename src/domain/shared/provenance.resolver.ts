/**
 * Provenance fields every entity and fact has: `excerpts` (what states it) and `sources` (where
 * those excerpts come from). A base resolver each type's resolver extends.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { HistoryResolver } from '../curation/history.resolver';
import { Excerpt, Source } from '../source/source.type';
import { loadNodes } from './load';
import { NoBase, ResolverBase } from './resolver-base';
import type { EntityValue } from './to-value';

export function ProvenanceResolver<B extends ResolverBase>(of: Function, Base: B = NoBase as unknown as B) {
  @Resolver(() => of)
  // Every entity and fact with provenance has a curation history too (src/domain/curation/).
  abstract class WithProvenance extends HistoryResolver(of, Base) {
    @FieldResolver(() => [Excerpt], { description: 'The excerpts that state this, verbatim.', complexity: 2 })
    excerpts(@Root() n: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
      return loadNodes(ctx, 'provenance/excerpts', n.key);
    }

    @FieldResolver(() => [Source], { description: 'The distinct sources of those excerpts.', complexity: 2 })
    sources(@Root() n: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
      return loadNodes(ctx, 'provenance/sources', n.key);
    }
  }
  return WithProvenance;
}

/** Excerpts and sources of a relationship, from the `excerptIds` it carries. */
export async function excerptsByIds(ctx: RequestContext, ids: readonly string[]): Promise<EntityValue[]> {
  const lists = await Promise.all(ids.map((id) => loadNodes(ctx, 'provenance/excerpts-by-ids', id)));
  return lists.flat();
}

export async function sourcesOfExcerptIds(ctx: RequestContext, ids: readonly string[]): Promise<EntityValue[]> {
  const lists = await Promise.all(ids.map((id) => loadNodes(ctx, 'provenance/sources-by-excerpt-ids', id)));
  const seen = new Map<string, EntityValue>();
  for (const s of lists.flat()) seen.set(s.key, s);
  return [...seen.values()];
}
