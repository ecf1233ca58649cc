/**
 * HTTP hardening shared by every route: security headers (helmet), the content-security policy of
 * the offline pages, the CSRF rule for pasted GET links, and the JSON answers for requests that
 * never reach GraphQL (bad bodies, unknown paths, unexpected errors). No HTML error page, file path
 * or stack trace ever leaves the server.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import Negotiator from 'negotiator';
import type { Logger } from '../logger';
import { PROJECT_ROOT } from '../neo4j/queries';

/** The pages' folder: their inline scripts are allowed by hash, nothing else inline. */
const PAGES_DIR = path.join(PROJECT_ROOT, 'src', 'http');

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

/** CSP hashes ('sha256-...') of every inline <script> of the served pages, computed at start-up. */
export function inlineScriptHashes(dir: string = PAGES_DIR): string[] {
  const hashes = new Set<string>();
  for (const file of htmlFiles(dir)) {
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      hashes.add(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    }
  }
  return [...hashes];
}

/**
 * The policy of tradegraph's own pages (/explore, /graphiql, /): everything from this origin, inline
 * scripts only by hash, no plugins, no framing. Styles may be inline (GraphiQL and the chart and
 * graph libraries set them at run time). No `upgrade-insecure-requests`: the server speaks plain
 * HTTP on a developer's machine.
 */
export function pageDirectives(scriptHashes: string[]): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...scriptHashes],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
    upgradeInsecureRequests: null,
  };
}

/** Apollo's landing page at /graphql embeds Sandbox (or Explorer) from Apollo's CDN. */
const APOLLO_LANDING: Record<string, string[] | null> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://embeddable-sandbox.cdn.apollographql.com', 'https://embeddable-explorer.cdn.apollographql.com', 'https://apollo-server-landing-page.cdn.apollographql.com'],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com', 'https://apollo-server-landing-page.cdn.apollographql.com'],
  fontSrc: ["'self'", 'https://fonts.gstatic.com'],
  imgSrc: ["'self'", 'data:', 'https://apollo-server-landing-page.cdn.apollographql.com'],
  manifestSrc: ["'self'", 'https://apollo-server-landing-page.cdn.apollographql.com'],
  frameSrc: ["'self'", 'https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** helmet's headers on every response; the CSP depends on the path (see the two policies above). */
export function securityHeaders(): express.RequestHandler {
  const pages = helmet({ contentSecurityPolicy: { directives: pageDirectives(inlineScriptHashes()) } });
  const landing = helmet({ contentSecurityPolicy: { directives: APOLLO_LANDING } });
  return (req, res, next) => (req.path === '/graphql' || req.path.startsWith('/graphql/') ? landing : pages)(req, res, next);
}

/**
 * A GraphQL link pasted into a browser or given to curl (`GET /graphql?query={...}`) runs the query:
 *   - Apollo's CSRF prevention refuses GETs without a preflight-forcing header. A GET can only run
 *     queries (Apollo answers 405 to a mutation over GET), and what CSRF guards against is a request
 *     another site's page makes the browser send. Browsers say where a request comes from in
 *     `Sec-Fetch-Site`: a typed or pasted URL is `none`, a page of this server `same-origin`, and
 *     non-browser clients send none. Those are let through; a GET made by another site's page
 *     (`cross-site`, `same-site`) still needs the header, as does every POST that is not JSON.
 *   - A browser's navigation prefers text/html, which Apollo answers with its landing page; when
 *     the URL carries a query the answer is the JSON result instead.
 */
export function graphqlGetLinks(): express.RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' && typeof req.query.query === 'string') {
      const site = req.get('sec-fetch-site');
      if (site === undefined || site === 'none' || site === 'same-origin') req.headers['apollo-require-preflight'] = 'not-cross-site';
      const accept = req.get('accept');
      if (accept && new Negotiator({ headers: { accept } }).mediaType(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html') {
        req.headers.accept = 'application/json';
      }
    }
    next();
  };
}

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** body-parser's error types, as GraphQL-style codes. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'BAD_REQUEST',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'request.aborted': 'BAD_REQUEST',
  'request.size.invalid': 'BAD_REQUEST',
  'entity.verify.failed': 'BAD_REQUEST',
  'parameters.too.many': 'BAD_REQUEST',
};

function errorBody(message: string, code: string): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/** Unknown paths: a JSON 404, not Express's HTML page. */
export function notFound(): express.RequestHandler {
  return (req, res) => {
    res.status(404).json(errorBody(`Nothing at ${req.method} ${req.path}; GraphQL is at /graphql`, 'NOT_FOUND'));
  };
}

/**
 * The last handler: client errors (bad JSON, a body too large, an unsupported charset) answer 4xx
 * with a GraphQL-shaped JSON body and one info line in the log; anything else is an internal error
 * (500, a generic message, one error line with the stack as a JSON field).
 */
export function errorHandler(log: Logger): express.ErrorRequestHandler {
  return (err: HttpError, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (err.type && BODY_ERRORS[err.type]) ?? 'BAD_REQUEST';
      const message = err.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : err.expose !== false ? err.message : 'Bad request';
      log.info({ status, code, method: req.method, path: req.path }, 'refused a malformed request');
      res.status(status).type('application/json').send(JSON.stringify(errorBody(message, code)));
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'unexpected error in an HTTP request');
    res.status(500).type('application/json').send(JSON.stringify(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR')));
  };
}
