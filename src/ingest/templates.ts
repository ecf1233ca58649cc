/**
 * The write and lookup Cypher of the import: the catalog's `ingest/*` queries (cypher/ingest/),
 * rendered once per label and per allowed (type, from label, to label) of the model with the
 * catalog's one rendering mechanism (labels and types are slots: they cannot be parameters, and only
 * the model's own names can fill them). Nothing from input ever reaches the text.
 */
import { MERGE_LABELS, MergeLabel, mergeLabelOf, NODE_LABELS, NodeLabel, relEndPairs, RelType, REL_TYPES } from '../model';
import { labelSlot, QueryCatalog, relTypeSlot, stripComments } from '../neo4j/queries';
import { fillSlots, slotNames } from '../neo4j/query-parts';

export { MERGE_LABELS };

export class IngestQueries {
  private readonly nodes = new Map<NodeLabel, string>();
  private readonly rels = new Map<string, string>();
  private readonly stale = new Map<string, string>();
  private readonly existing: string;

  constructor(catalog: QueryCatalog = new QueryCatalog()) {
    // Comment lines go: they explain the file, and existing-ids is joined with UNION ALL.
    // TYPE is a relationship type; every other slot of these files is a label.
    const render = (name: string, slots: Record<string, string>) =>
      stripComments(catalog.render(`ingest/${name}`, Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, k === 'TYPE' ? relTypeSlot(v) : labelSlot(v)]))));
    for (const label of NODE_LABELS) this.nodes.set(label, render('upsert-nodes', { MERGE_LABEL: mergeLabelOf(label), LABEL: label }));
    for (const type of REL_TYPES) {
      for (const [f, t] of relEndPairs(type)) this.rels.set(relKey(type, f, t), render('upsert-rels', { TYPE: type, FROM_LABEL: f, TO_LABEL: t }));
    }
    for (const direction of ['out', 'in'] as const) {
      for (const label of MERGE_LABELS) this.stale.set(staleKey(label, direction), render(`remove-stale-${direction}`, { LABEL: label }));
    }
    this.existing = MERGE_LABELS.map((l) => render('existing-ids', { MERGE_LABEL: l })).join('\nUNION ALL\n');
  }

  upsertNodes(label: NodeLabel): string {
    return this.nodes.get(label)!;
  }

  upsertRels(type: RelType, from: MergeLabel, to: MergeLabel): string {
    const q = this.rels.get(relKey(type, from, to));
    if (!q) throw new Error(`the model has no ${type} from ${from} to ${to}`);
    return q;
  }

  /** Removes the claimed relationships from (`out`) or into (`in`) owner nodes of `label` that the import no longer states. */
  removeStale(label: MergeLabel, direction: 'out' | 'in'): string {
    return this.stale.get(staleKey(label, direction))!;
  }

  /** One read query over all labels; parameters from `existingIdsParams`. */
  existingIds(): string {
    return this.existing;
  }

  existingIdsParams(idsByLabel: Map<MergeLabel, string[]>): Record<string, string[]> {
    return Object.fromEntries(MERGE_LABELS.map((l) => [`ids_${l}`, idsByLabel.get(l) ?? []]));
  }
}

function relKey(type: RelType, from: MergeLabel, to: MergeLabel): string {
  return `${type} ${from} ${to}`;
}

function staleKey(label: MergeLabel, direction: 'out' | 'in'): string {
  return `${direction} ${label}`;
}

let catalog: QueryCatalog | undefined;

/** The catalog's `ingest/<name>` query without its comment lines (as the writer's queries are). */
export function template(name: string): string {
  catalog ??= new QueryCatalog();
  return stripComments(catalog.get(`ingest/${name}`));
}

/**
 * Fills a template's slots with text the code itself states (a label of the model or of the
 * staging area, a fixed clause), never with input: for the import's own queries built beside
 * IngestQueries. Every slot must be given; slots are found and filled as the catalog does.
 */
export function fill(text: string, values: Record<string, string>): string {
  const missing = slotNames(text).filter((s) => !(s in values));
  if (missing.length > 0) throw new Error(`unfilled placeholder in ingest Cypher: __${missing[0]}__`);
  return fillSlots(text, (s) => values[s]!);
}

let shared: IngestQueries | undefined;

/** Built on first use and kept for the process (the files do not change while it runs). */
export function ingestQueries(): IngestQueries {
  shared ??= new IngestQueries();
  return shared;
}
