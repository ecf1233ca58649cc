/**
 * `tradegraph import --initial` (src/ingest/initial/): Comtrade files into an EMPTY managed Neo4j
 * through `neo4j-admin database import full`. The suite runs its own managed server (the shared
 * test server is not ours to stop), compares the bulk-loaded graph with what the transactional
 * staged import publishes for the same file on the shared server, and checks the refusals.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ImportOptions, runImport } from '../../src/ingest';
import { initialImport, initialRefusal, InitialTarget } from '../../src/ingest/initial/initial';
import { Database } from '../../src/neo4j/database';
import { ManagedNeo4j } from '../../src/neo4j/managed';
import { migrate } from '../../src/neo4j/migrations';
import { resetGraph, useTestGraph } from '../support/neo4j';

jest.setTimeout(900_000);
const shared = useTestGraph();
const FIX = path.join(__dirname, '..', 'fixtures', 'ingest', 'comtrade');
const fx = (f: string): string => path.join(FIX, f);
const quiet = { info: () => undefined, warn: () => undefined };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-initial-'));
const env: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HTTP_PORT: '0', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' };
delete env.NEO4J_URI;
const config = loadConfig(env);
let managed: ManagedNeo4j;
let db: Database;
let target: InitialTarget;
const opts = (paths: string[]): ImportOptions => ({ format: 'comtrade', paths });

/** Every visible node and relationship with its properties, the run ids left out (they differ between runs). */
async function graphOf(d: Database): Promise<unknown> {
  const nodes = await d.read(`MATCH (n) WHERE NOT n:Migration AND NOT n:ImportRun
    WITH n ORDER BY n.id RETURN n.id AS id, [l IN labels(n) | l] AS labels, properties(n) AS props`);
  const rels = await d.read(`MATCH (a)-[r]->(b) WHERE NOT a:ImportRun WITH a, r, b ORDER BY a.id, type(r), b.id RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`);
  const strip = (p: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'importRun').sort(([a], [b]) => a.localeCompare(b)));
  return { nodes: nodes.map((n) => ({ ...n, labels: [...(n.labels as string[])].sort(), props: strip(n.props as Record<string, unknown>) })), rels };
}

beforeAll(async () => {
  managed = new ManagedNeo4j(config.managed, quiet);
  const started = await managed.start();
  db = new Database({ ...config.neo4j, uri: started.boltUri, username: started.username, password: started.password });
  await migrate(db);
  target = { db, managed, managedConfig: config.managed };
});

afterAll(async () => {
  await db?.close();
  await managed?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('import --initial', () => {
  it('writes nothing when a row is invalid (all or nothing, before Neo4j is touched)', async () => {
    const r = await initialImport(target, opts([fx('api-bad-rows.csv')]), quiet);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message)).toContain('primaryValue is empty');
    const [n] = await db.read('MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n');
    expect(n!.n).toBe(0);
  });

  it('loads an empty database with neo4j-admin: the same graph a transactional import publishes, provenance included', async () => {
    // Levels: coarse rows detailed by the same import are dropped from the bulk files as from staging.
    const files = [fx('comtradeapicall-cn-2015-8542.csv'), fx('api-cn-2022.csv'), fx('api-cn-2022-levels.csv')];
    const r = await initialImport(target, opts(files), quiet);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.run).toMatchObject({ outcome: 'published', publishedIn: 'bulk import (neo4j-admin)' });
    const flows = r.counts.TradeFlow!.created;
    expect(flows).toBeGreaterThan(0);

    await resetGraph(shared());
    const normal = await runImport(shared(), { ...opts(files), createMissing: true });
    expect(normal.ok).toBe(true);
    expect(normal.counts).toEqual(r.counts);
    expect(await graphOf(db)).toEqual(await graphOf(shared()));

    // The run is recorded as published, and the migrations' constraints hold on the loaded store.
    const [run] = await db.read(`MATCH (r:ImportRun {id: $id}) RETURN r.status AS status, r.mode AS mode, r.active AS active, size(r.checksums) AS files`, { id: r.run!.id });
    expect(run).toEqual({ status: 'published', mode: 'initial', active: null, files: 3 });
    const constraints = await db.read(`SHOW CONSTRAINTS YIELD name WHERE name IN ['fact_id', 'region_id', 'import_run_active'] RETURN name ORDER BY name`);
    expect(constraints.map((c) => c.name)).toEqual(['fact_id', 'import_run_active', 'region_id']);
    // A later ordinary import of the same files finds everything unchanged.
    const again = await runImport(db, { ...opts(files), createMissing: true });
    expect(again.counts.TradeFlow).toEqual({ created: 0, updated: 0, unchanged: flows });
  });

  it('refuses a database that is not empty, and a server named by NEO4J_URI, with one line', async () => {
    await expect(initialImport(target, opts([fx('api-cn-2022.csv')]), quiet)).rejects.toThrow(/--initial loads an empty database only, and this one holds [\d,]+ node\(s\)/);
    expect(await initialRefusal({ db, managedConfig: config.managed }, opts([fx('api-cn-2022.csv')]))).toMatch(/NEO4J_URI names another server/);
    expect(await initialRefusal(target, { format: 'hs', paths: [] })).toMatch(/loads UN Comtrade files/);
  });
});
