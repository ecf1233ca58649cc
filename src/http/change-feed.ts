/**
 * GET /changes/feed: the change feed as server-sent events (`event: change`, `id:` its seq, `data:`
 * the Change as the GraphQL API has it). Resumes after `Last-Event-ID` (what EventSource sends on
 * reconnect) or `?after=<seq>`; without either, only changes from now on. The same identity rules as
 * /graphql: a bad token is 401, and without anonymous reading a token is required.
 */
import express from 'express';
import { authenticate, createVerifier } from '../auth';
import type { AppServices } from '../graphql/context';
import { RETRY_AFTER_S } from '../graphql/errors';
import type { Logger } from '../logger';
import { ChangeFeed } from '../domain/curation/feed';

const HEARTBEAT_MS = 15_000;

export interface ChangeFeedRoute {
  router: express.Router;
  /** Ends every open stream (shutdown must not wait for them). */
  close(): void;
}

export function changeFeedRouter(services: AppServices, log: Logger): ChangeFeedRoute {
  const { config } = services;
  const verify = createVerifier(config.auth);
  const feed = new ChangeFeed(services.db, services.queries, config.changeFeedPollMs, (err) => log.warn({ err }, 'change feed poll failed; retrying'));
  const open = new Set<express.Response>();
  const router = express.Router();

  router.get('/feed', async (req, res) => {
    try {
      await authenticate(config.auth, verify, req.header('authorization'));
    } catch (err) {
      const e = err as { message: string; extensions?: { code?: string } };
      res.status(401).set('www-authenticate', 'Bearer').json({ errors: [{ message: e.message, extensions: { code: e.extensions?.code ?? 'UNAUTHENTICATED' } }] });
      return;
    }
    const given = req.header('last-event-id') ?? (typeof req.query.after === 'string' ? req.query.after : undefined);
    if (given !== undefined && !/^\d{1,15}$/.test(given)) {
      res.status(400).json({ errors: [{ message: '`after` (or Last-Event-ID) must be a change seq: a whole number', extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    let after: number;
    try {
      after = given !== undefined ? Number(given) : await feed.latestSeq();
    } catch {
      res.status(503).set('retry-after', String(RETRY_AFTER_S)).json({ errors: [{ message: 'The graph database is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    res.status(200).set({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
    res.flushHeaders();
    res.write(`retry: 3000\n: changes after ${after}\n\n`);
    open.add(res);
    const unsubscribe = feed.subscribe(after, (changes) => {
      // As the GraphQL API answers: enum names (APPLIED), not their stored values.
      for (const c of changes) res.write(`id: ${c.seq}\nevent: change\ndata: ${JSON.stringify({ ...c, action: c.action.toUpperCase() })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });

  return {
    router,
    close: () => {
      for (const res of open) res.end();
      feed.stop();
    },
  };
}
