/**
 * Runs GraphQL operations against the app's schema (plus the linkage and analytics resolvers, in
 * case src/domain/index.ts does not list them yet) over the real test Neo4j, via graphql's
 * `execute` and the production request context.
 */
import { execute, GraphQLSchema, parse } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { loadConfig } from '../../src/config';
import { domainResolvers } from '../../src/domain';
import { analyticsResolvers } from '../../src/domain/analytics';
import { linkageResolvers } from '../../src/domain/linkage';
import { Company } from '../../src/domain/company/company.type';
import { Facility } from '../../src/domain/facility/facility.type';
import { Figure } from '../../src/domain/figure/figure.type';
import { Market } from '../../src/domain/market/market.type';
import { Policy } from '../../src/domain/policy/policy.type';
import { Product } from '../../src/domain/product/product.type';
import { Region } from '../../src/domain/region/region.type';
import { Excerpt, Source } from '../../src/domain/source/source.type';
import { TradeFlow } from '../../src/domain/trade-flow/trade-flow.type';
import { createRequestContext } from '../../src/graphql/context';
import { MetaResolver } from '../../src/graphql/meta.resolver';
import type { Database } from '../../src/neo4j/database';
import { QueryCatalog } from '../../src/neo4j/queries';

export interface GqlResult {
  data?: any;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult & { queries: number }>;

let schema: Promise<GraphQLSchema> | undefined;

export function linkageSchema(): Promise<GraphQLSchema> {
  const resolvers = [...new Set([MetaResolver, ...domainResolvers, ...linkageResolvers, ...analyticsResolvers])];
  // Every entity type, in case no resolver of the schema references it yet (GraphNode.node can be any).
  const orphanedTypes = [Company, Market, Region, Product, Policy, Facility, Figure, TradeFlow, Source, Excerpt];
  schema ??= buildSchema({ resolvers: resolvers as unknown as NonEmptyArray<Function>, orphanedTypes, validate: false });
  return schema;
}

export function gqlOver(db: () => Database): Gql {
  const config = loadConfig({ NODE_ENV: 'test' });
  const queries = new QueryCatalog();
  return async (query, variables) => {
    const ctx = createRequestContext({ config, db: db(), queries }, false);
    const result = (await execute({ schema: await linkageSchema(), document: parse(query), contextValue: ctx, variableValues: variables })) as GqlResult;
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
