/**
 * The write and lookup Cypher of the import, from cypher/ingest/*.cypher templates.
 *
 * Labels and relationship types cannot be query parameters, so the templates have placeholders
 * that are filled here, once, from the model's closed whitelist (model.ts): every (label) and every
 * allowed (type, from label, to label) gets its query. Nothing from input ever reaches the text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../neo4j/queries';
import { NODE_LABELS, REL_RULES, REL_TYPES, MergeLabel, NodeLabel, RelType, mergeLabelOf } from './model';

const DIR = path.join(PROJECT_ROOT, 'cypher', 'ingest');
export const MERGE_LABELS: MergeLabel[] = [...new Set(NODE_LABELS.map(mergeLabelOf))];

/** A template without its `//` comment lines (they explain the file, and would be joined by UNION ALL). */
export function template(name: string): string {
  return fs
    .readFileSync(path.join(DIR, `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
}

export function fill(text: string, values: Record<string, string>): string {
  let out = text;
  for (const [k, v] of Object.entries(values)) out = out.split(`__${k}__`).join(v);
  if (/__[A-Z_]+__/.test(out)) throw new Error(`unfilled placeholder in ingest Cypher: ${out.match(/__[A-Z_]+__/)![0]}`);
  return out;
}

export class IngestQueries {
  private readonly nodes = new Map<NodeLabel, string>();
  private readonly rels = new Map<string, string>();
  private readonly stale = new Map<string, string>();
  private readonly existing: string;

  constructor() {
    const nodeText = template('upsert-nodes');
    for (const label of NODE_LABELS) this.nodes.set(label, fill(nodeText, { MERGE_LABEL: mergeLabelOf(label), LABEL: label }));
    const relText = template('upsert-rels');
    for (const type of REL_TYPES) {
      for (const [from, to] of REL_RULES[type] as readonly (readonly [string, string])[]) {
        for (const f of from === '*' ? MERGE_LABELS : [from]) {
          for (const t of to === '*' ? MERGE_LABELS : [to]) {
            this.rels.set(relKey(type, f as MergeLabel, t as MergeLabel), fill(relText, { TYPE: type, FROM_LABEL: f, TO_LABEL: t }));
          }
        }
      }
    }
    for (const direction of ['out', 'in'] as const) {
      const text = template(`remove-stale-${direction}`);
      for (const label of MERGE_LABELS) this.stale.set(staleKey(label, direction), fill(text, { LABEL: label }));
    }
    const existingText = template('existing-ids');
    this.existing = MERGE_LABELS.map((l) => fill(existingText, { MERGE_LABEL: l })).join('\nUNION ALL\n');
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

let shared: IngestQueries | undefined;

/** Built on first use and kept for the process (the files do not change while it runs). */
export function ingestQueries(): IngestQueries {
  shared ??= new IngestQueries();
  return shared;
}
