/**
 * Provenance fields every entity and fact has: `excerpts` (what states it) and `sources` (where
 * those excerpts come from). A base resolver each type's resolver extends.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { NodeValue } from '../../graphql/relay/node';
import { HistoryResolver } from '../curation/history.resolver';
import { Excerpt, Source } from '../source/source.type';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { loadRelation, ParentRow } from '../../graphql/loaders';
import { loadNodes } from './load';
import { PROVENANCE_QUERY } from './look-ahead';
import { NoBase, ResolverBase } from './resolver-base';
import { entityOf } from './selected-properties';
import type { EntityValue } from './to-value';

export function ProvenanceResolver<B extends ResolverBase>(of: Function, Base: B = NoBase as unknown as B) {
  @Resolver(() => of)
  // Every entity and fact with provenance has a curation history too (src/domain/curation/).
  abstract class WithProvenance extends HistoryResolver(of, Base) {
    @FieldResolver(() => [Excerpt], { description: 'The excerpts that state this, verbatim.', complexity: 2 })
    async excerpts(@Root() n: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
      return distinctById((await statements(ctx, n.key)).map((r) => r.excerpt));
    }

    @FieldResolver(() => [Source], { description: 'The distinct sources of those excerpts.', complexity: 2 })
    async sources(@Root() n: NodeValue, @Ctx() ctx: RequestContext): Promise<EntityValue[]> {
      const sources = distinctById((await statements(ctx, n.key)).flatMap((r) => (r.source ? [r.source] : [])));
      return sources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
  }
  return WithProvenance;
}

/** Whole nodes from provenance/statements; projected (selected-properties.ts) where a flow's look-ahead primed them. */
interface StatementRow extends ParentRow {
  excerpt: Neo4jNode | unknown[];
  source: Neo4jNode | unknown[] | null;
}

/** Excerpts with their sources (provenance/statements: one query for both fields, or primed by look-ahead). */
async function statements(ctx: RequestContext, key: string): Promise<{ excerpt: EntityValue; source: EntityValue | null }[]> {
  const rows = await loadRelation<StatementRow>(ctx, PROVENANCE_QUERY, key);
  return rows.map((r) => ({ excerpt: entityOf(ctx, r.excerpt), source: r.source ? entityOf(ctx, r.source) : null }));
}

/** The first of each id, in order. */
function distinctById(values: EntityValue[]): EntityValue[] {
  const seen = new Map<string, EntityValue>();
  for (const v of values) if (!seen.has(v.key)) seen.set(v.key, v);
  return [...seen.values()];
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
