/**
 * Argument validation for the linkage queries: hop and size bounds, and the relationship-type and
 * label whitelists. Everything here either returns a value safe to hand to Cypher (a bounded
 * integer, or a list drawn from the model's closed lists) or throws BAD_USER_INPUT naming the limit.
 */
import { badUserInput } from '../../graphql/relay/bad-input';
import { PROVENANCE_REL_TYPES, REL_TYPES } from '../../model';
import { EntityKind, LABEL_OF_KIND } from './entity-kind';

export const NEIGHBOURHOOD_MAX_HOPS = 3;
export const PATH_MAX_HOPS = 8;
/** The largest SHORTEST count a path query is rendered with (first is also bounded by the page size). */
export const PATH_MAX_COUNT = 10_000;

/** Relationships that tie a fact or entity to its excerpts and sources rather than to the world. */
export const PROVENANCE_TYPES: readonly string[] = PROVENANCE_REL_TYPES;

/** The relationship types a traversal follows when the client names none. */
export const DEFAULT_TYPES: readonly string[] = REL_TYPES.filter((t) => !PROVENANCE_TYPES.includes(t));

/** Kept here for code written against this module; the checker lives in src/graphql/args.ts. */
export { boundedInt } from '../../graphql/args';

/**
 * The relationship types to follow: the client's list checked against the model, or every
 * non-provenance type (plus the provenance ones when the traversal starts at a Source or Excerpt,
 * whose only links are provenance).
 */
export function relationshipTypes(requested: readonly string[] | null | undefined, startsAtProvenance = false): string[] {
  if (requested == null) return startsAtProvenance ? [...REL_TYPES] : [...DEFAULT_TYPES];
  if (requested.length === 0) throw badUserInput('`relationshipTypes` must not be empty (omit it to follow every type)');
  const unknown = requested.filter((t) => !(REL_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw badUserInput(`Unknown relationship type ${JSON.stringify(unknown[0]!.slice(0, 40))}; allowed: ${REL_TYPES.join(', ')}`, {
      argumentName: 'relationshipTypes',
    });
  }
  return [...new Set(requested)];
}

/** The labels a traversal may pass through or end at (the endpoints of a path always count). */
export function nodeLabels(kinds: readonly EntityKind[] | null | undefined): string[] {
  if (kinds == null) return Object.values(LABEL_OF_KIND);
  if (kinds.length === 0) throw badUserInput('`labels` must not be empty (omit it to allow every kind)');
  return [...new Set(kinds.map((k) => LABEL_OF_KIND[k]))];
}
