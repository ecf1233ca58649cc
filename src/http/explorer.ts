/**
 * A GraphQL IDE that works offline: GraphiQL and React served from their npm packages at
 * /graphiql, beside Apollo's landing page at /graphql (which loads Sandbox from the internet).
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../neo4j/queries';

/** The files the page needs, each from the package that ships it (no CDN, no build step). */
const ASSETS: Record<string, [pkg: string, file: string]> = {
  'graphiql.min.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css'],
  'react.production.min.js': ['react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js'],
};

/**
 * The folder of an installed package. Packages with an `exports` map hide files such as their
 * UMD builds from require.resolve, so find the package root from its main entry instead.
 */
export function packageDir(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== pkg) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package folder of ${pkg} not found`);
    dir = up;
  }
  return dir;
}

export function graphiqlRouter(): express.Router {
  const router = express.Router();
  // Read from the source tree (not dist/): the page is a static asset, not compiled.
  const page = path.join(PROJECT_ROOT, 'src', 'http', 'explorer', 'index.html');
  const resolved = Object.fromEntries(Object.entries(ASSETS).map(([name, [pkg, file]]) => [name, path.join(packageDir(pkg), file)]));
  router.get('/', (req, res, next) => {
    // Relative asset URLs need the trailing slash.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, req.baseUrl + '/');
    res.sendFile(page, (err) => err && next(err));
  });
  router.get('/assets/:name', (req, res, next) => {
    const file = resolved[req.params.name];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1d' }, (err) => err && next(err));
  });
  return router;
}
