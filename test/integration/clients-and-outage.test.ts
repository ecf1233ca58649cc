/**
 * What Apollo Sandbox and other clients rely on (introspection, CORS, a spec-compliant client),
 * and the server's behaviour when Neo4j goes away and comes back: a clean SERVICE_UNAVAILABLE,
 * the process stays up, and it recovers without a restart.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-http';
import { getIntrospectionQuery } from 'graphql';
import { APOLLO_SANDBOX_ORIGIN, loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { Database } from '../../src/neo4j/database';
import { QueryCatalog } from '../../src/neo4j/queries';
import { useApi } from '../support/api';
import { testConnection, testEnv, useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db);

describe('clients', () => {
  it('answers the introspection query Apollo Sandbox sends', async () => {
    const res = await api.gql(getIntrospectionQuery());
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });

  it('allows the hosted Sandbox origin by CORS, and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.base()}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(APOLLO_SANDBOX_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APOLLO_SANDBOX_ORIGIN);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves graphql-http, a GraphQL-over-HTTP client', async () => {
    const client = createClient({ url: `${api.base()}/graphql`, fetchFn: fetch });
    const result = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      client.subscribe({ query: '{ serviceInfo { version } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
    });
    expect(result).toEqual({ data: { serviceInfo: { version: expect.stringMatching(/^\d+\.\d+\.\d+/) } } });
  });

  it('answers GET with application/graphql-response+json when asked', async () => {
    const res = await fetch(`${api.base()}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

/** A TCP proxy to the test Neo4j that can be cut and restored, to play a database outage. */
class OutageProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

describe('Neo4j outage', () => {
  const target = new URL(process.env.TRADEGRAPH_TEST_NEO4J_URI!.replace(/^[a-z+]+:/, 'http:'));
  const proxy = new OutageProxy({ host: target.hostname, port: Number(target.port) });
  let app: HttpApp;
  let proxied: Database;
  let base: string;

  beforeAll(async () => {
    await proxy.up();
    const config = loadConfig({ ...testEnv(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
    proxied = new Database({ ...testConnection(), uri: `bolt://127.0.0.1:${proxy.port}` });
    app = await createHttpApp(await buildAppSchema(), { config, db: proxied, queries: new QueryCatalog() }, createLogger('silent'));
    await app.listen();
    base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await proxied.close();
    await proxy.down();
  });

  const ask = async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ serviceInfo { neo4j } }"}' });
    return (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
  };

  it('reports SERVICE_UNAVAILABLE while Neo4j is away, stays up, and recovers', async () => {
    expect((await ask()).data.serviceInfo.neo4j).toMatch(/Neo4j/);

    await proxy.down();
    const during = await ask();
    expect(during.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.errors?.[0]?.message).toBe('The graph database is unavailable; try again shortly');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(503);

    await proxy.up();
    const after = await ask();
    expect(after.errors).toBeUndefined();
    expect(after.data.serviceInfo.neo4j).toMatch(/Neo4j/);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });
});
