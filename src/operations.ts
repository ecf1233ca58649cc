/**
 * The repository's example operations (operations/*.graphql, each with an optional
 * `<name>.variables.json`): what GraphiQL offers as tabs (http/explorer.ts), what the persisted
 * operation manifest lists (graphql/persisted-operations.ts), what tests and bench/load.ts run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

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
