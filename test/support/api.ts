/**
 * Test harness for the GraphQL API suites: the real HTTP app over the test Neo4j, and a `gql`
 * helper that posts an operation (optionally asking for Cypher statistics).
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { createLogger, Logger } from '../../src/logger';
import type { Database } from '../../src/neo4j/database';
import { QueryCatalog } from '../../src/neo4j/queries';
import { testEnv } from './neo4j';

export interface GqlResponse {
  status: number;
  body: { data?: any; errors?: any[]; extensions?: any };
}

export interface ApiHarness {
  /** The app's base URL, e.g. http://127.0.0.1:41234 (set once the suite has started). */
  base(): string;
  /**
   * Posts an operation. It accepts what current clients (Apollo Client 4, graphql-http) accept:
   * application/graphql-response+json first, so client mistakes come back 4xx; `accept` overrides.
   */
  gql(query: string, variables?: Record<string, unknown>, opts?: { stats?: boolean; accept?: string }): Promise<GqlResponse>;
}

/** Starts the HTTP app before the suite (after the graph is reset) and stops it after. */
export function useApi(db: () => Database, env: Record<string, string> = {}, log: Logger = createLogger('silent')): ApiHarness {
  let app: HttpApp | undefined;
  let base = '';
  beforeAll(async () => {
    const config = loadConfig({ ...testEnv(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...env });
    app = await createHttpApp(await buildAppSchema(), { config, db: db(), queries: new QueryCatalog() }, log);
    await app.listen();
    base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    base: () => base,
    async gql(query, variables = {}, opts = {}) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: opts.accept ?? 'application/graphql-response+json, application/json;q=0.9',
          ...(opts.stats ? { 'x-tradegraph-stats': '1' } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlResponse['body'] };
    },
  };
}

/** Fails with the GraphQL errors in the message when a response has any. */
export function dataOf(res: GqlResponse): any {
  if (res.body.errors?.length) throw new Error(`GraphQL errors (status ${res.status}): ${JSON.stringify(res.body.errors, null, 1)}`);
  return res.body.data;
}

/** A logger whose JSON lines the test can read (`lines()`), at info level and above. */
export function capturedLogger(): { log: Logger; lines: () => Record<string, any>[] } {
  const written: string[] = [];
  const log = createLogger('info', { write: (line: string) => void written.push(line) });
  return { log, lines: () => written.map((l) => JSON.parse(l) as Record<string, any>) };
}
