/**
 * Limits over HTTP (status 400 with an extensions.code) and hostile input: injection-like strings
 * through every argument kind leave the graph unchanged and come back as empty answers or clean
 * BAD_USER_INPUT errors, never as internal errors.
 */
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph, graphSize } from './api-fixture';
import { useApi } from '../support/api';

const db = useTestGraph();
const api = useApi(db, { GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COMPLEXITY: '1000', GRAPHQL_MAX_PAGE_SIZE: '100' });

beforeAll(async () => {
  await createFixtureGraph(db());
});

describe('limits', () => {
  it('refuses too deep queries with 400 and GRAPHQL_VALIDATION_FAILED before touching the database', async () => {
    const res = await api.gql('{ region(id: "gb:500156") { parent { parent { parent { parent { parent { parent { parent { key } } } } } } } } }', {}, { stats: true });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toMatch(/depth/);
  });

  it('refuses pages above the maximum with 400 and BAD_USER_INPUT', async () => {
    const res = await api.gql('query($n: Int) { tradeFlows(first: $n) { nodes { key } } }', { n: 101 });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].message).toMatch(/maximum page size/);
  });

  it('refuses too complex queries with 400', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `c${i}: companies(first: 100) { nodes { tradeFlows(first: 100) { nodes { key excerpts { text } } } } }`);
    const res = await api.gql(`{ ${aliases.join(' ')} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toMatch(/complexity/);
  });

  it('answers queries within the limits', async () => {
    const res = await api.gql('{ companies(first: 10) { nodes { tradeFlows(first: 10) { nodes { key } } } } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});

const HOSTILE = [
  "' OR 1=1 //",
  '}) DETACH DELETE n //',
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '` MATCH (n) DETACH DELETE n //',
  '\u0000',
  'x'.repeat(100_000),
  '$ids',
  '[]',
];

// Every argument kind: text filters, codes, graph-id arguments, global ids, cursors, HS prefixes.
const OPERATIONS: [string, string][] = [
  ['region(iso3:)', 'query($s: String) { region(iso3: $s) { key } }'],
  ['region(gbCode:)', 'query($s: String) { region(gbCode: $s) { key } }'],
  ['region(id:)', 'query($s: String) { region(id: $s) { key } }'],
  ['regions(name)', 'query($s: String) { regions(filter: {name: $s}) { totalCount nodes { key } } }'],
  ['regions(code, kind)', 'query($s: String) { regions(filter: {code: $s, kind: $s}) { nodes { key } } }'],
  ['regions(memberOf)', 'query($s: String) { regions(filter: {memberOf: $s}) { nodes { key } } }'],
  ['regions(after)', 'query($s: String) { regions(after: $s) { nodes { key } } }'],
  ['companies(name, region)', 'query($s: String) { companies(filter: {name: $s}) { nodes { key } } c2: companies(filter: {region: $s}) { nodes { key } } }'],
  ['company(id:)', 'query($s: String!) { company(id: $s) { key } }'],
  ['products(hsPrefix)', 'query($s: String) { products(filter: {hsPrefix: $s}) { nodes { key } } }'],
  ['product(hsCode, edition)', 'query($s: String) { product(hsCode: $s, edition: $s) { key } }'],
  ['policies(name, appliesIn, supports)', 'query($s: String) { policies(filter: {name: $s}) { nodes { key } } p2: policies(filter: {appliesIn: $s}) { nodes { key } } p3: policies(filter: {supports: $s}) { nodes { key } } }'],
  ['tradeFlows(to, from, trader, product, via)', 'query($s: String) { tradeFlows(filter: {to: $s}) { nodes { key } } f2: tradeFlows(filter: {exporter: $s, product: $s}) { nodes { key } } f3: tradeFlows(filter: {via: $s}) { nodes { key } } }'],
  ['tradeFlows(hsPrefix, before)', 'query($s: String) { tradeFlows(filter: {hsPrefix: $s}) { nodes { key } } f2: tradeFlows(last: 2, before: $s) { nodes { key } } }'],
  ['figures(metric, unit, about, text)', 'query($s: String) { figures(filter: {metric: $s, unit: $s}) { nodes { key } } g2: figures(filter: {about: $s}) { nodes { key } } g3: figures(filter: {text: $s}) { nodes { key } } }'],
  ['facts(source)', 'query($s: String) { facts(filter: {source: $s}) { nodes { key } } }'],
  ['node(id:)', 'query($s: ID!) { node(id: $s) { id } nodes(ids: [$s]) { id } }'],
  ['market(id:) members', 'query($s: String!) { market(id: $s) { key } }'],
  ['sources(title)', 'query($s: String) { sources(filter: {title: $s, kind: $s}) { nodes { key } } }'],
];

describe('hostile input', () => {
  it('changes nothing and answers cleanly for every argument kind', async () => {
    const before = await graphSize(db());
    const codes = new Set<string>();
    for (const [name, query] of OPERATIONS) {
      for (const s of HOSTILE) {
        const res = await api.gql(query, { s });
        const errors = res.body.errors ?? [];
        for (const e of errors) {
          codes.add(e.extensions?.code);
          if (e.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`${name} with ${JSON.stringify(s.slice(0, 40))}: ${JSON.stringify(e)}`);
        }
        if (errors.length === 0) {
          // No error: the answer is empty (no entity matches these strings).
          const text = JSON.stringify(res.body.data);
          expect(text).not.toMatch(/"key":"/);
        }
      }
    }
    expect(await graphSize(db())).toEqual(before);
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
  });
});
