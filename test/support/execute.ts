/**
 * Runs GraphQL operations against the app's own schema over the real test Neo4j, via graphql's
 * `execute` and the production request context (no HTTP in between).
 */
import { execute, GraphQLSchema, parse } from 'graphql';
import { loadConfig } from '../../src/config';
import { createRequestContext } from '../../src/graphql/context';
import { buildAppSchema } from '../../src/graphql/schema';
import type { Database } from '../../src/neo4j/database';
import { QueryCatalog } from '../../src/neo4j/queries';
import { testEnv } from './neo4j';

export interface GqlResult {
  data?: any;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult & { queries: number }>;

let schema: Promise<GraphQLSchema> | undefined;

/** The app's schema, built once per test file. */
export function appSchema(): Promise<GraphQLSchema> {
  schema ??= buildAppSchema();
  return schema;
}

export function gqlOver(db: () => Database): Gql {
  const config = loadConfig({ ...testEnv(), NODE_ENV: 'test' });
  const queries = new QueryCatalog();
  return async (query, variables) => {
    const ctx = createRequestContext({ config, db: db(), queries }, false);
    const result = (await execute({ schema: await appSchema(), document: parse(query), contextValue: ctx, variableValues: variables })) as GqlResult;
    return { ...result, queries: ctx.stats.queries };
  };
}

/** The data of a result that must have no errors (fails the test with the errors otherwise). */
export function ok(result: GqlResult): any {
  expect(result.errors ?? []).toEqual([]);
  return result.data;
}

/** The first error's code and message of a result that must fail. */
export function failure(result: GqlResult): { code: unknown; message: string } {
  expect(result.errors?.length).toBeGreaterThan(0);
  const e = result.errors![0]!;
  return { code: e.extensions?.code, message: e.message };
}
