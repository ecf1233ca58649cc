/**
 * Start-up planning (src/neo4j/plans.ts): the variants the example operations run (recorded in
 * src/neo4j/startup-plans.json) and the unfiltered root lists plan with their parameters (EXPLAIN on
 * the real Neo4j). The recording is checked here: the example operations, run on the seeded graph,
 * run no variant the file lacks (UPDATE_STARTUP_PLANS=1 rewrites it).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import type { Params } from '../../src/neo4j/database';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp } from '../../src/http/app';
import { seedGraph } from '../../src/ingest/seed';
import { createLogger } from '../../src/logger';
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { encodeParams, parameterNames, planNamedQueries, plannedQueries, recordedVariants, STARTUP_PLANS_FILE, startupVariants } from '../../src/neo4j/plans';
import { QueryCatalog, Slots } from '../../src/neo4j/queries';
import { exampleOperations } from '../../src/operations';
import { testEnv, useTestGraph } from '../support/neo4j';

const db = useTestGraph();

/** A catalog that notes the first parameters of every variant a planned query runs. */
class RecordingCatalog extends QueryCatalog {
  readonly seen = new Map<string, { query: string; params: Params }>();
  private planned?: Set<string>;
  override variant(name: string, params: Params, slots?: Slots): string {
    const text = super.variant(name, params, slots);
    this.planned ??= new Set(plannedQueries(this));
    if (this.planned.has(name) && !this.seen.has(text)) this.seen.set(text, { query: name, params });
    return text;
  }
}

describe('planning at start-up', () => {
  const catalog = new QueryCatalog();

  it('covers the read queries, not the writes or the parts', () => {
    const names = plannedQueries(catalog);
    expect(names).toEqual(expect.arrayContaining(['company/page', 'trade-flow/page', 'trade-flow/by-ids', 'analytics/exporter-shares', 'provenance/statements']));
    expect(names.some((n) => /^(ingest|aggregates|parts)\//.test(n))).toBe(false);
    expect(parameterNames('// $notThis\nMATCH (n {id: $id}) WHERE n.x = $limit OR $id IS NULL')).toEqual(['id', 'limit']);
    const variants = startupVariants(catalog);
    expect(variants.map((v) => v.name)).toEqual(expect.arrayContaining(['company/page', 'trade-flow/page', 'trade-flow/by-ids', 'fact/page']));
    expect(new Set(variants.map((v) => v.text)).size).toBe(variants.length);
  });

  it('records every variant the example operations run', async () => {
    const report = await seedGraph(db());
    if (!report.ok) throw new Error(`seed failed: ${JSON.stringify(report.errors).slice(0, 500)}`);
    await refreshAggregates(db());
    const recording = new RecordingCatalog();
    const config = loadConfig({ ...testEnv(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
    const app = await createHttpApp(await buildAppSchema(), { config, db: db(), queries: recording }, createLogger('silent'));
    await app.listen();
    try {
      const base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
      for (const op of exampleOperations()) {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: op.query, variables: op.variables ? JSON.parse(op.variables) : {}, operationName: op.operationName }),
        });
        const body = (await res.json()) as { errors?: unknown[] };
        expect([op.name, body.errors]).toEqual([op.name, undefined]);
      }
    } finally {
      await app.close();
    }
    const ran = [...recording.seen.values()];
    if (process.env.UPDATE_STARTUP_PLANS === '1') {
      fs.writeFileSync(STARTUP_PLANS_FILE, `${JSON.stringify(ran.map((v) => ({ query: v.query, params: encodeParams(v.params) })), null, 1)}\n`);
    }
    const recorded = new Set(recordedVariants().map((v) => catalog.variant(v.query, v.params)));
    const missing = ran.filter((v) => !recorded.has(catalog.variant(v.query, v.params))).map((v) => v.query);
    expect(missing).toEqual([]);
    expect(ran.length).toBeGreaterThan(5);
  }, 600_000);

  it('plans every start-up variant without an error', async () => {
    const result = await planNamedQueries(db(), catalog);
    expect(result.failed).toEqual([]);
    expect(result.planned).toBe(startupVariants(catalog).length);
  }, 600_000);

  it('stops planning when Neo4j goes down, even if it is back before the next variant', async () => {
    const two = startupVariants(catalog).slice(0, 2);
    const running = planNamedQueries(db(), catalog, two);
    // While the first EXPLAIN runs, the server goes down and comes back (a supervised restart).
    db().availability.down = 'restarting (test)';
    db().availability.down = undefined;
    expect(await running).toMatchObject({ planned: 1, failed: [], skipped: 1 });
    db().availability.down = 'down (test)';
    try {
      expect(await planNamedQueries(db(), catalog, two)).toMatchObject({ planned: 0, skipped: 2 });
    } finally {
      db().availability.down = undefined;
    }
  });
});
