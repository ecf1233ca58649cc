/**
 * What `tradegraph query <name>` prints is the text that runs: the printed company/page runs
 * against the fixture graph and answers what the API's `companies` answers, and every composed
 * query (slots rendered as the app renders them) plans on the real Neo4j (EXPLAIN).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { QueryCatalog, intSlot, labelSlot } from '../../src/neo4j/queries';
import { PROJECT_ROOT } from '../../src/paths';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';

const db = useTestGraph();
const api = useApi(db);
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

function printed(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, 'query', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`query ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  await createFixtureGraph(db());
});

describe('tradegraph query', () => {
  it('prints company/page as it runs: the printed text answers what `companies` answers', async () => {
    const text = printed('company/page');
    expect(text).toBe(`${new QueryCatalog().get('company/page').trimEnd()}\n`);
    const rows = await db().read<{ total: number; page: { node: { properties: { id: string } } }[] }>(text, {
      name: null,
      kind: null,
      region: null,
      sort: 'NAME',
      gt: null,
      lt: null,
      desc: false,
      limit: neo4j.int(100),
      withCount: true,
    });
    const data = dataOf(await api.gql('{ companies(first: 100) { totalCount nodes { key } } }')) as { companies: { totalCount: number; nodes: { key: string }[] } };
    expect(rows).toHaveLength(1);
    expect(data.companies.totalCount).toBeGreaterThan(0);
    expect(Number(rows[0]!.total)).toBe(data.companies.totalCount);
    expect(rows[0]!.page.map((p) => p.node.properties.id)).toEqual(data.companies.nodes.map((n) => n.key));
  });

  it('pages any kind with node/page, rendered for its label, as its own page query does', async () => {
    const catalog = new QueryCatalog();
    const paging = { sort: 'NAME', gt: null, lt: null, desc: false, limit: neo4j.int(100), withCount: true };
    type PageRow = { total: number; page: { node: { properties: { id: string } } }[] };
    const ids = (rows: PageRow[]) => [Number(rows[0]!.total), rows[0]!.page.map((p) => p.node.properties.id)];
    for (const filter of [{ name: null, kind: null }, { name: 'a', kind: null }, { name: null, kind: 'trade-bloc' }]) {
      const generic = await db().read<PageRow>(catalog.render('node/page', { LABEL: labelSlot('Market') }), { ...filter, ...paging });
      const own = await db().read<PageRow>(catalog.get('market/page'), { ...filter, hasMember: null, ...paging });
      expect(ids(generic)).toEqual(ids(own));
    }
    const all = await db().read<PageRow>(catalog.render('node/page', { LABEL: labelSlot('Market') }), { name: null, kind: null, ...paging });
    expect(Number(all[0]!.total)).toBeGreaterThan(1);
  });

  it('lists the queries with their slots, and renders slots from the command line', () => {
    const list = printed('--list');
    expect(list).toContain('company/page\n');
    expect(list).toContain('linkage/paths  (slots: K, MAX_HOPS)');
    expect(printed('linkage/paths', '--slot', 'MAX_HOPS=4', '--slot', 'K=3')).toContain('SHORTEST 3 (a)');
    const bad = spawnSync(process.execPath, [CLI, 'query', 'ingest/upsert-nodes', '--slot', 'LABEL=Company) DETACH DELETE (n', '--slot', 'MERGE_LABEL=Company'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('is not a label of the model');
  });

  it('plans every composed query on the real Neo4j', async () => {
    const catalog = new QueryCatalog();
    const slotted: Record<string, Record<string, ReturnType<typeof intSlot>>> = {
      'linkage/paths': { MAX_HOPS: intSlot('hops', 4, 1, 8), K: intSlot('k', 3, 1, 10) },
      'linkage/shortest-paths': { MAX_HOPS: intSlot('hops', 6, 1, 8) },
      'node/page': { LABEL: labelSlot('Market') },
    };
    // Fragments are not queries; ingest/ and seed/ writes and model/ schema commands run in their own tests (ingest, seed, migrations).
    const names = catalog.names().filter((n) => !/^(parts|ingest|seed|model)\//.test(n));
    expect(names.length).toBeGreaterThan(50);
    // One transaction for all: planning ~75 queries on a cold, shared machine takes a while (no speed is asserted).
    const failed = await db().executeRead(async (tx) => {
      const out: string[] = [];
      for (const name of names) {
        const text = catalog.slotsOf(name).length > 0 ? catalog.render(name, slotted[name]!) : catalog.get(name);
        await tx.run(`EXPLAIN ${text}`).catch((err: Error) => out.push(`${name}: ${err.message}`));
      }
      return out;
    });
    expect(failed).toEqual([]);
  }, 600_000);
});
