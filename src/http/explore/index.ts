/**
 * The graph explorer at /explore: search the graph, draw an entity's neighbourhood, read the
 * evidence behind every edge and fact, and highlight how two entities are connected.
 *
 * Like /graphiql it works offline and needs no build step: the page, its script and styles are
 * static files in this folder, and the graph library (cytoscape, with the fcose layout and its
 * two helper packages) is served from the UMD builds the npm packages ship. The page talks only
 * to the public GraphQL endpoint (../graphql).
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../../neo4j/queries';
import { packageDir } from '../explorer';

/** The page's own files, read from the source tree (not dist/): they are static, not compiled. */
const PAGE_DIR = path.join(PROJECT_ROOT, 'src', 'http', 'explore');
const PAGE_FILES: Record<string, string> = {
  'explore.js': 'explore.js',
  'explore.css': 'explore.css',
};

/**
 * The libraries, each as [package, file, package that depends on it]. fcose's helpers are its
 * dependencies, so they are resolved from fcose's folder (correct even if npm nests them).
 * Load order in index.html: layout-base, cose-base, cytoscape-fcose (each UMD build reads the
 * previous one from a global).
 */
const LIBRARIES: Record<string, [pkg: string, file: string, from?: string]> = {
  'cytoscape.min.js': ['cytoscape', 'dist/cytoscape.min.js'],
  'layout-base.js': ['layout-base', 'layout-base.js', 'cose-base'],
  'cose-base.js': ['cose-base', 'cose-base.js', 'cytoscape-fcose'],
  'cytoscape-fcose.js': ['cytoscape-fcose', 'cytoscape-fcose.js'],
};

/** The folder of `pkg` as `from` (a package name) sees it, or as this project sees it. */
function resolvePackage(pkg: string, from?: string): string {
  if (!from) return packageDir(pkg);
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [resolvePackage(from, dependentOf(from))] });
  return path.dirname(manifest);
}

/** Who depends on `pkg` in LIBRARIES (cose-base is fcose's, layout-base is cose-base's). */
function dependentOf(pkg: string): string | undefined {
  return Object.values(LIBRARIES).find(([p]) => p === pkg)?.[2];
}

/** Every asset name mapped to its file on disk; throws at start-up if a package is missing. */
export function exploreAssets(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, [pkg, file, from]] of Object.entries(LIBRARIES)) files[name] = path.join(resolvePackage(pkg, from), file);
  for (const [name, file] of Object.entries(PAGE_FILES)) files[name] = path.join(PAGE_DIR, file);
  for (const [name, file] of Object.entries(files)) {
    if (!fs.existsSync(file)) throw new Error(`explorer asset ${name} not found at ${file}`);
  }
  return files;
}

export function exploreRouter(): express.Router {
  const router = express.Router();
  const page = path.join(PAGE_DIR, 'index.html');
  const assets = exploreAssets();
  router.get('/', (req, res, next) => {
    // Relative URLs (assets/..., ../graphql) need the trailing slash.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, req.baseUrl + '/');
    res.sendFile(page, (err) => err && next(err));
  });
  router.get('/assets/:name', (req, res, next) => {
    const file = assets[req.params.name];
    if (!file) return next();
    // The page's own script and styles change with the code; the libraries only with their version.
    const own = req.params.name in PAGE_FILES;
    res.sendFile(file, { maxAge: own ? 0 : '1d' }, (err) => err && next(err));
  });
  return router;
}
