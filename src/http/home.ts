/**
 * The front door at /: what tradegraph is and links to everything a visitor can use here:
 * Apollo Sandbox (/graphql), GraphiQL (/graphiql/), the explorer (/explore/), the health and
 * readiness probes, and the documents a client needs (SDL, possibleTypes, connection fields,
 * the model and the README), served as plain text under /docs/.
 */
import path from 'node:path';
import type express from 'express';
import { PROJECT_ROOT } from '../neo4j/queries';
import { pageDir, staticPageRouter } from './static-page';

const inRepo = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);

/** The documents linked from the front door, each at /docs/<name>. */
export const HOME_DOCS: Record<string, string> = {
  'README.md': inRepo('README.md'),
  'model.md': inRepo('docs', 'model.md'),
  'schema.graphql': inRepo('schema', 'schema.graphql'),
  'possible-types.json': inRepo('schema', 'possible-types.json'),
  'connection-fields.json': inRepo('schema', 'connection-fields.json'),
  'apollo-cache.ts': inRepo('docs', 'apollo-client', 'cache.ts'),
  'persisted-operations.json': inRepo('schema', 'persisted-operations.json'),
};

export function homeRouter(): express.Router {
  return staticPageRouter({
    dir: pageDir('home'),
    ownFiles: ['home.css'],
    texts: Object.fromEntries(Object.entries(HOME_DOCS).map(([name, file]) => [`docs/${name}`, file])),
  });
}
