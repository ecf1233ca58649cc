/**
 * The change feed (GET /changes/feed, server-sent events) over two app instances on one Neo4j, as
 * two replicas would be: a subscriber of one sees a change approved through the other arrive,
 * and a reconnect with Last-Event-ID gets what it missed. Against the real Neo4j.
 */
import { useApi } from '../support/api';
import { APPROVE, AUTH_ENV, CORRECTION, importBase, NEW_EXCERPT, NEW_SOURCE, post, PROPOSE, tokenFor } from '../support/curation';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const env = { ...AUTH_ENV, CHANGE_FEED_POLL_MS: '100' };
const replicaA = useApi(db, env);
const replicaB = useApi(db, env);

interface Event {
  id?: string;
  event?: string;
  data?: any;
}

/** Reads server-sent events from `url` until `enough` says so (or the time runs out). */
async function listen(url: string, headers: Record<string, string>, enough: (events: Event[]) => boolean, ready?: () => void, ms = 20_000): Promise<{ status: number; events: Event[] }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  const events: Event[] = [];
  try {
    const res = await fetch(url, { headers, signal: abort.signal });
    if (res.status !== 200 || !res.body) return { status: res.status, events };
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let first = true;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      if (first) {
        first = false;
        ready?.();
      }
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e: Event = {};
        for (const line of block.split('\n')) {
          const m = /^(id|event|data): (.*)$/.exec(line);
          if (m) (e as Record<string, unknown>)[m[1]!] = m[1] === 'data' ? JSON.parse(m[2]!) : m[2];
        }
        if (e.event) events.push(e);
      }
      if (enough(events)) break;
    }
    abort.abort();
    return { status: res.status, events };
  } catch (err) {
    if ((err as Error).name === 'AbortError') return { status: 200, events };
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

beforeAll(async () => {
  await importBase(db());
});

describe('change feed', () => {
  it('a subscriber of one replica sees a change approved through the other arrive', async () => {
    const curator = await tokenFor('curator', 'cora');
    const editor = await tokenFor('editor', 'eddie');
    let subscribed!: () => void;
    const ready = new Promise<void>((resolve) => (subscribed = resolve));
    const received = listen(`${replicaB.base()}/changes/feed`, {}, (events) => events.some((e) => e.data.entity === 'figure:acme-2024-vehicle-exports'), subscribed);
    await ready;
    const cs = (await post(replicaA.base(), PROPOSE, { records: CORRECTION, excerpt: NEW_EXCERPT, source: NEW_SOURCE }, curator)).body.data.propose;
    const approved = await post(replicaA.base(), APPROVE, { id: cs.id, version: 1, comment: 'checked against the report' }, editor);
    expect(approved.status).toBe(200);
    const { status, events } = await received;
    expect(status).toBe(200);
    const figure = events.find((e) => e.data.entity === 'figure:acme-2024-vehicle-exports')!;
    expect(figure).toBeDefined();
    expect(figure.event).toBe('change');
    expect(figure.data).toMatchObject({ action: 'APPLIED', changeSet: cs.id, author: 'cora', reviewer: 'eddie', before: { value: 1.2 }, after: { value: 1.3 } });
    expect(Number(figure.id)).toBe(figure.data.seq);
  });

  it('resumes after Last-Event-ID with what was missed, in order', async () => {
    const { events } = await listen(`${replicaA.base()}/changes/feed`, { 'last-event-id': '0' }, (ev) => ev.length >= 4, undefined, 5000);
    const seqs = events.map((e) => e.data.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(4);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('a bad token or a bad seq is refused, not streamed', async () => {
    expect((await listen(`${replicaA.base()}/changes/feed`, { authorization: 'Bearer nope' }, () => true)).status).toBe(401);
    expect((await listen(`${replicaA.base()}/changes/feed?after=-1`, {}, () => true)).status).toBe(400);
  });
});
