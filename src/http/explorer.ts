/**
 * A GraphQL IDE that works offline: GraphiQL and React served from their npm packages at
 * /graphiql, beside Apollo's landing page at /graphql (which loads Sandbox from the internet).
 * The repository's example operations (operations/*.graphql) are offered as tabs and in an
 * "Examples" panel (served as /graphiql/operations.json).
 */
import path from 'node:path';
import type express from 'express';
import { exampleOperations } from '../operations';
import { packageDir, pageDir, staticPageRouter } from './static-page';

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
