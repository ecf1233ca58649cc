/**
 * Resolves the ids a run's flows point at to element ids, once per id, and stages the nodes the
 * run itself creates (its file versions' Source and Excerpt; with createMissing, countries, areas
 * and HS codes) as StagedEntity nodes, invisible until publish. In `collect` mode (the
 * `--initial` bulk load into an empty database) nothing is written: the items to create are kept
 * in `collected` for the bulk importer's files, and an id stands for itself.
 */
import type { Database } from '../../neo4j/database';
import { labelForId, MergeLabel, RelType } from '../model';
import type { Reader } from '../readers/reader';
import { MERGE_LABELS } from '../templates';
import type { RowItem, Where } from '../types';
import { toNeo4j } from '../writer';
import { stagingQueries } from './queries';

export interface Unresolved extends Where {
  id: string;
}

export class EntityStager {
  /** id -> element id (live or staged). */
  private readonly eids = new Map<string, string>();
  /** Ids already reported as missing. */
  private readonly missing = new Set<string>();
  /** Entities staged by this process (counted as created). */
  readonly created: Record<string, number> = {};

  constructor(
    private readonly db: Database,
    private readonly runId: string,
    private readonly reader: Reader,
    private readonly createMissing: boolean,
    /** Dry run: resolve only, stage nothing (creatable ids count as resolved). */
    private readonly dryRun: boolean,
    private readonly mode: 'graph' | 'collect' = 'graph',
  ) {}

  /** Collect mode: the items to create, in dependency order (a Source before its Excerpt). */
  readonly collected: RowItem[] = [];

  eid(id: string): string | undefined {
    return this.eids.get(id);
  }

  /** Makes every id resolvable; returns those that are neither in the graph nor creatable, with the first item naming them. */
  async ensure(ids: Iterable<string>, where: (id: string) => Where, known: RowItem[] = []): Promise<Unresolved[]> {
    const todo = [...new Set(ids)].filter((id) => !this.eids.has(id) && !this.missing.has(id));
    if (todo.length === 0) return [];
    await this.resolve(todo);
    const missing = todo.filter((id) => !this.eids.has(id));
    if (missing.length === 0) return [];
    const wanted = new Set(missing);
    // What the reader can create: its files' Source and Excerpt, and (createMissing) countries,
    // areas and HS codes with the Source/Excerpt they cite; kept for the dependencies below.
    const candidates: RowItem[] = [...known, ...(this.reader.fileItems?.() ?? []), ...(this.createMissing && this.reader.createMissing ? this.reader.createMissing(missing) : [])];
    const items = dedupe(candidates.filter((i) => i.key !== undefined && (wanted.has(i.key) || this.isDependency(i, candidates, wanted))));
    const toCreate = items.filter((i) => !this.eids.has(i.key!));
    // What the new entities point at (an Excerpt's Source, the reference excerpt a country cites).
    const own = new Set(toCreate.map((i) => i.key!));
    const deps = toCreate.flatMap((i) => i.rels.map((r) => r.toId)).filter((id) => !own.has(id));
    const unresolved = await this.ensure(deps, where, candidates);
    await this.resolve([...own]);
    const fresh = toCreate.filter((i) => !this.eids.has(i.key!));
    if (fresh.length > 0) await this.stage(fresh);
    for (const id of missing) {
      if (!this.eids.has(id)) {
        this.missing.add(id);
        unresolved.push({ id, ...where(id) });
      }
    }
    return unresolved;
  }

  /** An item another wanted item depends on (a Source before its Excerpt). */
  private isDependency(item: RowItem, all: RowItem[], wanted: Set<string>): boolean {
    return all.some((o) => o.key !== undefined && wanted.has(o.key) && o.rels.some((r) => r.toId === item.key));
  }

  private async resolve(ids: string[]): Promise<void> {
    if (this.mode === 'collect') return; // the database is empty: nothing to find
    const byLabel = new Map<MergeLabel, string[]>();
    for (const id of ids) {
      const label = labelForId(id);
      if (!label) continue;
      let list = byLabel.get(label);
      if (!list) byLabel.set(label, (list = []));
      list.push(id);
    }
    const q = stagingQueries();
    const params = Object.fromEntries(MERGE_LABELS.map((l) => [`ids_${l}`, byLabel.get(l) ?? []]));
    for (const { id, eid } of await this.db.read<{ id: string; eid: string }>(q.resolveIds, params)) this.eids.set(id, eid);
    const rest = ids.filter((id) => !this.eids.has(id));
    if (rest.length > 0 && !this.dryRun) {
      for (const { id, eid } of await this.db.read<{ id: string; eid: string }>(q.resolveStaged, { staged: rest, run: this.runId })) this.eids.set(id, eid);
    }
  }

  private async stage(items: RowItem[]): Promise<void> {
    if (this.mode === 'collect') {
      for (const i of items) for (const n of i.nodes) this.eids.set(n.id, n.id);
      this.collected.push(...items);
      this.count(items);
      return;
    }
    if (this.dryRun) {
      for (const i of items) this.eids.set(i.key!, `dry-run:${i.key}`);
      return;
    }
    const q = stagingQueries();
    await this.db.executeWrite(async (tx) => {
      const rows = items.flatMap((i) => i.nodes.map((n) => ({ id: n.id, label: labelForId(n.id), props: toNeo4j(n.props) })));
      const created = await tx.run(q.stageEntities, { rows, run: this.runId });
      const local = new Map(this.eids);
      for (const r of created.records) local.set(r.get('id') as string, r.get('eid') as string);
      const byType = new Map<RelType, { from: string; to: string }[]>();
      for (const i of items) {
        for (const r of i.rels) {
          const from = local.get(r.fromId);
          const to = local.get(r.toId);
          if (!from || !to) throw new Error(`cannot stage ${r.type} from ${r.fromId} to ${r.toId}: an end is missing`);
          let list = byType.get(r.type);
          if (!list) byType.set(r.type, (list = []));
          list.push({ from, to });
        }
      }
      for (const [type, rows] of byType) await tx.run(q.entityRels.get(type)!, { rows });
      for (const [id, eid] of local) this.eids.set(id, eid);
    });
    this.count(items);
  }

  private count(items: RowItem[]): void {
    for (const i of items) for (const n of i.nodes) this.created[n.label] = (this.created[n.label] ?? 0) + 1;
  }
}

function dedupe(items: RowItem[]): RowItem[] {
  const seen = new Map<string, RowItem>();
  for (const i of items) if (!seen.has(i.key!)) seen.set(i.key!, i);
  return [...seen.values()];
}
