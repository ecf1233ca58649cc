/**
 * The HTTP server over the real Neo4j: /health, /ready and GraphQL over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { QueryCatalog } from '../../src/neo4j/queries';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
let app: HttpApp;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  app = await createHttpApp(await buildAppSchema(), { config, db: db(), queries: new QueryCatalog() }, createLogger('silent'));
  await app.listen();
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
});

async function graphql(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[]; extensions?: any } };
}

describe('HTTP server', () => {
  it('answers /health while the process is alive', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is /ready when Neo4j answers and migrations are applied', async () => {
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'neo4j' });
  });

  it('serves GraphQL over HTTP', async () => {
    const { status, body } = await graphql('{ __typename }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports the Neo4j it runs on, with per-request statistics on request', async () => {
    const { body } = await graphql('{ serviceInfo { version neo4j } }', { 'x-tradegraph-stats': '1' });
    expect(body.data.serviceInfo.neo4j).toMatch(/Neo4j Kernel 5\.26\.\d+ community/);
    expect(body.extensions.stats.cypherQueries).toBe(1);
  });

  it('gives parse errors an extensions.code', async () => {
    const { status, body } = await graphql('{ serviceInfo { ');
    expect(status).toBe(400);
    expect(body.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a simple cross-site GET (CSRF prevention)', async () => {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{__typename}')}`);
    expect(res.status).toBe(400);
  });
});
