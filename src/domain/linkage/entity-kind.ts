/**
 * The kinds of graph node the API names (`EntityKind`), derived from the model (src/model.ts): the
 * enum's values are the model's kind names, and each kind's label, searchability and provenance come
 * from its row. This is the whitelist for label filters: a label reaches Cypher only as a parameter
 * value taken from the model, never from client text.
 */
import { registerEnumType } from 'type-graphql';
import { KIND_NAMES, KindName, kindOfLabel, NODE_KINDS } from '../../model';

export type EntityKind = KindName;
/** `EntityKind.COMPANY === 'COMPANY'`, one member per model row. */
export const EntityKind = Object.fromEntries(KIND_NAMES.map((k) => [k, k])) as { readonly [K in KindName]: K };
registerEnumType(EntityKind, { name: 'EntityKind', description: 'The kind (primary label) of a graph node.' });

export const LABEL_OF_KIND = Object.fromEntries(KIND_NAMES.map((k) => [k, NODE_KINDS[k].label])) as Record<EntityKind, string>;

/** The kind of a node from its labels, or undefined for nodes outside the model (e.g. Migration). */
export function kindOfLabels(labels: readonly string[]): EntityKind | undefined {
  for (const label of labels) {
    const kind = kindOfLabel(label);
    if (kind) return kind;
  }
  return undefined;
}

/** Kinds whose names the full-text index covers (src/neo4j/model-schema.ts ensures it). */
export const SEARCHABLE_KINDS: readonly EntityKind[] = KIND_NAMES.filter((k) => NODE_KINDS[k].searchable);

/** Provenance kinds: reached only when asked for (see limits.ts, default relationship types). */
export const PROVENANCE_KINDS: readonly EntityKind[] = KIND_NAMES.filter((k) => NODE_KINDS[k].provenance);
