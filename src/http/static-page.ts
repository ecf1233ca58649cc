/**
 * One way to serve a static page: the front door (/), GraphiQL (/graphiql) and the explorer
 * (/explore) are each an index.html in a source folder, their own script and styles beside it,
 * and libraries from the npm packages that ship them (no CDN, no build step: offline).
 *
 * A page has no inline script or style and asks for nothing off its origin, so a strict
 * Content-Security-Policy (default-src 'self') holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../neo4j/queries';

/** The source folder of a page: its files are read from the source tree (static, not compiled). */
export function pageDir(...parts: string[]): string {
  return path.join(PROJECT_ROOT, 'src', 'http', ...parts);
}

/**
 * The folder of an installed package. Packages with an `exports` map hide files such as their
 * UMD builds from require.resolve, so find the package root from its main entry instead.
 * With `from` (a package folder), the package as that package sees it (a nested dependency).
 */
export function packageDir(pkg: string, from?: string): string {
  if (from) return path.dirname(require.resolve(`${pkg}/package.json`, { paths: [from] }));
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== pkg) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package folder of ${pkg} not found`);
    dir = up;
  }
  return dir;
}

export interface StaticPage {
  /** The page's source folder, holding index.html and `ownFiles`. */
  dir: string;
  /** The page's own assets (names of files in `dir`): they change with the code, so are not cached. */
  ownFiles?: string[];
  /** Library assets: name -> file on disk (cached a day: they change only with their package version). */
  libraries?: Record<string, string>;
  /** Files shown as plain UTF-8 text under the page, e.g. the SDL: name -> file on disk. */
  texts?: Record<string, string>;
  /** Further JSON documents under the page, e.g. `operations.json`, computed once. */
  json?: Record<string, () => unknown>;
}

/** Every asset name of a page mapped to its file; throws at start-up when one is missing. */
export function pageAssets(page: StaticPage): Record<string, string> {
  const files: Record<string, string> = { ...page.libraries };
  for (const name of page.ownFiles ?? []) files[name] = path.join(page.dir, name);
  for (const [name, file] of Object.entries(files)) {
    if (!fs.existsSync(file)) throw new Error(`page asset ${name} not found at ${file}`);
  }
  return files;
}

/** A router serving the page at its mount point (with the trailing slash relative URLs need) and its assets under assets/. */
export function staticPageRouter(page: StaticPage): express.Router {
  const router = express.Router();
  const index = path.join(page.dir, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`page ${index} not found`);
  const assets = pageAssets(page);
  const own = new Set(page.ownFiles ?? []);
  router.get('/', (req, res, next) => {
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, req.baseUrl + '/');
    res.sendFile(index, { maxAge: 0 }, (err) => err && next(err));
  });
  router.get('/assets/:name', (req, res, next) => {
    const file = assets[req.params.name];
    if (!file) return next();
    res.sendFile(file, { maxAge: own.has(req.params.name) ? 0 : '1d' }, (err) => err && next(err));
  });
  for (const [name, file] of Object.entries(page.texts ?? {})) {
    if (!fs.existsSync(file)) throw new Error(`page text ${name} not found at ${file}`);
    router.get(`/${name}`, (_req, res, next) => {
      res.type('text/plain; charset=utf-8');
      res.sendFile(file, { maxAge: 0, headers: { 'content-type': 'text/plain; charset=utf-8' } }, (err) => err && next(err));
    });
  }
  for (const [name, make] of Object.entries(page.json ?? {})) {
    let body: unknown;
    router.get(`/${name}`, (_req, res) => {
      body ??= make();
      res.json(body);
    });
  }
  return router;
}
