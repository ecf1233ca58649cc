/**
 * A GraphQL IDE that works offline: GraphiQL and React served from their npm packages at
 * /graphiql, beside Apollo's landing page at /graphql (which loads Sandbox from the internet).
 * The repository's example operations (operations/*.graphql) are offered as tabs and in an
 * "Examples" panel (served as /graphiql/operations.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';
import { PROJECT_ROOT } from '../neo4j/queries';
import { packageDir, pageDir, staticPageRouter } from './static-page';

export const OPERATIONS_DIR = path.join(PROJECT_ROOT, 'operations');

export interface ExampleOperation {
  /** File name without .graphql, e.g. motorcycle-exporters-asean. */
  name: string;
  /** The operation's name in the document, e.g. MotorcycleExportersToAsean. */
  operationName: string | null;
  /** The file's first comment line: what the operation asks. */
  title: string;
  query: string;
  /** The operation's variables file (`<name>.variables.json`) as text, when it has one. */
  variables: string | null;
}

/** The example operations, in file-name order. */
export function exampleOperations(dir: string = OPERATIONS_DIR): ExampleOperation[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = fs.readFileSync(path.join(dir, file), 'utf8');
      const title = /^#\s*(.+)$/m.exec(query)?.[1]?.trim() ?? file;
      const operationName = /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/m.exec(query)?.[1] ?? null;
      const varsFile = path.join(dir, file.replace(/\.graphql$/, '.variables.json'));
      const variables = fs.existsSync(varsFile) ? fs.readFileSync(varsFile, 'utf8') : null;
      return { name: file.replace(/\.graphql$/, ''), operationName, title, query, variables };
    });
}

export function graphiqlRouter(): express.Router {
  const lib = (pkg: string, file: string) => path.join(packageDir(pkg), file);
  return staticPageRouter({
    dir: pageDir('explorer'),
    ownFiles: ['graphiql-page.js', 'graphiql-page.css'],
    libraries: {
      'graphiql.min.js': lib('graphiql', 'graphiql.min.js'),
      'graphiql.min.css': lib('graphiql', 'graphiql.min.css'),
      'react.production.min.js': lib('react', 'umd/react.production.min.js'),
      'react-dom.production.min.js': lib('react-dom', 'umd/react-dom.production.min.js'),
    },
    json: { 'operations.json': () => exampleOperations() },
  });
}
