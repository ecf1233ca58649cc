/**
 * The curated seed (seed/*.jsonl) passes validation, imports in one run, and importing it again
 * changes nothing: the same counts, properties and relationships. The curator's judgement calls
 * (notes, dates, categories, where companies are active, search aliases) reach the graph.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatReport, runImport } from '../../src/ingest';
import { PROJECT_ROOT } from '../../src/paths';
import { seedGraph } from '../../src/ingest/seed';
import { resetGraph, testDatabase, closeTestDatabase } from '../support/neo4j';
import { snapshot, Snapshot } from './ingest-helpers';

afterAll(async () => {
  await closeTestDatabase();
});

it('imports seed/ without errors, and a second time without changes', async () => {
  const db = testDatabase();
  await resetGraph(db);
  const dry = await seedGraph(db, { dryRun: true });
  expect(dry.errors).toEqual([]);
  expect(await snapshot(db)).toEqual({ nodes: 0, rels: 0, checksum: expect.any(String) });

  const first = await seedGraph(db);
  expect(first.errors).toEqual([]);
  expect(first.written).toBe(true);
  const after = await snapshot(db);
  expect(after.nodes).toBeGreaterThan(100);

  const second = await seedGraph(db);
  const changed = Object.entries(second.counts).filter(([, c]) => c.created + c.updated > 0);
  expect({ changed, report: changed.length > 0 ? formatReport(second) : '' }).toEqual({ changed: [], report: '' });
  expect(await snapshot(db)).toEqual(after);
  seeded = after;
});

let seeded: Snapshot | undefined;

/**
 * An older seed that said more (a value on a qualitative figure, an extra subject and excerpt, a
 * different partOf, a policy end, a note), as a user's data folder may hold: seeding the current
 * seed over it gives exactly the graph a fresh seed gives (src/ingest/README.md, "Ownership").
 */
function writeOlderSeed(dir: string): void {
  const seedDir = path.join(PROJECT_ROOT, 'seed');
  const records = new Map<string, Record<string, unknown>>();
  const files = fs.readdirSync(seedDir).filter((f) => f.endsWith('.jsonl'));
  const parsed = files.map((f) => ({
    f,
    lines: fs
      .readFileSync(path.join(seedDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('//'))
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  }));
  for (const { lines } of parsed) for (const r of lines) if (typeof r.id === 'string') records.set(r.id, r);
  const get = (id: string): Record<string, unknown> => {
    const r = records.get(id);
    if (!r) throw new Error(`seed has no ${id}`);
    return r;
  };
  Object.assign(get('figure:cq-overseas-factories-asean-integration'), { value: 2, unit: 'factories', qualifier: 'at-least', periodStart: 2024, periodEnd: 2024 });
  const growth = get('figure:cq-2024-automobile-export-growth');
  Object.assign(growth, { about: [...(growth.about as string[]), 'iso:THA'], excerpts: [...(growth.excerpts as string[]), 'excerpt:cq-fyp-p3-s4'], note: 'An older reading.' });
  const region = [...records.values()].find((r) => r.type === 'region' && typeof r.partOf === 'string' && r.partOf !== 'iso:THA')!;
  region.partOf = 'iso:THA';
  const policy = [...records.values()].find((r) => r.type === 'policy' && r.periodStart !== undefined && r.periodEnd === undefined)!;
  policy.periodEnd = 2099;
  get('product:beef').note = 'An older note.';
  for (const { f, lines } of parsed) fs.writeFileSync(path.join(dir, f), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

it('corrects a graph seeded from an older seed that said more: the same graph as a fresh seed', async () => {
  const db = testDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'older-seed-'));
  try {
    writeOlderSeed(dir);
    await resetGraph(db);
    const older = await runImport(db, { format: 'curated', paths: [dir] });
    expect(older.errors).toEqual([]);
    expect(await snapshot(db)).not.toEqual(seeded);
    const current = await seedGraph(db);
    expect(current.errors).toEqual([]);
    expect(current.counts.Figure!.updated).toBe(2);
    expect(await snapshot(db)).toEqual(seeded);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The tests above leave the seeded graph in place.
describe('the seeded graph carries what the curator decided', () => {
  const db = testDatabase;
  const SEED = path.join(PROJECT_ROOT, 'seed');

  it('has no judgement left in comments: every note is a field', () => {
    const commented = fs
      .readdirSync(SEED)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => fs.readFileSync(path.join(SEED, f), 'utf8').split('\n').filter((l) => l.startsWith('// note')).map((l) => `${f}: ${l.slice(0, 60)}`));
    expect(commented).toEqual([]);
  });

  it('stores notes on nodes (a product, a region, a source) and on MEMBER_OF', async () => {
    const rows = await db().read(
      `MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.note IS NOT NULL AS noted ORDER BY id`,
      { ids: ['product:beef', 'gb:500000', 'source:cq-foreign-trade-14th-fyp', 'policy:14th-five-year-plan', 'hs2022:070999'] },
    );
    expect(rows.every((r) => r.noted)).toBe(true);
    expect(rows).toHaveLength(5);
    const [tls] = await db().read(`MATCH (:Region {id: 'iso:TLS'})-[m:MEMBER_OF]->(:Market {id: 'market:asean'}) RETURN m.note AS note`);
    expect(tls!.note).toMatch(/11th member/);
  });

  it('records where Chang\'an and Zongshen are active, citing the sentence, with its "like" in the note', async () => {
    const rows = await db().read(
      `MATCH (c:Company)-[r:ACTIVE_IN]->(m) RETURN c.id + ' -> ' + m.id AS link, r.excerptIds AS excerptIds, r.note AS note ORDER BY link`,
    );
    expect(rows.map((r) => r.link)).toEqual([
      'company:changan-automobile -> iso:THA',
      'company:changan-automobile -> iso:VNM',
      'company:changan-automobile -> market:asean',
      'company:zongshen-group -> iso:THA',
      'company:zongshen-group -> iso:VNM',
      'company:zongshen-group -> market:asean',
    ]);
    for (const r of rows) expect(r.excerptIds).toEqual(['excerpt:cq-fyp-p3-s4']);
    expect(rows.filter((r) => String(r.link).endsWith('asean')).every((r) => /'like'/.test(String(r.note)))).toBe(true);
  });

  it('puts named products under their categories, never into the HS tree', async () => {
    const rows = await db().read(
      `MATCH (p:Product)-[:PART_OF]->(c:Product) WHERE p.id STARTS WITH 'product:' OR c.id STARTS WITH 'product:'
       RETURN c.id AS category, collect(p.id) AS members ORDER BY category`,
    );
    expect(rows.map((r) => ({ category: r.category, members: [...(r.members as string[])].sort() }))).toEqual([
      { category: 'product:agricultural-products', members: ['product:kaizhou-mulberry-leaf-eggs', 'product:shizhu-water-shield', 'product:wulong-bamboo-shoots'] },
      { category: 'product:consumer-goods', members: ['product:beef', 'product:cosmetics', 'product:milk-powder'] },
    ]);
  });

  it('dates markets, facilities and policies, each citing the excerpt that gives the date', async () => {
    const rows = await db().read(
      `MATCH (n) WHERE n.established IS NOT NULL
       RETURN n.id AS id, n.established AS established, n.periodStart AS periodStart, n.periodEnd AS periodEnd,
              [(n)-[:STATED_IN]->(e) | e.text] AS texts ORDER BY id`,
    );
    const expected: [string, string, string, number | null][] = [
      ['facility:changan-rayong-plant', '2025-05-16', 'May 16 (Xinhua) -- China\'s carmaker Changan opened its Thailand plant on Friday', null],
      ['market:asean', '1967-08-08', 'established on 8 August 1967', null],
      ['market:rcep', '2020-11-15', 'On 15 November 2020, Ministers from 15 countries signed the Agreement.', null],
      ['policy:china-chongqing-pilot-free-trade-zone', '2017-03-15', 'formally approved  by the State Council on March 15, 2017', 2017],
      ['policy:china-europe-railway-express-chongqing', '2011-03-19', 'On March 19, 2011, the first China-Europe freight train departed from Chongqing', 2011],
    ];
    expect(rows.map((r) => [r.id, r.established, r.periodStart, r.periodEnd])).toEqual(expected.map(([id, date, , start]) => [id, date, start, null]));
    for (const [i, [, , quote]] of expected.entries()) expect((rows[i]!.texts as string[]).some((t) => t.includes(quote))).toBe(true);
  });

  it('finds named entities by their pinyin, through aliases that cite an excerpt naming the entity', async () => {
    const pinyin: Record<string, string> = {
      'company:changan-automobile': 'Changan Qiche',
      'company:zongshen-group': 'Zongshen Jituan',
      'gb:500000': 'Chongqing Shi',
      'gb:500156': 'Wulong Qu',
      'gb:500240': 'Shizhu Xian',
      'gb:500154': 'Kaizhou Qu',
      'market:asean': 'Dongmeng',
      'product:shizhu-water-shield': 'chuncai',
      'product:wulong-bamboo-shoots': 'zhusun',
    };
    const rows = await db().read(`MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.aliases AS aliases`, { ids: Object.keys(pinyin) });
    expect(Object.fromEntries(rows.map((r) => [r.id, (r.aliases as string[]).includes(pinyin[r.id as string]!)]))).toEqual(
      Object.fromEntries(Object.keys(pinyin).map((id) => [id, true])),
    );
    // Every entity with aliases cites an excerpt containing its name, Chinese name or an alias.
    const unnamed = await db().read(
      `MATCH (n) WHERE n.aliases IS NOT NULL
       WITH n, [x IN [n.name, n.nameZh] + n.aliases WHERE x IS NOT NULL | toLower(x)] AS names
       WHERE NOT EXISTS {
         MATCH (n)-[:STATED_IN]->(e:Excerpt)
         WITH toLower(replace(replace(replace(e.text, '\u2019', "'"), '\u201E', '"'), '\u201C', '"')) AS text, names
         WHERE any(x IN names WHERE text CONTAINS x)
       }
       RETURN n.id AS id`,
    );
    expect(unnamed).toEqual([]);
  });
});
