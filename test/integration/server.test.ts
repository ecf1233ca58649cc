/**
 * The HTTP server over the real Neo4j: /health, /ready and GraphQL over HTTP.
 */
import { useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';

const api = useApi(useTestGraph());
const graphql = (query: string, headers: Record<string, string> = {}) =>
  api.gql(query, {}, { stats: headers['x-tradegraph-stats'] === '1' });

describe('HTTP server', () => {
  it('answers /health while the process is alive', async () => {
    const res = await fetch(`${api.base()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is /ready when Neo4j answers and migrations are applied', async () => {
    const res = await fetch(`${api.base()}/ready`);
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

  it('refuses a simple cross-site GET (CSRF prevention), as a browser sends it from another site', async () => {
    const res = await fetch(`${api.base()}/graphql?query=${encodeURIComponent('{__typename}')}`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });
});
