/**
 * Client mistakes over HTTP, as a production client makes them: each is answered with a code and a
 * 4xx (or 200 under legacy application/json, as GraphQL over HTTP asks), never 500, never an HTML
 * page or a file path or a stack trace, and none is logged as an error. Also: pasted GET links,
 * security headers, the limits that bound work, and the response-size cap.
 */
import { capturedLogger, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph, graphSize } from './api-fixture';

const db = useTestGraph();
const captured = capturedLogger();
const api = useApi(db, {}, captured.log);
const debugApi = useApi(db, { TRADEGRAPH_DEBUG: 'true' });
const tinyAnswers = useApi(db, { GRAPHQL_MAX_RESPONSE_BYTES: '300' });
const loose = useApi(db, { GRAPHQL_MAX_TOKENS: '1000000', GRAPHQL_MAX_ALIASES: '100000' });

beforeAll(async () => {
  await createFixtureGraph(db());
});

const MODERN = 'application/graphql-response+json, application/json;q=0.9';

/** Operations a client gets wrong, with the code each must come back with. */
const MISTAKES: [name: string, query: string, variables: Record<string, unknown>, code: string][] = [
  ['syntax error', '{ companies { ', {}, 'GRAPHQL_PARSE_FAILED'],
  ['unknown field', '{ nope }', {}, 'GRAPHQL_VALIDATION_FAILED'],
  ['Int out of range', 'query($n: Int) { companies(first: $n) { totalCount } }', { n: 2 ** 40 }, 'BAD_USER_INPUT'],
  ['string for an Int', 'query($n: Int) { companies(first: $n) { totalCount } }', { n: 'ten' }, 'BAD_USER_INPUT'],
  ['float for an Int', 'query($n: Int) { companies(first: $n) { totalCount } }', { n: 1.5 }, 'BAD_USER_INPUT'],
  ['null for a non-null', 'query($id: String!) { company(id: $id) { key } }', { id: null }, 'BAD_USER_INPUT'],
  ['missing non-null', 'query($id: String!) { company(id: $id) { key } }', {}, 'BAD_USER_INPUT'],
  ['bad enum', 'query($s: FigureSort!) { figures(sort: $s) { totalCount } }', { s: 'LOUDEST' }, 'BAD_USER_INPUT'],
  ['object for a String', 'query($id: String!) { company(id: $id) { key } }', { id: { $ne: 1 } }, 'BAD_USER_INPUT'],
  ['page too large', '{ companies(first: 100000) { totalCount } }', {}, 'BAD_USER_INPUT'],
  ['too deep', '{ region(id: "x") { parent { parent { parent { parent { parent { parent { parent { parent { key } } } } } } } } } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
  ['unknown operation name', 'query A { __typename }', {}, 'OPERATION_RESOLUTION_FAILURE'],
  ['a mutation (the API is read-only)', 'mutation M($n: Int) { companies(first: $n) { totalCount } }', { n: 3 }, 'GRAPHQL_VALIDATION_FAILED'],
];

const aliased = (n: number, field: string) => '{ ' + Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ') + ' }';

describe('client mistakes', () => {
  it.each(MISTAKES)('%s: 4xx with its code (graphql-response+json), 200 with its code (application/json)', async (_name, query, variables, code) => {
    const body = (q: string) => JSON.stringify({ query: q, variables, ...(q.startsWith('query A') ? { operationName: 'B' } : {}) });
    for (const [accept, status] of [[MODERN, 400], ['application/json', 200]] as const) {
      const res = await fetch(`${api.base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: body(query) });
      const json = (await res.json()) as any;
      expect({ status: res.status, code: json.errors?.[0]?.extensions?.code }).toEqual({ status, code });
      expect(JSON.stringify(json)).not.toMatch(/stacktrace|at .*\.js:\d+|\/node_modules\//);
    }
  });

  it('answers malformed bodies with GraphQL-shaped JSON, never an HTML page or a file path', async () => {
    const cases: [string, RequestInit, number][] = [
      ['bad JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }, 400],
      ['too large', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(2_000_000) }) }, 413],
      ['unsupported charset', { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}' }, 415],
      ['text/plain (CSRF)', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }, 400],
      ['no body', { method: 'POST', headers: { 'content-type': 'application/json' } }, 400],
      ['query not a string', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":5}' }, 400],
      ['PUT', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }, 405],
    ];
    for (const [name, init, status] of cases) {
      const res = await fetch(`${api.base()}/graphql`, init);
      const text = await res.text();
      expect({ name, status: res.status, type: res.headers.get('content-type')?.split(';')[0] }).toEqual({ name, status, type: 'application/json' });
      expect(JSON.parse(text).errors[0].extensions.code).toEqual(expect.any(String));
      expect(text).not.toMatch(/<html|<pre>|\/work\/|node_modules|at [A-Za-z.]+ \(/i);
    }
    const missing = await fetch(`${api.base()}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers variables nested thousands deep (bench/fuzz.js "deep-json") with a 4xx or the data, never a 500', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const post = (query: string) =>
      fetch(`${api.base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":${JSON.stringify(query)},"variables":{"f":${deep}}}` });
    // Not declared: ignored, as GraphQL says.
    const unused = await post('{ __typename }');
    expect({ status: unused.status, body: await unused.json() }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    // Declared: the value is not a TradeFlowFilter.
    const declared = await post('query($f: TradeFlowFilter) { tradeFlows(first: 1, filter: $f) { totalCount } }');
    const json = (await declared.json()) as any;
    expect({ status: declared.status, code: json.errors?.[0]?.extensions?.code }).toEqual({ status: 200, code: 'BAD_USER_INPUT' });
  });

  it('logged none of these mistakes as an error, and nothing but JSON lines', () => {
    const lines = captured.lines();
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.some((l) => l.msg === 'refused a malformed request')).toBe(true);
  });

  it('shows stack traces only when TRADEGRAPH_DEBUG is on', async () => {
    const plain = await api.gql('{ companies { ');
    expect(JSON.stringify(plain.body)).not.toMatch(/stacktrace/);
    const debug = await debugApi.gql('{ companies { ');
    expect(debug.body.errors![0].extensions.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/Syntax Error/)]));
  });
});

describe('GET links', () => {
  const link = (base: string) => `${base}/graphql?query=${encodeURIComponent('{serviceInfo{version}}')}`;

  it('runs a link pasted into a browser (navigation headers) and answers JSON', async () => {
    const res = await fetch(link(api.base()), {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as any).data.serviceInfo.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs it for curl (no fetch metadata), and refuses it from another site\'s page', async () => {
    expect((await fetch(link(api.base()), { headers: { accept: '*/*' } })).status).toBe(200);
    const crossSite = await fetch(link(api.base()), { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } });
    expect(crossSite.status).toBe(400);
    expect(await crossSite.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a mutation over GET (405)', async () => {
    const res = await fetch(`${api.base()}/graphql?query=${encodeURIComponent('mutation { __typename }')}`);
    expect(res.status).toBe(405);
  });
});

describe('security headers', () => {
  it('sets helmet headers everywhere and a self-only CSP on the pages', async () => {
    for (const path of ['/graphql?query=%7B__typename%7D', '/graphiql/', '/explore/', '/health']) {
      const res = await fetch(`${api.base()}${path}`);
      expect({ path, nosniff: res.headers.get('x-content-type-options') }).toEqual({ path, nosniff: 'nosniff' });
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
    for (const path of ['/graphiql/', '/explore/']) {
      const csp = (await fetch(`${api.base()}${path}`)).headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });
});

describe('limits that bound work', () => {
  it('refuses 20,000 aliases at the parser (token limit), before any work', async () => {
    const res = await api.gql(aliased(20_000, 'serviceInfo { version }'), {}, { stats: true });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'tokens' });
  });

  it('refuses 2,400 aliases of a query field and 300 aliased __schema, by each limit in turn', async () => {
    const lookups = aliased(2400, 'company(id: "company:changan") { name }');
    const schemas = aliased(300, '__schema { queryType { name } }');
    for (const query of [lookups, schemas]) {
      // Under the defaults the parser (2,400 lookups: ~19,000 tokens) or the alias cap (300) refuses first.
      expect(['tokens', 'aliases']).toContain((await api.gql(query)).body.errors![0].extensions.limit);
      // Without the token and alias limits, the cost model alone refuses them (round trips, introspection).
      const res = await loose.gql(query, {}, { stats: true });
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'complexity' });
      expect(res.body.extensions?.stats?.cypherQueries ?? 0).toBe(0);
    }
    const sixty = await api.gql(aliased(60, 'company(id: "company:changan") { name }'));
    expect(sixty.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', maximum: 50, actual: 60 });
  });

  it('allows an ordinary provenance query under the default limits', async () => {
    const res = await api.gql('{ companies(first: 20) { nodes { facilities { locations { excerpts { source { title } } } } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('refuses an answer above the response-size limit with RESPONSE_TOO_LARGE', async () => {
    const res = await tinyAnswers.gql('{ companies(first: 50) { nodes { key name aliases } } }');
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maximum: 300 });
  });

  it('left the graph as it was', async () => {
    const before = await graphSize(db());
    await api.gql('mutation { __typename }');
    expect(await graphSize(db())).toEqual(before);
  });
});
