/**
 * Re-importing a changed curated file leaves the graph as the new file says (src/ingest/README.md,
 * "Ownership"): a record owns the properties its type can carry and the relationships its fields
 * state, so a dropped value, note or period, a moved partOf, a dropped excerpt or subject go; what
 * other imports added (a `sourceRow`, an HS row's columns) and what `link` records stated stay.
 * Checked against a real Neo4j, by comparing with a fresh import of the new file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport, formatReport, ImportOptions, ImportReport } from '../../src/ingest';
import { DERIVED_PROPS } from '../../src/neo4j/aggregates';
import { resetGraph, useTestGraph } from '../support/neo4j';
import { snapshot, Snapshot } from './ingest-helpers';

const db = useTestGraph();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-reimport-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Rec = Record<string, unknown>;
function write(name: string, records: Rec[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

async function imp(file: string, more: Partial<ImportOptions> = {}): Promise<ImportReport> {
  const r = await runImport(db(), { format: 'curated', paths: [file], ...more });
  expect({ errors: r.errors, ok: r.ok }).toEqual({ errors: [], ok: true });
  return r;
}

const changedIn = (r: ImportReport): string[] =>
  Object.entries(r.counts)
    .filter(([, c]) => c.created + c.updated > 0)
    .map(([k]) => k);

// What both versions share: a source, excerpts, regions, HS entries, a market, a product.
const E = ['excerpt:re-1', 'excerpt:re-2', 'excerpt:re-3'];
const common: Rec[] = [
  { type: 'source', id: 'source:re', title: 'Re-import test', kind: 'official-document' },
  ...E.map((id, i) => ({ type: 'excerpt', id, source: 'source:re', text: `Sentence ${i + 1}.` })),
  { type: 'region', id: 'iso:CHN', name: 'China', kind: 'country', excerpts: [E[0]] },
  { type: 'region', id: 'iso:THA', name: 'Thailand', kind: 'country', excerpts: [E[0]] },
  { type: 'region', id: 'iso:VNM', name: 'Viet Nam', kind: 'country', excerpts: [E[0]] },
  { type: 'region', id: 'gb:500000', name: 'Chongqing', kind: 'municipality', partOf: 'iso:CHN', excerpts: [E[0]] },
  { type: 'region', id: 'gb:500100', name: 'Chongqing districts', kind: 'municipality', partOf: 'iso:CHN', excerpts: [E[0]] },
  { type: 'hs', id: 'hs2022:87', code: '87', edition: 'HS2022', level: 2, description: 'Vehicles', section: 'XVII', aliases: ['Chapter 87'], note: 'Curated.', excerpts: [E[0]] },
  { type: 'hs', id: 'hs2022:8703', code: '8703', edition: 'HS2022', level: 4, description: 'Motor cars', parent: 'hs2022:87', section: 'XVII', excerpts: [E[0]] },
  { type: 'market', id: 'market:asean', name: 'ASEAN', kind: 'trade-bloc', excerpts: [E[0]] },
  { type: 'product', id: 'product:cars', name: 'Cars', excerpts: [E[0]] },
];

const v1: Rec[] = [
  ...common,
  { type: 'region', id: 'gb:500156', name: 'Wulong', nameZh: '武隆区', kind: 'district', partOf: 'gb:500000', note: 'Read as the district.', excerpts: [E[0], E[1]] },
  { type: 'membership', region: 'iso:THA', market: 'market:asean', from: '1967-08-08', note: 'Founding member.', excerpts: [E[0]] },
  { type: 'company', id: 'company:changan', name: 'Changan', kind: 'enterprise', headquarters: 'gb:500000', excerpts: [E[0], E[1]] },
  { type: 'product', id: 'product:suvs', name: 'SUVs', classifiedAs: 'hs2022:8703', origin: 'gb:500000', note: 'HS by function.', excerpts: [E[1]] },
  {
    type: 'policy', id: 'policy:zone', name: 'Zone', kind: 'zone', periodStart: 2017, periodEnd: 2021, established: '2017-03-15',
    appliesIn: 'gb:500000', supports: ['company:changan'], excerpts: [E[1]],
  },
  { type: 'facility', id: 'facility:rayong', name: 'Rayong plant', kind: 'factory', operators: 'company:changan', locatedIn: 'iso:THA', locationNote: 'Rayong', excerpts: [E[2]] },
  {
    type: 'figure', id: 'figure:cars-growth', metric: 'export-value-growth', value: 278.1, unit: 'percent', qualifier: 'approximately',
    periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, about: ['product:cars', 'gb:500000'],
    statement: 'Car exports grew by 278.1%.', note: 'Baseline read as 2020.', excerpts: [E[1], E[2]],
  },
  {
    type: 'flow', id: 'flow:cars-to-asean', direction: 'EXPORT', trader: 'company:changan', product: 'hs2022:8703', from: 'gb:500000', to: 'market:asean',
    periodStart: 2024, periodEnd: 2024, value: 10, currency: 'USD', excerpts: [E[1]],
  },
  { type: 'link', from: 'company:changan', rel: 'ACTIVE_IN', to: 'market:asean', note: 'Says so.', excerpts: [E[1]] },
];

// The same records, changed: value, unit, qualifier, periods and notes dropped (a qualitative
// figure), partOf, headquarters and location moved, an excerpt and a subject dropped, fields emptied.
const v2: Rec[] = [
  ...common,
  { type: 'region', id: 'gb:500156', name: 'Wulong', kind: 'district', partOf: 'gb:500100', excerpts: [E[0]] },
  { type: 'membership', region: 'iso:THA', market: 'market:asean', excerpts: [E[0]] },
  { type: 'company', id: 'company:changan', name: 'Changan', headquarters: 'gb:500100', excerpts: [E[0]] },
  { type: 'product', id: 'product:suvs', name: 'SUVs', excerpts: [E[1]] },
  { type: 'policy', id: 'policy:zone', name: 'Zone', kind: 'zone', periodStart: 2017, appliesIn: 'gb:500100', excerpts: [E[1]] },
  { type: 'facility', id: 'facility:rayong', name: 'Rayong plant', kind: 'factory', locatedIn: 'iso:VNM', excerpts: [E[2]] },
  { type: 'figure', id: 'figure:cars-growth', metric: 'export-value-growth', about: 'product:cars', statement: 'Car exports grew strongly.', excerpts: [E[1]] },
  { type: 'flow', id: 'flow:cars-to-asean', direction: 'EXPORT', product: 'hs2022:8703', from: 'gb:500000', to: 'iso:VNM', periodStart: 2024, periodEnd: 2024, excerpts: [E[1]] },
  { type: 'link', from: 'company:changan', rel: 'ACTIVE_IN', to: 'market:asean', note: 'Says so.', excerpts: [E[1]] },
];

/** What the records stated: the node's properties but those the aggregates step derives (sortKey, sourceCount). */
async function props(id: string): Promise<Record<string, unknown>> {
  const [row] = await db().read<{ p: Record<string, unknown> }>('MATCH (n {id: $id}) RETURN properties(n) AS p', { id });
  return Object.fromEntries(Object.entries(row!.p).filter(([k]) => !DERIVED_PROPS.includes(k)));
}

async function ends(id: string, type: string, direction: 'out' | 'in' = 'out'): Promise<string[]> {
  const pattern = direction === 'out' ? '({id: $id})-[r]->(b)' : '({id: $id})<-[r]-(b)';
  const rows = await db().read<{ other: string }>(`MATCH ${pattern} WHERE type(r) = $type RETURN b.id AS other ORDER BY other`, { id, type });
  return rows.map((r) => r.other);
}

describe('re-importing a changed curated file', () => {
  let fresh: Snapshot;
  let second: ImportReport;

  it('takes a fresh import of the new version as the reference', async () => {
    await imp(write('v2.jsonl', v2));
    fresh = await snapshot(db());
    await resetGraph(db());
  });

  it('leaves exactly the graph a fresh import of the new version gives', async () => {
    await imp(write('v1.jsonl', v1));
    second = await imp(path.join(dir, 'v2.jsonl'));
    expect(await snapshot(db())).toEqual(fresh);
  });

  it('removes dropped properties, and moves or removes the relationships of changed fields', async () => {
    expect(await props('figure:cars-growth')).toEqual({ id: 'figure:cars-growth', metric: 'export-value-growth', statement: 'Car exports grew strongly.' });
    expect(await props('gb:500156')).toEqual({ id: 'gb:500156', name: 'Wulong', kind: 'district' });
    expect(await props('policy:zone')).toEqual({ id: 'policy:zone', name: 'Zone', kind: 'zone', periodStart: 2017 });
    expect(await props('flow:cars-to-asean')).toEqual({ id: 'flow:cars-to-asean', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024 });
    expect(await ends('gb:500156', 'PART_OF')).toEqual(['gb:500100']);
    expect(await ends('gb:500156', 'STATED_IN')).toEqual([E[0]]);
    expect(await ends('figure:cars-growth', 'ABOUT')).toEqual(['product:cars']);
    expect(await ends('figure:cars-growth', 'STATED_IN')).toEqual([E[1]]);
    expect(await ends('company:changan', 'HEADQUARTERED_IN')).toEqual(['gb:500100']);
    expect(await ends('product:suvs', 'CLASSIFIED_AS')).toEqual([]);
    expect(await ends('product:suvs', 'ORIGINATES_IN')).toEqual([]);
    expect(await ends('policy:zone', 'SUPPORTS')).toEqual([]);
    expect(await ends('policy:zone', 'APPLIES_IN')).toEqual(['gb:500100']);
    expect(await ends('facility:rayong', 'LOCATED_IN')).toEqual(['iso:VNM']);
    expect(await ends('facility:rayong', 'OPERATES', 'in')).toEqual([]);
    expect(await ends('flow:cars-to-asean', 'TRADER')).toEqual([]);
    expect(await ends('flow:cars-to-asean', 'TO')).toEqual(['iso:VNM']);
    // The moved PART_OF cites the record's excerpts; MEMBER_OF lost its dropped date and note.
    const [rels] = await db().read(
      `MATCH (:Region {id: 'gb:500156'})-[p:PART_OF]->() MATCH (:Region {id: 'iso:THA'})-[m:MEMBER_OF]->()
       RETURN p.excerptIds AS partOf, properties(m) AS member`,
    );
    expect(rels).toEqual({ partOf: [E[0]], member: { excerptIds: [E[0]] } });
  });

  it('counts the changes, a removal as updated', async () => {
    expect(second.counts.Figure).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(second.counts.Region).toEqual({ created: 0, updated: 1, unchanged: 5 });
    // One PART_OF created (to gb:500100), one removed (to gb:500000), the others unchanged.
    expect(second.counts.PART_OF).toEqual({ created: 1, updated: 1, unchanged: 3 });
    // Removed: gb:500156 -> E[1], company -> E[1], figure -> E[2].
    expect(second.counts.STATED_IN!.updated).toBe(3);
    expect(second.counts.OPERATES).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(second.counts.MEMBER_OF).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(second.counts.ACTIVE_IN).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('reports everything unchanged when the same file is imported again, and changes nothing', async () => {
    const before = await snapshot(db());
    const again = await imp(path.join(dir, 'v2.jsonl'));
    expect({ changed: changedIn(again), report: formatReport(again) }).toEqual({ changed: [], report: expect.any(String) });
    expect(await snapshot(db())).toEqual(before);
  });

  it('ends the same with batchCommit, batch by batch', async () => {
    await resetGraph(db());
    await imp(path.join(dir, 'v1.jsonl'), { batchCommit: true, batchSize: 4 });
    await imp(path.join(dir, 'v2.jsonl'), { batchCommit: true, batchSize: 4 });
    expect(await snapshot(db())).toEqual(fresh);
  });
});

describe('what a curated record does not own stays', () => {
  it('keeps what links and memberships stated when a later import leaves them out, also of a type a field states', async () => {
    await resetGraph(db());
    const extra: Rec[] = [
      { type: 'link', from: 'company:changan', rel: 'ACTIVE_IN', to: 'iso:THA', excerpts: [E[2]] },
      { type: 'link', from: 'policy:zone', rel: 'SUPPORTS', to: 'product:cars', note: 'Cars too.', excerpts: [E[2]] },
      { type: 'membership', region: 'iso:VNM', market: 'market:asean', excerpts: [E[0]] },
    ];
    await imp(write('v1-links.jsonl', [...v1, ...extra]));
    expect(await ends('policy:zone', 'SUPPORTS')).toEqual(['company:changan', 'product:cars']);
    await imp(path.join(dir, 'v2.jsonl'));
    expect(await ends('company:changan', 'ACTIVE_IN')).toEqual(['iso:THA', 'market:asean']);
    // The policy's `supports` field went with the field; the link's SUPPORTS stayed.
    expect(await ends('policy:zone', 'SUPPORTS')).toEqual(['product:cars']);
    expect(await ends('iso:VNM', 'MEMBER_OF')).toEqual(['market:asean']);
  });

  it('keeps properties and relationships other imports own: a sourceRow, an HS row and its parent', async () => {
    await resetGraph(db());
    await imp(path.join(dir, 'v1.jsonl'));
    await db().autoCommit(`MATCH (f:Figure {id: 'figure:cars-growth'}) SET f.sourceRow = 7`);
    const hs = await runImport(db(), { format: 'hs', paths: [path.join(__dirname, '..', 'fixtures', 'ingest', 'hs', 'hs-small.csv')] });
    expect(hs.errors).toEqual([]);
    await imp(path.join(dir, 'v2.jsonl'));
    expect(await props('figure:cars-growth')).toEqual({ id: 'figure:cars-growth', metric: 'export-value-growth', statement: 'Car exports grew strongly.', sourceRow: 7 });
    // The curated note and aliases survived the HS import, which does not own them. The parent is
    // fixed by the code, so an hs record adds it and never owns it: the HS file's PART_OF to the
    // TOTAL root stays, although the chapter's curated record leaves it out.
    expect(await props('hs2022:87')).toMatchObject({ aliases: ['Chapter 87'], note: 'Curated.', description: 'Vehicles', name: 'Vehicles', hsSection: 'XVII', hsLevel: 2 });
    expect(await ends('hs2022:87', 'PART_OF')).toEqual(['hs2022:TOTAL']);
  });
});
