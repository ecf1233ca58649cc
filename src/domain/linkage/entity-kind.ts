/**
 * The kinds of graph node the linkage API names (`EntityKind`), and their Neo4j labels.
 *
 * This is the whitelist for label filters: a label reaches Cypher only as a parameter value taken
 * from this table, never from client text.
 */
import { registerEnumType } from 'type-graphql';

export enum EntityKind {
  COMPANY = 'COMPANY',
  PRODUCT = 'PRODUCT',
  REGION = 'REGION',
  MARKET = 'MARKET',
  POLICY = 'POLICY',
  FACILITY = 'FACILITY',
  TRADE_FLOW = 'TRADE_FLOW',
  FIGURE = 'FIGURE',
  SOURCE = 'SOURCE',
  EXCERPT = 'EXCERPT',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'The kind (primary label) of a graph node.' });

export const LABEL_OF_KIND: Record<EntityKind, string> = {
  COMPANY: 'Company',
  PRODUCT: 'Product',
  REGION: 'Region',
  MARKET: 'Market',
  POLICY: 'Policy',
  FACILITY: 'Facility',
  TRADE_FLOW: 'TradeFlow',
  FIGURE: 'Figure',
  SOURCE: 'Source',
  EXCERPT: 'Excerpt',
};

/** Labels in resolution order: a Figure is also a Fact; the specific label decides the kind. */
const KIND_BY_LABEL = new Map<string, EntityKind>(Object.entries(LABEL_OF_KIND).map(([k, l]) => [l, k as EntityKind]));

/** The kind of a node from its labels, or undefined for nodes outside the model (e.g. Migration). */
export function kindOfLabels(labels: readonly string[]): EntityKind | undefined {
  for (const label of labels) {
    const kind = KIND_BY_LABEL.get(label);
    if (kind) return kind;
  }
  return undefined;
}

/** Kinds whose names the full-text index covers (cypher/migrations/003_fulltext_search.cypher). */
export const SEARCHABLE_KINDS: readonly EntityKind[] = [
  EntityKind.COMPANY,
  EntityKind.PRODUCT,
  EntityKind.REGION,
  EntityKind.MARKET,
  EntityKind.POLICY,
  EntityKind.FACILITY,
];

/** Provenance kinds: reached only when asked for (see limits.ts, default relationship types). */
export const PROVENANCE_KINDS: readonly EntityKind[] = [EntityKind.SOURCE, EntityKind.EXCERPT];
