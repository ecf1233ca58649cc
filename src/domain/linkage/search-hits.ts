/**
 * Merging the two searches of `search` into one ranked list (pure; unit-tested):
 *   1. names (`entity_names`: migration 003, kept to the model by src/neo4j/model-schema.ts): entities whose name, Chinese name or alias matches;
 *   2. what sources say (`source_text`, migration 006): excerpts, figure and flow statements, notes,
 *      source titles; an excerpt that matches also brings the facts and entities it states.
 * Name matches come first (a user typing a name wants the entity), then the rest by score. A node
 * found both ways appears once, with every way it matched (`matchedIn`) and the excerpts that did.
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { toValue, type EntityValue } from '../shared/to-value';
import { kindOfLabels } from './entity-kind';
import type { SearchHit } from './graph.types';
import type { SearchToken } from './lucene';

export interface NameRow {
  node: Neo4jNode;
  score: number;
}

export interface TextRow {
  node: Neo4jNode;
  score: number;
  stated: Neo4jNode[];
}

/** An entity or fact stated by a matching excerpt ranks just below the excerpt itself. */
const STATED_WEIGHT = 0.9;
const CAPTION_LENGTH = 120;

function caption(v: EntityValue): string {
  for (const k of ['name', 'nameZh', 'title', 'statement', 'text'] as const) {
    const s = v[k];
    if (typeof s === 'string' && s.trim() !== '') return s.length > CAPTION_LENGTH ? `${s.slice(0, CAPTION_LENGTH - 1)}…` : s;
  }
  return v.key;
}

const has = (value: unknown, tokens: SearchToken[]): boolean =>
  typeof value === 'string' && tokens.some((t) => value.toLowerCase().includes(t.text));

/** Which of the indexed properties of a text hit holds the words (a hint for the reader). */
function textField(v: EntityValue, tokens: SearchToken[]): string {
  if (v.__typename === 'Excerpt') return 'text';
  if (v.__typename === 'Source') return has(v.title, tokens) ? 'title' : 'note';
  if (has(v.statement, tokens)) return 'statement';
  return 'note';
}

export function mergeSearchHits(names: NameRow[], texts: TextRow[], labels: ReadonlySet<string>, tokens: SearchToken[], first: number): Omit<SearchHit, 'id'>[] {
  const hits = new Map<string, Omit<SearchHit, 'id'>>();
  const allowed = (n: Neo4jNode) => n.labels.some((l) => labels.has(l)) && kindOfLabels(n.labels) !== undefined;
  const add = (n: Neo4jNode, score: number, matched: string, excerpt: EntityValue | null): void => {
    const value = toValue(n);
    let hit = hits.get(value.key);
    if (!hit) {
      hit = { key: value.key, kind: kindOfLabels(n.labels)!, name: caption(value), nameZh: (value.nameZh as string | undefined) ?? null, score, node: value, matchedIn: [], excerpts: [] };
      hits.set(value.key, hit);
    }
    // Scores of the two indexes do not compare: a name hit keeps its own; text hits keep their best.
    else if (!hit.matchedIn.includes('name')) hit.score = Math.max(hit.score, score);
    if (!hit.matchedIn.includes(matched)) hit.matchedIn.push(matched);
    if (excerpt && !hit.excerpts.some((e) => e.key === excerpt.key)) hit.excerpts.push(excerpt);
  };

  for (const r of names) if (allowed(r.node)) add(r.node, r.score, 'name', null);
  const byName = hits.size;
  for (const r of texts) {
    const isExcerpt = r.node.labels.includes('Excerpt');
    const excerpt = isExcerpt ? toValue(r.node) : null;
    if (allowed(r.node)) add(r.node, r.score, textField(toValue(r.node), tokens), excerpt);
    for (const s of r.stated) if (allowed(s)) add(s, r.score * STATED_WEIGHT, 'stated', excerpt);
  }
  const all = [...hits.values()];
  const rest = all.slice(byName).sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [...all.slice(0, byName), ...rest].slice(0, first);
}
