/**
 * Curation through the API, signed in as each role, against the real Neo4j: proposals stay
 * invisible until approved, approval changes the graph exactly as importing the same records,
 * conflicting approvals are refused, retraction hides a fact and history tells who and why.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runImport } from '../../src/ingest';
import { CURATION_LABELS } from '../../src/model';
import { AGGREGATE_LABELS } from '../../src/neo4j/aggregates';
import type { Database } from '../../src/neo4j/database';
import { dataOf, useApi } from '../support/api';
import { APPROVE, AUTH_ENV, codeOf, CORRECTION, importBase, NEW_EXCERPT, NEW_SOURCE, post, PROPOSE, tokenFor } from '../support/curation';
import { resetGraph, useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db, AUTH_ENV);
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await importBase(db());
  for (const role of ['reader', 'curator', 'editor', 'admin'] as const) tokens[role] = await tokenFor(role, `${role}-1`);
  tokens.editor2 = await tokenFor('editor', 'editor-2');
});

const as = (who: string | undefined, query: string, variables: Record<string, unknown> = {}) => post(api.base(), query, variables, who ? tokens[who] : undefined);
const figureValue = async (who?: string) => (await as(who, `{ figure(id: "figure:acme-2024-vehicle-exports") { value } }`)).body.data?.figure?.value;
const proposeCorrection = (who: string | undefined, records: unknown[] = CORRECTION) => as(who, PROPOSE, { records, excerpt: NEW_EXCERPT, source: NEW_SOURCE, summary: 'revised 2024 exports' });

// What the graph holds for users: curation's own records (change sets, changes, the counter) and
// the aggregates imports derive (src/neo4j/aggregates.ts) left out.
const BOOKKEEPING = ['Migration', CURATION_LABELS.changeSet, CURATION_LABELS.change, CURATION_LABELS.counter, ...AGGREGATE_LABELS];
async function graphChecksum(d: Database): Promise<{ nodes: number; rels: number; checksum: string }> {
  const hidden = (v: string) => `NOT (${BOOKKEEPING.map((l) => `${v}:${l}`).join(' OR ')})`;
  const nodes = await d.read(`MATCH (n) WHERE ${hidden('n')} WITH n ORDER BY n.id RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`);
  const rels = await d.read(`MATCH (a)-[r]->(b) WHERE ${hidden('a')} AND ${hidden('b')} WITH a, r, b ORDER BY a.id, type(r), b.id RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`);
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;
  const rows = nodes.map((r) => ({ ...r, labels: [...(r.labels as string[])].sort() }));
  return { nodes: nodes.length, rels: rels.length, checksum: createHash('sha256').update(JSON.stringify(canonical([rows, rels]))).digest('hex') };
}

describe('who may write', () => {
  it('anonymous: UNAUTHENTICATED (401); a reader: FORBIDDEN (403); nothing written', async () => {
    const anonymous = await proposeCorrection(undefined);
    expect(anonymous.status).toBe(401);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const reader = await proposeCorrection('reader');
    expect(reader.status).toBe(403);
    expect(codeOf(reader)).toBe('FORBIDDEN');
    expect(reader.body.errors![0].message).toMatch(/needs the curator role/);
    const n = (await db().read<{ n: number }>('MATCH (c:ChangeSet) RETURN count(c) AS n'))[0]!.n;
    expect(n).toBe(0);
  });

  it('a bad or expired token is refused (401) even for a read; no token reads as before', async () => {
    const bad = await post(api.base(), '{ figures(first: 1) { totalCount } }', {}, tokens.reader + 'x');
    expect(bad.status).toBe(401);
    expect(codeOf(bad)).toBe('UNAUTHENTICATED');
    expect((await as(undefined, '{ figures(first: 1) { totalCount } }')).body.data.figures.totalCount).toBe(2);
  });
});

describe('a proposal', () => {
  it('with invalid records: BAD_USER_INPUT with a path per problem, nothing written', async () => {
    const broken = [{ ...CORRECTION[0], value: -5, unit: undefined }, { type: 'company', id: 'company:acme-motors', nme: 'typo', excerpts: [NEW_EXCERPT.id] }];
    const res = await proposeCorrection('curator', broken);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const paths = res.body.errors![0].extensions.errors.map((e: any) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['records.1.name', 'records.1']));
    expect(paths.some((p: string) => p.startsWith('records.0'))).toBe(true);
    const unknownRef = await proposeCorrection('curator', [{ ...CORRECTION[1], headquarters: 'iso:XXX' }]);
    expect(codeOf(unknownRef)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unknownRef.body.errors![0].extensions.errors)).toMatch(/iso:XXX is neither defined in the import nor in the graph/);
    const uncited = await as('curator', PROPOSE, { records: [{ ...CORRECTION[1], excerpts: ['excerpt:test-gazette-1'] }], excerpt: NEW_EXCERPT, source: NEW_SOURCE });
    expect(uncited.body.errors![0].extensions.errors).toEqual([{ path: ['records', 0, 'excerpts'], message: 'must cite the justifying excerpt excerpt:test-annual-report-1' }]);
    const n = (await db().read<{ n: number }>('MATCH (c:ChangeSet) RETURN count(c) AS n'))[0]!.n;
    expect(n).toBe(0);
  });

  it('is invisible to readers until an editor approves it; then history says who and why', async () => {
    const proposed = await proposeCorrection('curator');
    expect(proposed.status).toBe(200);
    const cs = proposed.body.data.propose;
    expect(cs).toMatchObject({ status: 'OPEN', version: 1, author: 'curator-1' });
    expect(cs.entities).toEqual(expect.arrayContaining(['figure:acme-2024-vehicle-exports', 'company:acme-motors', 'source:test-annual-report']));

    expect(await figureValue()).toBe(1.2);
    expect(await figureValue('reader')).toBe(1.2);
    expect((await as(undefined, `{ sources(first: 50) { nodes { key } } }`)).body.data.sources.nodes.map((s: any) => s.key)).not.toContain('source:test-annual-report');
    expect(codeOf(await as('reader', '{ changeSets { id } }'))).toBe('FORBIDDEN');
    expect((await as('curator', '{ changeSets(status: OPEN) { id } }')).body.data.changeSets.map((c: any) => c.id)).toContain(cs.id);

    const curatorApproves = await as('curator', APPROVE, { id: cs.id, version: 1 });
    expect([curatorApproves.status, codeOf(curatorApproves)]).toEqual([403, 'FORBIDDEN']);

    const approved = await as('editor', APPROVE, { id: cs.id, version: 1, comment: 'annual report supersedes the gazette' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.approveChangeSet).toMatchObject({ status: 'APPLIED', version: 2, reviewer: 'editor-1' });
    expect(await figureValue()).toBe(1.3);

    const company = (await as(undefined, `{ company(id: "company:acme-motors") { headquarters { region { key } }
      history { seq action author reviewer reason changeSet before after relationshipsAdded { type other } relationshipsRemoved { type other } } } }`).then(dataOf)).company;
    expect(company.headquarters.region.key).toBe('iso:THA');
    expect(company.history).toHaveLength(1);
    expect(company.history[0]).toMatchObject({ action: 'APPLIED', author: 'curator-1', reviewer: 'editor-1', reason: 'annual report supersedes the gazette', changeSet: cs.id });
    expect(company.history[0].relationshipsAdded).toEqual(expect.arrayContaining([{ type: 'HEADQUARTERED_IN', other: 'iso:THA' }, { type: 'STATED_IN', other: 'excerpt:test-annual-report-1' }]));
    expect(company.history[0].relationshipsRemoved).toEqual(expect.arrayContaining([{ type: 'HEADQUARTERED_IN', other: 'gb:500000' }]));
    const figure = (await as(undefined, `{ figure(id: "figure:acme-2024-vehicle-exports") { history { before after } } }`)).body.data.figure;
    expect(figure.history[0].before).toMatchObject({ value: 1.2, statement: 'Acme Motors exported 1.2 million vehicles in 2024.' });
    expect(figure.history[0].after).toMatchObject({ value: 1.3 });

    const again = await as('editor2', APPROVE, { id: cs.id, version: 1 });
    expect([again.status, codeOf(again)]).toEqual([409, 'CONFLICT']);
  });
});

describe('conflicts', () => {
  it('two change sets proposed against the same state: the second approval is refused, nothing of it applied', async () => {
    const a = (await proposeCorrection('curator', [{ ...CORRECTION[0], value: 1.4, statement: 'Acme Motors exported 1.4 million vehicles in 2024.' }])).body.data.propose;
    const b = (await proposeCorrection('admin', [{ ...CORRECTION[0], value: 1.5, statement: 'Acme Motors exported 1.5 million vehicles in 2024.' }])).body.data.propose;
    expect((await as('editor', APPROVE, { id: a.id, version: 1 })).status).toBe(200);
    const second = await as('editor2', APPROVE, { id: b.id, version: 1 });
    expect([second.status, codeOf(second)]).toEqual([409, 'CONFLICT']);
    expect(second.body.errors![0].message).toMatch(/figure:acme-2024-vehicle-exports changed/);
    expect(await figureValue()).toBe(1.4);
    expect((await as('editor', `{ changeSet(id: "${b.id}") { status version } }`)).body.data.changeSet).toEqual({ status: 'OPEN', version: 1 });
  });

  it('two editors approving at the same moment: one applies, the other gets CONFLICT', async () => {
    const c = (await proposeCorrection('curator', [{ ...CORRECTION[0], value: 1.6, statement: 'Acme Motors exported 1.6 million vehicles in 2024.' }])).body.data.propose;
    const d = (await proposeCorrection('curator', [{ ...CORRECTION[0], value: 1.7, statement: 'Acme Motors exported 1.7 million vehicles in 2024.' }])).body.data.propose;
    const answers = await Promise.all([as('editor', APPROVE, { id: c.id, version: 1 }), as('editor2', APPROVE, { id: d.id, version: 1 })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers[0]!.status === 200 ? 1.6 : 1.7;
    expect(await figureValue()).toBe(winner);
    const n = (await db().read<{ n: number }>("MATCH (c:ChangeSet) WHERE c.status = 'applied' RETURN count(c) AS n"))[0]!.n;
    expect(n).toBe(3);
  });

  it('a rejection takes the version too, and says why', async () => {
    const e = (await proposeCorrection('curator', [{ ...CORRECTION[0], value: 9, statement: 'Acme Motors exported 9 million vehicles in 2024.' }])).body.data.propose;
    const noReason = await as('editor', `mutation { rejectChangeSet(id: "${e.id}", version: 1, comment: " ") { status } }`);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    const rejected = await as('editor', `mutation { rejectChangeSet(id: "${e.id}", version: 1, comment: "the excerpt does not say 9") { status reviewComment } }`);
    expect(rejected.body.data.rejectChangeSet).toEqual({ status: 'REJECTED', reviewComment: 'the excerpt does not say 9' });
    expect(codeOf(await as('editor', APPROVE, { id: e.id, version: 1 }))).toBe('CONFLICT');
    expect(await figureValue()).not.toBe(9);
  });
});

describe('retraction', () => {
  it('hides the fact from default queries, keeps it in history with who and why, and can be restored', async () => {
    const id = 'figure:acme-thailand-plant-output';
    expect(codeOf(await as('curator', `mutation { retractFact(fact: "${id}", reason: "x") { seq } }`))).toBe('FORBIDDEN');
    const retracted = await as('editor', `mutation { retractFact(fact: "${id}", reason: "the gazette misread the plant's capacity as output") { seq action reviewer reason before after } }`);
    expect(retracted.status).toBe(200);
    expect(retracted.body.data.retractFact).toMatchObject({ action: 'RETRACTED', reviewer: 'editor-1', reason: "the gazette misread the plant's capacity as output" });
    expect(retracted.body.data.retractFact.after.labels).toContain('RetractedFact');

    const hidden = (await as(undefined, `{ figure(id: "${id}") { key } figures(first: 10) { nodes { key } } facts(first: 10) { nodes { key } }
      region(id: "iso:THA") { figures(first: 10) { nodes { key } } } }`)).body.data;
    expect(hidden.figure).toBeNull();
    expect(hidden.figures.nodes.map((f: any) => f.key)).not.toContain(id);
    expect(hidden.facts.nodes.map((f: any) => f.key)).not.toContain(id);
    expect(hidden.region.figures.nodes).toEqual([]);
    const history = (await as(undefined, `{ changes(entity: "${id}") { action reviewer reason } }`)).body.data.changes;
    expect(history).toEqual([{ action: 'RETRACTED', reviewer: 'editor-1', reason: "the gazette misread the plant's capacity as output" }]);
    expect(codeOf(await as('editor', `mutation { retractFact(fact: "${id}", reason: "again") { seq } }`))).toBe('CONFLICT');
    const plant = { type: 'figure', id, metric: 'plant-output', value: 210000, unit: 'vehicles', periodStart: 2024, periodEnd: 2024, about: ['company:acme-motors', 'iso:THA'], statement: "Acme's Thai plant made 210,000 vehicles in 2024.", excerpts: [NEW_EXCERPT.id] };
    const onRetracted = await proposeCorrection('curator', [plant]);
    expect(codeOf(onRetracted)).toBe('BAD_USER_INPUT');
    expect(onRetracted.body.errors![0].message).toMatch(/is retracted: restore it/);

    await as('editor2', `mutation { restoreFact(fact: "${id}", reason: "capacity and output agree after all") { seq } }`);
    const back = (await as(undefined, `{ figure(id: "${id}") { value history { action reviewer } } }`)).body.data.figure;
    expect(back.value).toBe(200000);
    expect(back.history).toEqual([
      { action: 'RESTORED', reviewer: 'editor-2' },
      { action: 'RETRACTED', reviewer: 'editor-1' },
    ]);
  });

  it('changes(since:) lists every change in sequence order', async () => {
    const all = (await as(undefined, `{ changes(since: "2000-01-01") { seq entity action } }`)).body.data.changes;
    const seqs = all.map((c: any) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await as(undefined, `{ changes(since: "2999-01-01") { seq } }`)).body.data.changes).toEqual([]);
    expect(codeOf(await as(undefined, `{ changes(since: "yesterday") { seq } }`))).toBe('BAD_USER_INPUT');
  });
});

describe('approval is an import', () => {
  it('changes the graph exactly as importing the same records would', async () => {
    await resetGraph(db());
    await importBase(db());
    const cs = (await proposeCorrection('curator')).body.data.propose;
    expect((await as('editor', APPROVE, { id: cs.id, version: 1 })).status).toBe(200);
    const approved = await graphChecksum(db());

    await resetGraph(db());
    await importBase(db());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-curation-'));
    const file = path.join(dir, 'correction.jsonl');
    fs.writeFileSync(file, [NEW_SOURCE, NEW_EXCERPT, ...CORRECTION].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const report = await runImport(db(), { format: 'curated', paths: [file] });
    fs.rmSync(dir, { recursive: true });
    expect(report.ok).toBe(true);
    const imported = await graphChecksum(db());
    expect(approved).toEqual(imported);
    expect(approved.nodes).toBe(9);
  });
});

describe('recordDraft', () => {
  it('states each entity and fact as the graph has it: importing the drafts changes nothing', async () => {
    const ids = ['source:test-gazette', 'excerpt:test-gazette-1', 'gb:500000', 'iso:THA', 'company:acme-motors', 'figure:acme-2024-vehicle-exports', 'figure:acme-thailand-plant-output', 'excerpt:test-annual-report-1'];
    expect(codeOf(await as('reader', `{ recordDraft(entity: "company:acme-motors") }`))).toBe('FORBIDDEN');
    const drafts = [];
    for (const id of ids) drafts.push((await as('curator', `query D($id: String!) { recordDraft(entity: $id) }`, { id }).then(dataOf)).recordDraft);
    expect(drafts[4]).toEqual({ type: 'company', id: 'company:acme-motors', name: 'Acme Motors', headquarters: 'iso:THA', excerpts: ['excerpt:test-annual-report-1', 'excerpt:test-gazette-1'] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-drafts-'));
    const file = path.join(dir, 'drafts.jsonl');
    fs.writeFileSync(file, drafts.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const report = await runImport(db(), { format: 'curated', paths: [file] });
    fs.rmSync(dir, { recursive: true });
    expect(report.errors).toEqual([]);
    for (const [what, c] of Object.entries(report.counts)) expect([what, c.created, c.updated]).toEqual([what, 0, 0]);
  });
});
