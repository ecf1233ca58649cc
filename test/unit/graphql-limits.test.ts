/**
 * Depth, page-size and complexity limits over the real schema (no database needed).
 */
import 'reflect-metadata';
import { GraphQLError, GraphQLSchema, parse } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { enforceLimits, queryComplexity, queryDepth } from '../../src/graphql/limits';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const limits = { maxDepth: 8, maxComplexity: 5000, maxPageSize: 500 };

function errorOf(query: string, variables: Record<string, unknown> = {}, l = limits): GraphQLError | undefined {
  try {
    enforceLimits(schema, parse(query), variables, undefined, l);
  } catch (e) {
    return e as GraphQLError;
  }
  return undefined;
}

describe('query depth', () => {
  it('counts nested fields through fragments and ignores introspection', () => {
    expect(queryDepth(parse('{ regions { nodes { key } } }'))).toBe(3);
    expect(queryDepth(parse('query { company(id: "x") { ...F } } fragment F on Company { tradeFlows { nodes { product { key } } } }'))).toBe(5);
    expect(queryDepth(parse('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'))).toBe(0);
  });

  it('refuses deeper queries with GRAPHQL_VALIDATION_FAILED and status 400', () => {
    const err = errorOf('{ region(id: "x") { parent { parent { parent { parent { parent { parent { parent { key } } } } } } } } }');
    expect(err?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(err?.message).toMatch(/depth 9 exceeds the maximum of 8/);
    expect(err?.extensions.http).toEqual({ status: 400 });
  });
});

describe('page size', () => {
  it('refuses first/last above the maximum, from literals or variables', () => {
    expect(errorOf('{ regions(first: 501) { nodes { key } } }')?.extensions.code).toBe('BAD_USER_INPUT');
    expect(errorOf('query($n: Int) { companies { nodes { tradeFlows(last: $n) { nodes { key } } } } }', { n: 1000 })?.message).toMatch(/`last` of `tradeFlows`.*500/);
    expect(errorOf('{ regions(first: 500) { nodes { key } } }')).toBeUndefined();
  });
});

describe('complexity', () => {
  it('multiplies children by the page size asked for', () => {
    const small = queryComplexity(schema, parse('{ regions(first: 10) { nodes { key name } } }'), {}, undefined, 500).complexity;
    const big = queryComplexity(schema, parse('{ regions(first: 100) { nodes { key name } } }'), {}, undefined, 500).complexity;
    expect(big).toBeGreaterThan(small * 5);
  });

  it('refuses nested lists whose product explodes', () => {
    const err = errorOf('{ companies(first: 500) { nodes { tradeFlows(first: 500) { nodes { key excerpts { text } } } } } }');
    expect(err?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(err?.message).toMatch(/complexity \d+ exceeds the maximum of 5000/);
  });
});
