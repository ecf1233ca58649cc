/**
 * The HTTP front: Express with GraphQL at /graphql, /health (process alive) and /ready
 * (Neo4j reachable and migrations applied, answered within READY_TIMEOUT_MS whatever Neo4j does).
 * CORS is an allowlist; Apollo's CSRF prevention stays on (pasted GET links: http/security.ts);
 * helmet's headers on everything; errors outside GraphQL answer JSON, never an HTML page.
 */
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import cors from 'cors';
import express from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../logger';
import { authenticate, createVerifier } from '../auth';
import { AppServices, createRequestContext, RequestContext } from '../graphql/context';
import { createApolloServer } from '../graphql/server';
import { STATS_HEADER } from '../graphql/stats.plugin';
import { migrationsApplied } from '../neo4j/migrations';
import { changeFeedRouter } from './change-feed';
import { graphiqlRouter } from './explorer';
import { exploreRouter } from './explore';
import { homeRouter } from './home';
import { errorHandler, graphqlGetLinks, notFound, securityHeaders } from './security';

/** /ready answers within this, even when Neo4j hangs (a probe must not hang with it). */
export const READY_TIMEOUT_MS = 800;

/** Resolves to the work's result, or rejects with a timeout after `ms`. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface HttpApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Listens on the configured host and port (0 = a free port); resolves to the bound port. */
  listen(): Promise<number>;
  /** Drains HTTP connections and stops Apollo; the caller closes the database afterwards. */
  close(): Promise<void>;
}

export async function createHttpApp(schema: GraphQLSchema, services: AppServices, log: Logger): Promise<HttpApp> {
  const { config } = services;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(schema, config, log, httpServer);
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    try {
      const applied = await within(READY_TIMEOUT_MS, services.db.verifyConnectivity().then(() => migrationsApplied(services.db)));
      if (!applied) {
        res.status(503).json({ status: 'not ready', reason: 'migrations not applied' });
        return;
      }
      res.json({ status: 'ready', database: services.db.name });
    } catch (err) {
      res.status(503).json({ status: 'not ready', reason: 'Neo4j unreachable: ' + (err as Error).message.split('\n')[0] });
    }
  });

  // Server-sent events of applied curation changes, polled from the graph (any replica serves them).
  const changeFeed = changeFeedRouter(services, log);
  app.use('/changes', changeFeed.router);
  app.use('/graphiql', graphiqlRouter());
  app.use('/explore', exploreRouter());
  app.use('/', homeRouter());

  const verify = createVerifier(config.auth);
  const corsOptions: cors.CorsOptions = { origin: config.graphql.corsOrigins, credentials: true };
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(corsOptions),
    graphqlGetLinks(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      // A bad or expired token is refused here (401 UNAUTHENTICATED), before anything runs.
      context: async ({ req, res }) =>
        createRequestContext(
          services,
          config.graphql.debugStats || req.header(STATS_HEADER) === '1',
          await authenticate(config.auth, verify, req.header('authorization')),
          closedSignal(res),
        ),
    }),
  );

  // Last: unknown paths and errors outside GraphQL (bad JSON, too large, bad charset) answer JSON.
  // Routes added to this app go above these two lines.
  app.use(notFound());
  app.use(errorHandler(log));

  return {
    app,
    httpServer,
    apollo,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: () => {
      changeFeed.close();
      return apollo.stop();
    },
  };
}

/** Aborted when the response closes (sent, or the client went away): the request's Neo4j work stops then. */
function closedSignal(res: express.Response): AbortSignal {
  const closed = new AbortController();
  // Each read of the request that waits for a warm-up turn listens to it (neo4j/warm-up-limit.ts):
  // more than Node's default of 10 is expected, and bounded by the request's limits, not a leak.
  setMaxListeners(0, closed.signal);
  res.once('close', () => closed.abort());
  return closed.signal;
}
