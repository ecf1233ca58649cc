/**
 * The client artefacts beside the SDL (schema/possible-types.json, schema/connection-fields.json)
 * are what the code builds, and the generator finds interfaces, unions and connection fields.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { clientArtefacts, connectionFieldsOf, possibleTypesOf } from '../../src/graphql/client-artefacts';
import { TYPED_CLIENT_FILE } from '../../src/graphql/typed-client';
import { exampleOperations } from '../../src/operations';
import { PROJECT_ROOT } from '../../src/paths';

const REGENERATE = 'npm run build && node dist/src/cli/main.js schema --write';

describe('schema client artefacts', () => {
  it('match the schema the code builds', async () => {
    for (const { file, text } of clientArtefacts(await buildAppSchema())) {
      const checkedIn = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (checkedIn !== text) throw new Error(`${file} is stale. Regenerate it: ${REGENERATE}`);
    }
  });

  // Code Generator's plugins load ES modules, which Jest's CommonJS runtime cannot: the check runs in
  // the built CLI (`npm test` builds first), exactly as a developer runs it.
  it('the typed client (docs/typed-client/operations.ts) is what codegen makes of the schema and operations/', () => {
    const check = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js'), 'schema', '--check'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`schema --check failed (${check.status}): ${check.stderr}${check.stdout}. Regenerate: ${REGENERATE}`);
    expect(check.stderr + check.stdout).toContain(path.relative(PROJECT_ROOT, TYPED_CLIENT_FILE));
    // One typed document per example operation, typed by its result and variables.
    const text = fs.readFileSync(TYPED_CLIENT_FILE, 'utf8');
    for (const op of exampleOperations()) {
      const name = op.operationName!;
      expect(text).toMatch(new RegExp(`export const ${name}Document = .* as unknown as DocumentNode<${name}Query, ${name}QueryVariables>;`));
    }
  });

  const tiny = buildSchema(`
    interface Node { id: ID! }
    interface Named implements Node { id: ID! name: String }
    type A implements Node & Named { id: ID! name: String items(first: Int, after: String, last: Int, before: String, filter: String, sort: String): ItemConnection! }
    type B implements Node { id: ID! }
    union AB = A | B
    type Item { id: ID! }
    type ItemEdge { cursor: String! node: Item! }
    type PageInfo { hasNextPage: Boolean! }
    type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! }
    type NotAConnection { edges: [Item!]! pageInfo: PageInfo! }
    type Query { items(first: Int): ItemConnection! other: NotAConnection! a: A }
  `);

  it('maps each interface and union to its object types', () => {
    expect(possibleTypesOf(tiny)).toEqual({ AB: ['A', 'B'], Named: ['A'], Node: ['A', 'B'] });
  });

  it('lists connection fields with their non-paging arguments as keyArgs', () => {
    expect(connectionFieldsOf(tiny)).toEqual({ A: { items: ['filter', 'sort'] }, Query: { items: [] } });
  });

  it('the real schema pages every root list', async () => {
    const fields = connectionFieldsOf(await buildAppSchema());
    expect(Object.keys(fields.Query!)).toEqual(expect.arrayContaining(['companies', 'products', 'regions', 'markets', 'tradeFlows', 'figures']));
  });
});
