/**
 * A request's reads run as auto-commit queries on its own sessions (RequestScope in
 * src/neo4j/database.ts), with the request's deadline as Neo4j's timeout; when the client goes away or the deadline passes,
 * Neo4j stops the request's queries (checked with SHOW TRANSACTIONS on the real server).
 */
import { DeadlineExceededError, QueryStats } from '../../src/neo4j/database';
import { replayReads } from '../../src/neo4j/recent-reads';
import { useTestGraph } from '../support/neo4j';
import { dataOf, useApi } from '../support/api';

const db = useTestGraph();
const api = useApi(db);

/** A query that keeps Neo4j busy for minutes (no graph needed), marked so SHOW TRANSACTIONS finds it. */
const SLOW = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n // request-scope-slow";

async function running(): Promise<number> {
  const rows = await db().read<{ n: number }>(
    "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'request-scope-slow' AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*) AS n",
  );
  return rows[0]!.n;
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

beforeAll(async () => {
  await db().write(`
    CREATE (s:Source {id: 'source:scope', title: 'Scope source', kind: 'news'})
    CREATE (e:Excerpt {id: 'excerpt:scope', text: 'Two firms export motorcycles.'})-[:EXCERPT_OF]->(s)
    CREATE (p:Product {id: 'hs2022:8711', name: 'Motorcycles', hsCode: '8711', hsLevel: 4})
    CREATE (r:Region {id: 'iso:THA', name: 'Thailand', kind: 'country', iso3: 'THA'})
    CREATE (c:Company {id: 'company:scope', name: 'Scope Motors', kind: 'enterprise'})
    CREATE (f:Fact:TradeFlow {id: 'flow:scope', direction: 'EXPORT', periodStart: 2023, periodEnd: 2023, value: 10.0})
    CREATE (f)-[:TRADER]->(c), (f)-[:OF_PRODUCT]->(p), (f)-[:TO]->(r), (f)-[:STATED_IN]->(e)
  `);
});

describe('the sessions of a request', () => {
  it('runs every query of a nested request as one auto-commit read (no BEGIN, COMMIT or RESET), reusing its session level after level', async () => {
    const driver = db().driver;
    const openSession = driver.session.bind(driver);
    const calls = { run: 0, beginTransaction: 0 };
    const spy = jest.spyOn(driver, 'session').mockImplementation((...args) => {
      const session = openSession(...args);
      for (const m of ['run', 'beginTransaction'] as const) {
        const original = (session[m] as (...a: unknown[]) => unknown).bind(session);
        (session as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          calls[m] += 1;
          return original(...a);
        };
      }
      return session;
    });
    try {
      const res = await api.gql(
        `{ products(first: 5) { nodes { key tradeFlows(first: 5) { nodes { key trader { key tradeFlows(first: 5) { nodes { key } } } } } } } }`,
        {},
        { stats: true },
      );
      const data = dataOf(res);
      expect(data.products.nodes[0].tradeFlows.nodes[0].trader.key).toBe('company:scope');
      const queries = res.body.extensions.stats.cypherQueries as number;
      expect(queries).toBeGreaterThanOrEqual(3);
      expect(calls).toEqual({ run: queries, beginTransaction: 0 });
      // One level at a time: the first level's session serves the next ones.
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('opens a session for each query running at the same time, and answers each', async () => {
    const spy = jest.spyOn(db().driver, 'session');
    try {
      const view = db().forRequest(new QueryStats(), { at: Date.now() + 60_000, timeoutMs: 60_000 });
      const answers = await Promise.all([1, 2, 3].map((n) => view.read<{ n: number }>('RETURN $n AS n', { n })));
      expect(answers).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }]]);
      expect(spy).toHaveBeenCalledTimes(3);
      // The next query, issued before the request goes idle, takes one of them.
      expect(await view.read<{ n: number }>('RETURN 4 AS n')).toEqual([{ n: 4 }]);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('stopping abandoned work', () => {
  it('stops the Neo4j query when the request is abandoned (its signal aborts)', async () => {
    const ended = new AbortController();
    const view = db().forRequest(new QueryStats(), { at: Date.now() + 600_000, timeoutMs: 600_000 }, ended.signal);
    const pending = view.read(SLOW).catch((e: unknown) => e);
    expect(await until(async () => (await running()) === 1, 20_000)).toBe(true);
    ended.abort();
    expect(await until(async () => (await running()) === 0, 10_000)).toBe(true);
    expect(await pending).toBeInstanceOf(DeadlineExceededError);
    // Nothing more runs for an ended request.
    await expect(view.read('RETURN 1 AS one')).rejects.toBeInstanceOf(DeadlineExceededError);
  });

  it('stops the Neo4j query when the deadline passes', async () => {
    const view = db().forRequest(new QueryStats(), { at: Date.now() + 1_500, timeoutMs: 1_500 });
    const began = Date.now();
    await expect(view.read(SLOW)).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(await until(async () => (await running()) === 0, 10_000)).toBe(true);
  });

  it('keeps a request usable after one of its queries fails', async () => {
    const view = db().forRequest(new QueryStats(), { at: Date.now() + 60_000, timeoutMs: 60_000 });
    await expect(view.read('RETURN 1 / 0 AS boom')).rejects.toThrow(/by zero/);
    expect(await view.read<{ one: number }>('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('while Neo4j warms up (WarmUpLimit)', () => {
  afterEach(() => db().warmUp.lift());

  it('with one turn, a second first run waits for the first to end, while a text that already ran goes at once', async () => {
    db().warmUp.begin(1, 60_000);
    const first = new AbortController();
    const second = new AbortController();
    const a = db().forRequest(new QueryStats(), { at: Date.now() + 600_000, timeoutMs: 600_000 }, first.signal);
    const b = db().forRequest(new QueryStats(), { at: Date.now() + 600_000, timeoutMs: 600_000 }, second.signal);
    const planned = 'RETURN 5 AS five // warm-up test';
    expect(await b.read(planned)).toEqual([{ five: 5 }]);
    const aRead = a.read(SLOW).catch((err: Error) => err);
    expect(await until(async () => (await running()) === 1, 20_000)).toBe(true);
    let bDone = false;
    const bRead = b.read('RETURN 1 AS one // warm-up test').then((rows) => ((bDone = true), rows));
    // The text that ran already needs no turn, though a's slow first run holds the only one.
    expect(await b.read(planned)).toEqual([{ five: 5 }]);
    await new Promise((r) => setTimeout(r, 1_000));
    // b's new text waits for the turn: the slow query of a is the only one running, and b has no answer yet.
    expect(bDone).toBe(false);
    expect(await running()).toBe(1);
    first.abort();
    await expect(bRead).resolves.toEqual([{ one: 1 }]);
    expect(await aRead).toBeInstanceOf(DeadlineExceededError);
    second.abort();
  });

  it('refuses a waiting request at its deadline with DEADLINE_EXCEEDED, and lets others through after', async () => {
    db().warmUp.begin(1, 60_000);
    const holder = new AbortController();
    const a = db().forRequest(new QueryStats(), { at: Date.now() + 600_000, timeoutMs: 600_000 }, holder.signal);
    const aRead = a.read(SLOW).catch((err: Error) => err);
    expect(await until(async () => (await running()) === 1, 20_000)).toBe(true);
    const late = db().forRequest(new QueryStats(), { at: Date.now() + 300, timeoutMs: 300 }, new AbortController().signal);
    await expect(late.read('RETURN 2 AS two')).rejects.toBeInstanceOf(DeadlineExceededError);
    holder.abort();
    expect(await aRead).toBeInstanceOf(DeadlineExceededError);
    const next = db().forRequest(new QueryStats(), { at: Date.now() + 60_000, timeoutMs: 60_000 }, new AbortController().signal);
    await expect(next.read('RETURN 3 AS three')).resolves.toEqual([{ three: 3 }]);
  });
});

describe('warming a restarted Neo4j with the reads requests ran (RecentReads, replayReads)', () => {
  it('notes every request read with its parameters, and replays them on the database: each runs once, failures counted', async () => {
    const base = db();
    const view = base.forRequest(new QueryStats(), { at: Date.now() + 10_000, timeoutMs: 10_000 });
    const text = 'MATCH (f:TradeFlow {id: $id}) RETURN f.value AS v // recent-reads-test';
    await view.read(text, { id: 'flow:scope' });
    view.scope?.end();
    const noted = base.recent.hottest().find((r) => r.text === text);
    expect(noted).toMatchObject({ params: { id: 'flow:scope' } });

    const result = await replayReads(base, [noted!, { text: 'RETURN 1/0 AS boom // recent-reads-test', params: {}, count: 1 }], { concurrency: 2, budgetMs: 10_000, timeoutMs: 10_000 });
    expect(result).toMatchObject({ replayed: 1, failed: 1, skipped: 0 });
  });

  it('starts no read once its budget is spent', async () => {
    const reads = [{ text: 'RETURN 1 AS one', params: {}, count: 1 }];
    expect(await replayReads(db(), reads, { concurrency: 1, budgetMs: 0, timeoutMs: 1_000 })).toMatchObject({ replayed: 0, failed: 0, skipped: 1 });
  });
});
