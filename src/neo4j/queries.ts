/**
 * The query catalog: the one mechanism that turns `.cypher` files into the text that runs.
 *
 * - Named queries: every `.cypher` file under `cypher/` (name: its path without the extension;
 *   under `cypher/queries/` without that folder too: `company/page`, `ingest/upsert-nodes`,
 *   `seed/record-read`, `aggregates/sort-keys`, `curation/snapshot`), except the migrations (applied
 *   in order by migrations.ts) and the analysts' recipes (run as written in Neo4j Browser), loaded once at
 *   start-up with their shared parts written in (query-parts.ts). A missing name or part fails at
 *   start-up, never mid-request.
 * - Rendering: what Cypher cannot take as a parameter (a label, a relationship type, a path length,
 *   a SHORTEST count) is written into a query's `__SLOT__` placeholders, and only as a `Slot`: a
 *   label or type of the model (src/model.ts) or an integer checked against a range. No other value
 *   can be rendered, so no client text ever reaches a query's text. Rendered texts are kept in the
 *   catalog (their number is bounded by the slots' ranges).
 * - Variants: a query's guards (query-parts.ts: `// @if $filter.trader`, `// @if anchor=place`)
 *   leave out what a request does not use (filters it does not set, branches it does not take), so
 *   Neo4j plans only that. Which lines stay depends only on which parameters are null, on booleans
 *   and on flags derived in TypeScript (query-flags.ts), never on a value's text; `variant` renders
 *   them per request, kept per query and guard outcome (at most MAX_VARIANTS, least recently used out).
 *   `get` returns the text as written, every guarded line kept: a valid query answering the same.
 *
 * `tradegraph query <name>` prints exactly what `get`/`render`/`variant` return, paste-able into
 * Neo4j Browser (`--params` or `--flag` for a variant).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRelType, MERGE_LABELS, NODE_LABELS, SEARCHABLE_LABELS } from '../model';
import { PROJECT_ROOT } from '../paths';
import type { Params } from './database';
import { atomTruth, checkDerivedAtom } from './query-flags';
import { applyGuards, composeText, fillSlots, guardsOf, slotNames, stripComments } from './query-parts';

export { stripComments };

/** @deprecated import it from src/paths.ts (kept so code written against the old place compiles). */
export { PROJECT_ROOT };

/** A value that may be written into a query's text; made only by `labelSlot`, `relTypeSlot` and `intSlot`. */
export interface Slot {
  readonly text: string;
  readonly __slot: true;
}

const slot = (text: string): Slot => ({ text, __slot: true });
const LABELS = new Set<string>([...NODE_LABELS, ...MERGE_LABELS]);

/** A label of the model (Company, Fact, ...). */
export function labelSlot(label: string): Slot {
  if (!LABELS.has(label)) throw new RangeError(`${JSON.stringify(label)} is not a label of the model`);
  return slot(label);
}

/** A relationship type of the model (MEMBER_OF, ...). */
export function relTypeSlot(type: string): Slot {
  if (!isRelType(type)) throw new RangeError(`${JSON.stringify(type)} is not a relationship type of the model`);
  return slot(type);
}

/** An integer within min..max (a hop bound, a path count). */
export function intSlot(name: string, value: number, min: number, max: number): Slot {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer ${min}..${max}; got ${value}`);
  return slot(String(value));
}

export type Slots = Readonly<Record<string, Slot>>;

/** Rendered variants kept (a variant is a query, its slots and the outcome of its guards). */
export const MAX_VARIANTS = 2000;

/** What a query's guards refer to (query-parts.ts `guardsOf`). */
export interface Guards {
  readonly atoms: readonly string[];
  readonly fixed: Readonly<Record<string, string>>;
}

const slotsKey = (slots: Slots | undefined) =>
  slots
    ? Object.entries(slots)
        .map(([k, v]) => `${k}=${v.text}`)
        .sort()
        .join('\u0000')
    : '';

/**
 * Slots the model fills for every query, at start-up: `__ID_LABELS__` is the label expression of
 * every label carrying an id constraint (`Region|Market|...|Fact|Source|Excerpt`), which Neo4j plans
 * as one unique-index seek per label; `__SEARCHABLE_LABELS__` those of the searchable kinds (the
 * full-text index's labels, src/neo4j/model-schema.ts).
 */
const MODEL_SLOTS: Readonly<Record<string, Slot>> = {
  ID_LABELS: slot(MERGE_LABELS.map((l) => labelSlot(l).text).join('|')),
  SEARCHABLE_LABELS: slot(SEARCHABLE_LABELS.map((l) => labelSlot(l).text).join('|')),
};

/** Folders of `cypher/` whose files are not named queries: migrations and recipes run whole, statement by statement. */
const NOT_QUERY_DIRS = new Set(['migrations', 'recipes']);

/** The folders whose `.cypher` files are named queries, and the prefix of their names (`queries/`: none). */
function queryDirs(cypherDir: string): [string, string][] {
  if (!fs.existsSync(cypherDir)) return [];
  return fs
    .readdirSync(cypherDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !NOT_QUERY_DIRS.has(e.name))
    .map((e) => e.name)
    .sort()
    .map((name): [string, string] => [name, name === 'queries' ? '' : `${name}/`]);
}

export class QueryCatalog {
  private readonly queries = new Map<string, string>();
  private readonly rendered = new Map<string, string>();
  private readonly guards = new Map<string, Guards>();
  private readonly variants = new Map<string, string>();

  /** `cypherDir`: the project's `cypher/` (or a test's folder shaped like it). */
  constructor(readonly cypherDir: string = path.join(PROJECT_ROOT, 'cypher')) {
    const raw = new Map<string, string>();
    for (const [sub, prefix] of queryDirs(cypherDir)) {
      const dir = path.join(cypherDir, sub);
      for (const file of listCypherFiles(dir)) {
        raw.set(prefix + path.relative(dir, file).replace(/\\/g, '/').replace(/\.cypher$/, ''), fs.readFileSync(file, 'utf8'));
      }
    }
    // Shared parts are written in once, here: a missing part fails at start-up, not mid-request.
    const lookup = (name: string): string => {
      const text = raw.get(name);
      if (text === undefined) throw new Error(`Query part not found: ${name} (looked in ${cypherDir})`);
      return text;
    };
    // Slots the model fixes are filled here too, once: the text that runs names the model's labels.
    for (const [name, text] of raw) this.queries.set(name, fillSlots(composeText(lookup, text), (s) => MODEL_SLOTS[s]?.text ?? `__${s}__`));
    // Guards are checked here too: a bad guard or an unknown flag fails at start-up.
    for (const [name, text] of this.queries) {
      if (name.startsWith('parts/')) continue;
      const g = guardsOf(text);
      for (const atom of g.atoms) if (!atom.startsWith('$')) checkDerivedAtom(atom);
      if (g.atoms.some((a) => /^(anchor|check|parent)=/.test(a)) && g.fixed.parent === undefined && !/\$parentAs\b/.test(stripComments(text))) {
        throw new Error(`${name} uses parts/trade-flows without $parentAs: say which parent it has (// @flag parent=trader, or parent=none)`);
      }
      if (g.atoms.length > 0) this.guards.set(name, g);
    }
  }

  /** What a query's guards refer to (none: the query has no variants). */
  guardsOf(name: string): Guards {
    this.get(name);
    return this.guards.get(name) ?? { atoms: [], fixed: {} };
  }

  /**
   * The text a request runs with these parameters: the query (slots rendered) with what its guards
   * leave out for them left out. Queries without guards: `get`/`render`.
   */
  variant(name: string, params: Params, slots?: Slots): string {
    const g = this.guards.get(name);
    if (!g) return slots ? this.render(name, slots) : this.get(name);
    const truth = atomTruth(g.atoms, { params, fixed: g.fixed });
    return this.variantOf(name, g, (a) => truth.get(a) === true, slots);
  }

  /** The variant in which exactly the atoms `holding` hold (`tradegraph query --flag`). */
  variantWith(name: string, holding: Iterable<string>, slots?: Slots): string {
    const g = this.guardsOf(name);
    const set = new Set(holding);
    const unknown = [...set].filter((a) => !g.atoms.includes(a));
    if (unknown.length > 0) throw new Error(`${name} has no guard on ${unknown.join(', ')} (its guards: ${g.atoms.join(', ') || 'none'})`);
    return this.variantOf(name, g, (a) => set.has(a), slots);
  }

  private variantOf(name: string, g: Guards, truth: (atom: string) => boolean, slots?: Slots): string {
    const id = `${name}\u0000${slotsKey(slots)}\u0000${g.atoms.map((a) => (truth(a) ? '1' : '0')).join('')}`;
    let text = this.variants.get(id);
    if (text !== undefined) {
      // Least recently used out: a hit moves to the end.
      this.variants.delete(id);
    } else {
      text = applyGuards(slots ? this.render(name, slots) : this.get(name), truth);
      if (this.variants.size >= MAX_VARIANTS) this.variants.delete(this.variants.keys().next().value!);
    }
    this.variants.set(id, text);
    return text;
  }

  /** How many rendered variants are kept (bounded by MAX_VARIANTS). */
  variantCount(): number {
    return this.variants.size;
  }

  /** A named query's text as it runs (a query with slots: see `render`). */
  get(name: string): string {
    const q = this.queries.get(name);
    if (q === undefined) throw new Error(`Named query not found: ${name} (looked in ${this.cypherDir})`);
    return q;
  }

  /** The slots a query's text has (`MAX_HOPS`, `LABEL`, ...), in order of first use. */
  slotsOf(name: string): string[] {
    return slotNames(this.get(name));
  }

  /** A query with its slots filled; every slot must be given, and only slots the query has. */
  render(name: string, slots: Slots): string {
    const id = `${name}\u0000${slotsKey(slots)}`;
    let text = this.rendered.get(id);
    if (text === undefined) {
      const template = this.get(name);
      const wanted = this.slotsOf(name);
      const missing = wanted.filter((s) => !(s in slots));
      const extra = Object.keys(slots).filter((s) => !wanted.includes(s));
      if (missing.length > 0 || extra.length > 0) {
        throw new Error(`${name} has slots ${wanted.join(', ') || '(none)'}; ${missing.length ? `missing ${missing.join(', ')}` : `unknown ${extra.join(', ')}`}`);
      }
      for (const v of Object.values(slots)) if (v.__slot !== true) throw new TypeError('only Slot values may be rendered into a query');
      text = fillSlots(template, (s) => slots[s]!.text);
      this.rendered.set(id, text);
    }
    return text;
  }

  names(): string[] {
    return [...this.queries.keys()].sort();
  }
}

export function listCypherFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listCypherFiles(full));
    else if (entry.name.endsWith('.cypher')) out.push(full);
  }
  return out.sort();
}

/** Splits a migration or recipe file into statements on `;` at the end of a line, comment lines dropped. */
export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
