/**
 * Depth, page-size, cost and alias limits over the real schema (no database needed).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError, GraphQLSchema, parse, validate, specifiedRules } from 'graphql';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { enforceLimits, maxAliases, queryComplexity, queryDepth, SCHEMA_INTROSPECTION_COST } from '../../src/graphql/limits';
import { LimitsCache } from '../../src/graphql/plugins';

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

const cost = (query: string, variables: Record<string, unknown> = {}) => queryComplexity(schema, parse(query), variables, undefined, 500);
const aliased = (n: number, field: string) => '{ ' + Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ') + ' }';

describe('cost', () => {
  it('multiplies rows by the page size asked for', () => {
    const small = cost('{ regions(first: 10) { nodes { key name } } }');
    const big = cost('{ regions(first: 100) { nodes { key name } } }');
    expect(big.rows).toBe(small.rows * 10);
    expect(big.roundTrips).toBe(small.roundTrips);
  });

  it('counts a round trip per selection, aliases included, and nested (batched) fields once', () => {
    expect(cost('{ company(id: "x") { name } }').roundTrips).toBe(1);
    expect(cost(aliased(10, 'company(id: "x") { name }')).roundTrips).toBe(10);
    // companies (page + count: 2), facilities, locations (1 each, batched over every parent).
    expect(cost('{ companies(first: 20) { nodes { facilities { locations { note } } } } }').roundTrips).toBe(4);
  });

  it('counts introspection: a full __schema is expensive, __typename is free', () => {
    expect(cost('{ __schema { types { name fields { name } } } }').roundTrips).toBe(SCHEMA_INTROSPECTION_COST);
    expect(cost('{ __typename }').complexity).toBe(0);
  });

  it('allows an ordinary provenance query and refuses 2,400 aliased lookups and 300 aliased __schema, by cost alone', () => {
    const defaults = { maxDepth: 8, maxComplexity: 1000, maxPageSize: 500 };
    expect(errorOf('{ companies(first: 20) { nodes { facilities { locations { excerpts { source { title } } } } } } }', {}, defaults)).toBeUndefined();
    expect(errorOf(aliased(2400, 'company(id: "x") { name }'), {}, defaults)?.message).toMatch(/complexity 24\d\d exceeds the maximum of 1000/);
    expect(errorOf(aliased(300, '__schema { queryType { name } }'), {}, defaults)?.message).toMatch(/complexity 30\d\d\d exceeds/);
  });

  it('steps aside when variables do not fit the operation (execution reports BAD_USER_INPUT)', () => {
    for (const n of ['x', 2 ** 40, null, 1.5]) {
      expect(() => enforceLimits(schema, parse('query($n: Int!) { regions(first: $n) { nodes { key } } }'), { n }, undefined, limits)).not.toThrow();
    }
    expect(() => enforceLimits(schema, parse('query($k: FigureSort) { figures(sort: $k) { nodes { key } } }'), { k: 'NOPE' }, undefined, limits)).not.toThrow();
  });

  it('measures operations whose variables hold enums with internal values (found by the fuzzer)', () => {
    const result = enforceLimits(schema, parse('query($f: FactFilter) { facts(filter: $f, first: 5) { totalCount } }'), { f: { type: 'FIGURE' } }, undefined, limits);
    expect(result?.complexity).toBeGreaterThan(0);
  });

  it('refuses nested lists whose product explodes', () => {
    const err = errorOf('{ companies(first: 500) { nodes { tradeFlows(first: 500) { nodes { key excerpts { text } } } } } }');
    expect(err?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(err?.message).toMatch(/complexity \d+ exceeds the maximum of 5000/);
  });
});

describe('aliases', () => {
  const check = (query: string, max: number) => validate(schema, parse(query), [...specifiedRules, maxAliases(max) as never]);
  it('refuses more aliases than the maximum with GRAPHQL_VALIDATION_FAILED, through fragments', () => {
    expect(check(aliased(5, 'company(id: "x") { name }'), 5)).toEqual([]);
    const [err] = check(aliased(6, 'company(id: "x") { name }'), 5);
    expect(err?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', maximum: 5, actual: 6 });
    const viaFragment = check('{ ...F } fragment F on Query { a: serviceInfo { version } b: serviceInfo { version } }', 1);
    expect(viaFragment[0]?.extensions.limit).toBe('aliases');
  });
});

describe('default limits', () => {
  it('allow every operation in operations/ and every example of the README, with room to spare', () => {
    const root = path.join(__dirname, '..', '..');
    const config = loadConfig({});
    const defaults = { maxDepth: config.graphql.maxDepth, maxComplexity: config.graphql.maxComplexity, maxPageSize: config.graphql.maxPageSize };
    const operations = fs.readdirSync(path.join(root, 'operations')).filter((f) => f.endsWith('.graphql')).map((f) => fs.readFileSync(path.join(root, 'operations', f), 'utf8'));
    const readme = [...fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(operations.length).toBeGreaterThan(0);
    expect(readme.length).toBeGreaterThan(0);
    for (const query of [...operations, ...readme]) {
      const doc = parse(query, { maxTokens: config.graphql.maxTokens });
      expect(validate(schema, doc, [...specifiedRules, maxAliases(config.graphql.maxAliases) as never])).toEqual([]);
      const result = enforceLimits(schema, doc, {}, undefined, defaults);
      expect(result!.complexity).toBeLessThan(defaults.maxComplexity / 2);
    }
  });
});

describe('the limits outcome cache (plugins.ts)', () => {
  it('checks a document once per operation and variable set, and refuses again with the same error', () => {
    const cache = new LimitsCache();
    const doc = parse('query($n: Int!) { regions(first: $n) { nodes { key } } }');
    let checks = 0;
    const check = (vars: Record<string, unknown>) => () => {
      checks += 1;
      enforceLimits(schema, doc, vars, undefined, limits);
    };
    cache.enforce(doc, { n: 5 }, undefined, check({ n: 5 }));
    cache.enforce(doc, { n: 5 }, undefined, check({ n: 5 }));
    expect(checks).toBe(1);
    const refuse = () => cache.enforce(doc, { n: 100000 }, undefined, check({ n: 100000 }));
    expect(refuse).toThrow(/maximum page size/);
    let again: unknown;
    try {
      refuse();
    } catch (err) {
      again = err;
    }
    expect(checks).toBe(2);
    expect(again).toBeInstanceOf(GraphQLError);
    expect((again as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'pageSize', actual: 100000 });
    // Another parse of the same text is another document: checked on its own.
    cache.enforce(parse('query($n: Int!) { regions(first: $n) { nodes { key } } }'), { n: 5 }, undefined, check({ n: 5 }));
    expect(checks).toBe(3);
  });

  it('keys on the declared variables only, and checks a value too deep to key without caching it', () => {
    const cache = new LimitsCache();
    const doc = parse('query($n: Int!) { regions(first: $n) { nodes { key } } }');
    let checks = 0;
    const deep = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    // Undeclared variables are not read by the limits: they neither fail the key nor make a new one.
    cache.enforce(doc, { n: 5, extra: deep }, undefined, () => (checks += 1));
    cache.enforce(doc, { n: 5, other: 1 }, undefined, () => (checks += 1));
    expect(checks).toBe(1);
    // A declared variable too deep to write as a key: checked every time, never a stack overflow.
    const deepDoc = parse('query($n: Int!, $f: TradeFlowFilter) { regions(first: $n) { nodes { key } } }');
    cache.enforce(deepDoc, { n: 5, f: deep }, undefined, () => (checks += 1));
    cache.enforce(deepDoc, { n: 5, f: deep }, undefined, () => (checks += 1));
    expect(checks).toBe(3);
  });

  it('keeps a bounded number of variable sets per document', () => {
    const cache = new LimitsCache();
    const doc = parse('query($n: Int!) { regions(first: $n) { nodes { key } } }');
    let checks = 0;
    for (let n = 0; n <= LimitsCache.PER_DOCUMENT; n++) cache.enforce(doc, { n }, undefined, () => (checks += 1));
    cache.enforce(doc, { n: 0 }, undefined, () => (checks += 1));
    expect(checks).toBe(LimitsCache.PER_DOCUMENT + 2);
  });
});
