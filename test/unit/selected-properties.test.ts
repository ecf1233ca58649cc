/**
 * The properties a request reads per node type (src/domain/shared/selected-properties.ts), from the
 * real schema: plain fields are properties, resolver fields are not, interfaces' fields go to their
 * implementations, fragments count wherever they are spread; and a projected row reads back as the
 * whole node would.
 */
import 'reflect-metadata';
import { GraphQLSchema, OperationDefinitionNode, parse, FragmentDefinitionNode } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { propertiesOfOperation } from '../../src/domain/shared/selected-properties';
import { projectedValue } from '../../src/domain/shared/to-value';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

function properties(source: string): Record<string, string[]> {
  const doc = parse(source);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  return Object.fromEntries([...propertiesOfOperation({ schema, operation, fragments })].map(([t, names]) => [t, [...names].sort()]));
}

describe('selected properties', () => {
  it('reads the plain fields of each type, `key` as `id`, and no property for a resolver field', () => {
    const p = properties('{ companies(first: 2) { nodes { key name tradeFlows(first: 3) { nodes { key value currency trader { key } product { name } } } } } }');
    expect(p.Company).toEqual(['id', 'name']);
    expect(p.TradeFlow).toEqual(['currency', 'id', 'value']);
    expect(p.Product).toEqual(['id', 'name']);
  });

  it('gives an object selected with resolver fields only its id', () => {
    const p = properties('{ product(id: "hs2022:8711") { tradeFlows(first: 1) { nodes { trader { tradeFlows(first: 1) { totalCount } } } } } }');
    expect(p.Company).toEqual(['id']);
    expect(p.TradeFlow).toEqual(['id']);
  });

  it("counts an interface's fields for every implementation, and inline fragments and named fragments by their type", () => {
    const p = properties(`
      query { facts(first: 5) { nodes { periodStart ... on TradeFlow { direction } ...F } } tradeFlow(id: "x") { to { ... on Region { name iso3 } ... on Market { key } } } }
      fragment F on Figure { metric }`);
    expect(p.TradeFlow).toEqual(['direction', 'id', 'periodStart']);
    expect(p.Figure).toEqual(['id', 'metric', 'periodStart']);
    expect(p.Region).toEqual(['id', 'iso3', 'name']);
    expect(p.Market).toEqual(['id']);
  });

  it('unions the selections of one type across the operation (every node of a type carries the same properties)', () => {
    const p = properties('{ a: tradeFlow(id: "x") { trader { name } } b: companies(first: 1) { nodes { aliases nameZh } } }');
    expect(p.Company).toEqual(['aliases', 'id', 'name', 'nameZh']);
  });

  it('projects nothing for a schema whose plain fields were not noted (its resolvers may be wrapped)', async () => {
    const { buildSchema } = await import('graphql');
    const bare = buildSchema('type Query { a: A } type A { id: ID x: Int }');
    const operation = parse('{ a { x } }').definitions[0] as OperationDefinitionNode;
    expect(propertiesOfOperation({ schema: bare, operation, fragments: {} }).size).toBe(0);
  });

  it('reads a projection back as the whole node reads: absent properties stay absent, defaults apply', () => {
    const v = projectedValue('Company', ['id', 'name', 'aliases'], ['company:x', 'X Co.', null]);
    expect(v).toEqual({ __typename: 'Company', id: expect.any(String), key: 'company:x', name: 'X Co.', aliases: [] });
  });
});
