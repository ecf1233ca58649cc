/**
 * Apollo Client against the real server, with the cache set up exactly as the README documents
 * (docs/apollo-client/cache.ts, generated possibleTypes and connection fields):
 * interface fragments come back filled, fetchMore forward and backward grows the watched list,
 * `node(id:)` is answered from the cache, and drawable graph pieces are normalized by `id`.
 * A cache without that setup is run beside it, so the test shows what the setup fixes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { createTradegraphCache } from '../../docs/apollo-client/cache';
import {
  MotorcycleExportersToAseanDocument,
  type MotorcycleExportersToAseanQuery,
  type MotorcycleExportersToAseanQueryVariables,
} from '../../docs/typed-client/operations';
import { seedGraph } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/neo4j/queries';
import { useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db);

/** Requests each client sent, so a test can tell a cache answer from a network one. */
function clientWith(cache: InMemoryCache): { client: ApolloClient; requests: string[] } {
  const requests: string[] = [];
  const link = new HttpLink({
    uri: `${api.base()}/graphql`,
    fetch: (input, init) => {
      requests.push(JSON.parse(String(init?.body)).operationName);
      return fetch(input, init);
    },
  });
  return { client: new ApolloClient({ link, cache }), requests };
}

beforeAll(async () => {
  const report = await seedGraph(db());
  expect(report.ok).toBe(true);
});

const FIGURES_ABOUT = gql`
  query FiguresAbout {
    figures(first: 10) {
      edges {
        node {
          id
          statement
          about {
            __typename
            id
            ... on Named {
              name
            }
          }
        }
      }
    }
  }
`;

const PRODUCTS = gql`
  query ProductPages($first: Int, $after: String, $last: Int, $before: String) {
    products(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

describe('Apollo Client with the documented cache', () => {
  it('the README shows the setup this test runs', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const setup = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'apollo-client', 'cache.ts'), 'utf8');
    expect(readme).toContain(setup.trim());
  });

  it('fills fields under interface fragments (a cache without possibleTypes drops them)', async () => {
    const { client } = clientWith(createTradegraphCache());
    const { data } = await client.query<any>({ query: FIGURES_ABOUT });
    const subjects = data.figures.edges.flatMap((e: any) => e.node.about);
    const named = subjects.filter((s: any) => ['Company', 'Product', 'Region', 'Market', 'Policy'].includes(s.__typename));
    expect(named.length).toBeGreaterThan(0);
    for (const s of named) expect(typeof s.name).toBe('string');

    // The same query through a bare InMemoryCache: the names under `... on Named` are lost.
    const bare = clientWith(new InMemoryCache()).client;
    const plain = await bare.query<any>({ query: FIGURES_ABOUT, errorPolicy: 'all' });
    const bareNamed = (plain.data?.figures.edges ?? []).flatMap((e: any) => e.node.about).filter((s: any) => s.__typename !== 'Figure');
    expect(bareNamed.filter((s: any) => typeof s.name === 'string').length).toBeLessThan(named.length);
  });

  it('fetchMore forward and backward grows the watched list (relayStylePagination)', async () => {
    const { client } = clientWith(createTradegraphCache());
    // Start in the middle of the list: products 3-4 (after the second product's cursor).
    const head = await api.gql(`{ products(first: 2) { totalCount edges { cursor node { id } } } }`);
    expect(head.body.data.products.totalCount).toBeGreaterThanOrEqual(6);
    const second = head.body.data.products.edges[1].cursor;
    const watched = client.watchQuery<any>({ query: PRODUCTS, variables: { first: 2, after: second } });
    // What the watching component would render: every result the watched query emits.
    const emitted: any[] = [];
    const waiters: (() => void)[] = [];
    const sub = watched.subscribe((r) => {
      if (r.data) emitted.push(r.data.products);
      waiters.splice(0).forEach((w) => w());
    });
    /** The first emitted list with `n` edges (the watched list after it grew), or a timeout. */
    const listOf = async (n: number): Promise<any> => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = emitted.find((list) => list.edges.length === n);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`the watched list never had ${n} edges: ${JSON.stringify(emitted.map((l) => l.edges.length))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    };
    try {
      const start = await listOf(2);
      expect(start.pageInfo.hasNextPage).toBe(true);
      expect(start.pageInfo.hasPreviousPage).toBe(true);
      const ids = (list: any) => list.edges.map((e: any) => e.node.id);

      await watched.fetchMore({ variables: { first: 2, after: start.pageInfo.endCursor } });
      const forward = await listOf(4);
      expect(ids(forward).slice(0, 2)).toEqual(ids(start));

      await watched.fetchMore({ variables: { first: undefined, after: undefined, last: 2, before: start.pageInfo.startCursor } });
      const both = await listOf(6);
      expect(ids(both).slice(2, 4)).toEqual(ids(start));
      expect(ids(both).slice(4, 6)).toEqual(ids(forward).slice(2, 4));
      // The prepended page is the list's first two products, in order: the second's cursor is where we started.
      expect(both.edges[1].cursor).toBe(second);
      expect(both.pageInfo.hasPreviousPage).toBe(false);
      expect(new Set(ids(both)).size).toBe(6);
    } finally {
      sub.unsubscribe();
    }
  });

  it('answers node(id:) from the cache once the object is there', async () => {
    const { client, requests } = clientWith(createTradegraphCache());
    const { data } = await client.query<any>({ query: PRODUCTS, variables: { first: 3 } });
    const product = data.products.edges[2].node;
    const before = requests.length;
    const NODE = gql`
      query ProductById($id: ID!) {
        node(id: $id) {
          id
          ... on Product {
            name
          }
        }
      }
    `;
    const again = await client.query<any>({ query: NODE, variables: { id: product.id } });
    expect(again.data.node).toEqual({ __typename: 'Product', id: product.id, name: product.name });
    expect(requests.length).toBe(before);
    // An id the cache does not hold goes to the server.
    const other = (await api.gql(`{ companies(first: 1) { nodes { id name } } }`)).body.data.companies.nodes[0];
    const fetched = await client.query<any>({ query: gql`query CompanyById($id: ID!) { node(id: $id) { id ... on Company { name } } }`, variables: { id: other.id } });
    expect(fetched.data.node.name).toBe(other.name);
    expect(requests.slice(before)).toEqual(['CompanyById']);
  });

  it('normalizes search hits, graph nodes and edges by id', async () => {
    const cache = createTradegraphCache();
    const { client } = clientWith(cache);
    const { data } = await client.query<any>({
      query: gql`
        query Drawable {
          search(text: "Chang'an", first: 3) { id key score node { id } }
          neighbourhood(id: "company:changan-automobile", hops: 1, limit: 20) {
            nodes { id key label node { id } }
            edges { id key source target type }
          }
        }
      `,
    });
    const hit = data.search[0];
    const node = data.neighbourhood.nodes[0];
    const edge = data.neighbourhood.edges[0];
    const store = cache.extract() as Record<string, any>;
    expect(store[`SearchHit:${hit.id}`]).toMatchObject({ key: hit.key, score: hit.score });
    expect(store[`GraphNode:${node.id}`]).toMatchObject({ key: node.key, label: node.label });
    expect(node.id).toBe(node.node.id);
    expect(store[`GraphEdge:${edge.id}`]).toMatchObject({ key: edge.key, type: edge.type });
    // Ids are unique within what was drawn (the cache would merge two pieces otherwise).
    expect(new Set(data.neighbourhood.edges.map((e: any) => e.id)).size).toBe(data.neighbourhood.edges.length);
    expect(new Set(data.neighbourhood.nodes.map((n: any) => n.id)).size).toBe(data.neighbourhood.nodes.length);
  });
});

describe('the typed client (docs/typed-client/operations.ts)', () => {
  it('runs an example operation through Apollo Client with its result and variables typed', async () => {
    const { client } = clientWith(createTradegraphCache());
    // The variables and the result are typed by the document: tsc (npm run build) checks these lines.
    const variables: MotorcycleExportersToAseanQueryVariables = { market: 'market:asean', hsPrefix: '8711' };
    const { data } = await client.query({ query: MotorcycleExportersToAseanDocument, variables });
    const result: MotorcycleExportersToAseanQuery | undefined = data;
    const statements: (string | null)[] = result!.market!.figures.nodes.map((f) => f.statement);
    expect(result!.market?.name).toBe('ASEAN');
    expect(statements.length).toBeGreaterThan(0);
    // The same answer as the operation file sent as text: the typed document is that operation.
    const direct = await api.gql(fs.readFileSync(path.join(PROJECT_ROOT, 'operations', 'motorcycle-exporters-asean.graphql'), 'utf8'), variables);
    expect(direct.body.data.flows.totalCount).toBe(result!.flows.totalCount);
    expect(direct.body.data.market.figures.nodes.map((f: { statement: string }) => f.statement)).toEqual(statements);
  });
});
