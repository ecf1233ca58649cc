/**
 * The model of the graph, stated once (docs/model.md explains it in prose): one row per node kind
 * and one per relationship type. Everything that names kinds, labels, id schemes or relationship
 * types derives from these two tables: ingest validation (src/ingest/model.ts), the write templates
 * (src/ingest/templates.ts), the GraphQL `EntityKind` enum and type resolution
 * (src/domain/linkage/entity-kind.ts, src/domain/shared/to-value.ts), the linkage whitelists
 * (src/domain/linkage/limits.ts), the analytics groupings and, by introspection of `EntityKind`,
 * the explorer's legend.
 *
 * Adding a node kind: one row in NODE_KINDS (plus relationship rows naming it) and its resolver in
 * src/domain/<kind>/. Labels and relationship types reach Cypher text only from these tables.
 *
 * This module imports nothing: every layer may import it.
 */

export interface NodeKindRow {
  /** The Neo4j primary label; also the GraphQL object type's name and the global id's type. */
  readonly label: string;
  /** The label carrying the uniqueness constraint the node is merged on (cypher/migrations/001). */
  readonly mergeLabel: string;
  /** Id schemes (docs/model.md, "Ids"); a node's id matches one of them. */
  readonly ids: readonly RegExp[];
  /** What the `kind` property may say (empty: the kind has no `kind` property). */
  readonly kinds: readonly string[];
  /** Names covered by the full-text index (cypher/queries/model/search-index.cypher). */
  readonly searchable: boolean;
  /** Provenance (sources, excerpts): a traversal reaches it only when asked to. */
  readonly provenance: boolean;
}

const slug = (prefix: string) => new RegExp(`^${prefix}:[a-z0-9][a-z0-9-]*$`);

/** The node kinds, keyed by their `EntityKind` name, in the order the API lists them. */
export const NODE_KINDS = {
  COMPANY: { label: 'Company', mergeLabel: 'Company', ids: [slug('company')], kinds: ['enterprise', 'group'], searchable: true, provenance: false },
  PRODUCT: {
    label: 'Product',
    mergeLabel: 'Product',
    // HS entries (hs2022:8711, hs2022:TOTAL) and named products.
    ids: [/^hs\d{4}:(?:\d{2,10}|TOTAL)$/, slug('product')],
    kinds: [],
    searchable: true,
    provenance: false,
  },
  REGION: {
    label: 'Region',
    mergeLabel: 'Region',
    ids: [/^iso:[A-Z]{3}$/, /^m49:\d{3}$/, /^gb:\d{6}$/],
    kinds: ['world', 'continent', 'subregion', 'country', 'province', 'municipality', 'district', 'county', 'area'],
    searchable: true,
    provenance: false,
  },
  MARKET: { label: 'Market', mergeLabel: 'Market', ids: [slug('market')], kinds: ['trade-bloc', 'trade-agreement', 'economic-zone'], searchable: true, provenance: false },
  POLICY: {
    label: 'Policy',
    mergeLabel: 'Policy',
    ids: [slug('policy')],
    kinds: ['plan', 'program', 'brand', 'platform', 'trade-form', 'zone', 'corridor', 'mechanism'],
    searchable: true,
    provenance: false,
  },
  FACILITY: { label: 'Facility', mergeLabel: 'Facility', ids: [slug('facility')], kinds: ['factory', 'warehouse', 'office'], searchable: true, provenance: false },
  // Figures and trade flows are facts: merged on the Fact label, which carries their uniqueness constraint.
  TRADE_FLOW: { label: 'TradeFlow', mergeLabel: 'Fact', ids: [/^flow:[A-Za-z0-9][A-Za-z0-9:._-]*$/], kinds: [], searchable: false, provenance: false },
  FIGURE: { label: 'Figure', mergeLabel: 'Fact', ids: [slug('figure')], kinds: [], searchable: false, provenance: false },
  SOURCE: {
    label: 'Source',
    mergeLabel: 'Source',
    ids: [/^source:[a-z0-9][a-z0-9.-]*$/],
    kinds: ['official-document', 'news', 'secondary-report', 'official-statistics', 'customs-data', 'reference-data', 'synthetic'],
    searchable: false,
    provenance: true,
  },
  EXCERPT: { label: 'Excerpt', mergeLabel: 'Excerpt', ids: [/^excerpt:[a-z0-9][a-z0-9.-]*$/], kinds: [], searchable: false, provenance: true },
} as const satisfies Record<string, NodeKindRow>;

export type KindName = keyof typeof NODE_KINDS;
export type NodeLabel = (typeof NODE_KINDS)[KindName]['label'];
export type MergeLabel = (typeof NODE_KINDS)[KindName]['mergeLabel'];

export const KIND_NAMES = Object.keys(NODE_KINDS) as KindName[];
export const NODE_LABELS = KIND_NAMES.map((k) => NODE_KINDS[k].label) as NodeLabel[];
export const MERGE_LABELS = [...new Set(KIND_NAMES.map((k) => NODE_KINDS[k].mergeLabel))] as MergeLabel[];
/** The labels of the kinds searched by name (the full-text index's labels: src/neo4j/model-schema.ts). */
export const SEARCHABLE_LABELS = KIND_NAMES.filter((k) => NODE_KINDS[k].searchable).map((k) => NODE_KINDS[k].label) as NodeLabel[];

/** A relationship end: a merge label, or `*` for any node kind. */
export type End = MergeLabel | '*';

export interface RelTypeRow {
  /** Allowed (from, to) merge labels. */
  readonly ends: readonly (readonly [End, End])[];
  /** Properties the relationship may carry besides `excerptIds` and `note`. */
  readonly props: readonly string[];
  /** A provenance relationship (ties a statement to its excerpt or source, not to the world). */
  readonly provenance?: boolean;
}

/** The relationship types, in the order error messages and default traversals list them. */
export const REL_TYPES_MODEL = {
  EXCERPT_OF: { ends: [['Excerpt', 'Source']], props: [], provenance: true },
  STATED_IN: { ends: [['*', 'Excerpt']], props: [], provenance: true },
  PART_OF: {
    ends: [
      ['Region', 'Region'],
      // The HS tree (hs records), and a named product under a broader named product (a category).
      ['Product', 'Product'],
    ],
    props: [],
  },
  // `from`/`to` as the source states them (ISO dates, as precise as it is); `fromYear`/`toYear` their
  // years as integers, derived on write (see derivedRelProps), so membership tests are one comparison.
  MEMBER_OF: { ends: [['Region', 'Market']], props: ['from', 'to', 'fromYear', 'toYear'] },
  CLASSIFIED_AS: { ends: [['Product', 'Product']], props: [] },
  ORIGINATES_IN: { ends: [['Product', 'Region']], props: [] },
  HEADQUARTERED_IN: { ends: [['Company', 'Region']], props: [] },
  OPERATES: { ends: [['Company', 'Facility']], props: [] },
  // The company does business in, or integrates with, that market or country (a source says so).
  ACTIVE_IN: {
    ends: [
      ['Company', 'Market'],
      ['Company', 'Region'],
    ],
    props: [],
  },
  LOCATED_IN: { ends: [['Facility', 'Region']], props: [] },
  SUPPORTS: {
    ends: [
      ['Policy', 'Company'],
      ['Policy', 'Product'],
      ['Policy', 'Region'],
      ['Policy', 'Market'],
      ['Policy', 'Policy'],
    ],
    props: [],
  },
  APPLIES_IN: { ends: [['Policy', 'Region']], props: [] },
  ABOUT: { ends: [['Fact', '*']], props: [] },
  TRADER: { ends: [['Fact', 'Company']], props: [] },
  OF_PRODUCT: { ends: [['Fact', 'Product']], props: [] },
  FROM: {
    ends: [
      ['Fact', 'Region'],
      ['Fact', 'Market'],
    ],
    props: [],
  },
  TO: {
    ends: [
      ['Fact', 'Region'],
      ['Fact', 'Market'],
    ],
    props: [],
  },
  REPORTED_BY: { ends: [['Fact', 'Region']], props: [] },
  VIA: { ends: [['Fact', 'Policy']], props: [] },
} as const satisfies Record<string, RelTypeRow>;

export type RelType = keyof typeof REL_TYPES_MODEL;
export const REL_TYPES = Object.keys(REL_TYPES_MODEL) as RelType[];

export function isRelType(s: string): s is RelType {
  return Object.prototype.hasOwnProperty.call(REL_TYPES_MODEL, s);
}

/** The allowed (from, to) ends of a relationship type. */
export function relEnds(type: RelType): readonly (readonly [End, End])[] {
  return REL_TYPES_MODEL[type].ends;
}

/** Every concrete (from, to) merge-label pair a relationship type may join (`*` expanded). */
export function relEndPairs(type: RelType): [MergeLabel, MergeLabel][] {
  const out: [MergeLabel, MergeLabel][] = [];
  for (const [from, to] of relEnds(type)) {
    for (const f of from === '*' ? MERGE_LABELS : [from]) for (const t of to === '*' ? MERGE_LABELS : [to]) out.push([f, t]);
  }
  return out;
}

/** Relationship types that tie a statement to its excerpts and sources rather than to the world. */
export const PROVENANCE_REL_TYPES = REL_TYPES.filter((t) => (REL_TYPES_MODEL[t] as RelTypeRow).provenance === true);

/** The kind row of a label, or undefined for labels outside the model (Fact, Migration). */
export function kindOfLabel(label: string): KindName | undefined {
  return KIND_NAMES.find((k) => NODE_KINDS[k].label === label);
}

/** The node kind an id names by its scheme, or undefined when it follows none. */
export function kindOfId(id: string): KindName | undefined {
  return KIND_NAMES.find((k) => NODE_KINDS[k].ids.some((re) => re.test(id)));
}

/** The merge label of a well-formed id, or undefined when the id follows no scheme. */
export function labelForId(id: string): MergeLabel | undefined {
  const kind = kindOfId(id);
  return kind && NODE_KINDS[kind].mergeLabel;
}

export function mergeLabelOf(label: NodeLabel): MergeLabel {
  return NODE_KINDS[kindOfLabel(label)!].mergeLabel;
}

/** Properties stored as Neo4j integers (years, levels, row numbers), not floats. */
export const INTEGER_PROPS = new Set(['periodStart', 'periodEnd', 'baselineStart', 'baselineEnd', 'hsLevel', 'sourceRow', 'fromYear', 'toYear']);

/**
 * Properties a relationship type derives from the ones a record states (written with them, owned
 * with them): MEMBER_OF's `fromYear`/`toYear` are the years of its `from`/`to` dates.
 */
export function derivedRelProps(type: RelType, props: Readonly<Record<string, unknown>>): Record<string, number | undefined> {
  if (type !== 'MEMBER_OF') return {};
  const yearOf = (v: unknown) => (typeof v === 'string' && /^\d{4}/.test(v) ? Number(v.slice(0, 4)) : undefined);
  return { fromYear: yearOf(props.from), toYear: yearOf(props.to) };
}
