/**
 * A restart does not re-import a seed the graph already holds: `seedIfChanged` (what serve runs)
 * imports when the graph has no record of the seed or records another checksum, and skips when
 * the recorded checksum is the seed's; `tradegraph seed` (seedGraph with record) always imports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordedSeedChecksum, seedChecksum, seedGraph, seedIfChanged, SEED_DIR } from '../../src/ingest/seed';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();

const count = async (label: string) => (await db().read<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`))[0]!.n;

describe('seedIfChanged', () => {
  it('imports into an empty graph and records the checksum', async () => {
    expect(await recordedSeedChecksum(db())).toBeNull();
    const outcome = await seedIfChanged(db());
    expect(outcome.skipped).toBe(false);
    if (outcome.skipped) return;
    expect(outcome.report.ok).toBe(true);
    expect(await count('Company')).toBeGreaterThan(0);
    expect(await recordedSeedChecksum(db())).toBe(seedChecksum());
  });

  it('skips when the graph records this seed, without touching the graph', async () => {
    await db().write(`MATCH (c:Company) SET c.touchedByTest = true`);
    const outcome = await seedIfChanged(db());
    expect(outcome).toEqual({ skipped: true, checksum: seedChecksum() });
    // Nothing was re-imported: a property the seed does not own is still there on every company.
    const untouched = await db().read<{ n: number }>(`MATCH (c:Company) WHERE c.touchedByTest IS NULL RETURN count(c) AS n`);
    expect(untouched[0]!.n).toBe(0);
  });

  it('re-applies when the recorded checksum is another seed\'s', async () => {
    await db().write(`MATCH (r:SeedRecord) SET r.checksum = 'an older seed'`);
    const companies = await count('Company');
    await db().write(`MATCH (c:Company) WITH c LIMIT 1 DETACH DELETE c`);
    const outcome = await seedIfChanged(db());
    expect(outcome.skipped).toBe(false);
    expect(await count('Company')).toBe(companies);
    expect(await recordedSeedChecksum(db())).toBe(seedChecksum());
  });

  it('tradegraph seed (record: true) always imports, and records; a dry run records nothing', async () => {
    await db().write(`MATCH (r:SeedRecord) DETACH DELETE r`);
    await seedGraph(db(), { dryRun: true, record: true });
    expect(await recordedSeedChecksum(db())).toBeNull();
    const report = await seedGraph(db(), { record: true });
    expect(report.ok).toBe(true);
    expect(report.rows).toBeGreaterThan(0);
    expect(await recordedSeedChecksum(db())).toBe(seedChecksum());
  });
});

describe('seedChecksum', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-seed-'));
    fs.cpSync(SEED_DIR, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('changes when a seed file changes, is added or is removed, and only then', () => {
    const base = seedChecksum([dir]);
    expect(seedChecksum([dir])).toBe(base);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    fs.writeFileSync(path.join(dir, file), text.replace('"', '"x'));
    const edited = seedChecksum([dir]);
    expect(edited).not.toBe(base);
    fs.writeFileSync(path.join(dir, file), text);
    expect(seedChecksum([dir])).toBe(base);
    fs.writeFileSync(path.join(dir, '99-extra.jsonl'), '');
    expect(seedChecksum([dir])).not.toBe(base);
    fs.rmSync(path.join(dir, '99-extra.jsonl'));
    fs.rmSync(path.join(dir, file));
    expect(seedChecksum([dir])).not.toBe(base);
  });
});
