import { Release, WarmUpLimit } from '../../src/neo4j/warm-up-limit';

const timeout = () => new Error('deadline');
/** One deadline for every read of a test unless it says otherwise: the order of turns compares deadlines first. */
const FAR = Date.now() + 600_000;
const far = () => FAR;
/** Settles pending promise callbacks (the admissions granted by a release). */
const flush = () => new Promise((r) => setImmediate(r));

/** Admits `text` and records the label when it is let through. */
function admitted(limit: WarmUpLimit, text: string, order: string[], label = text, background = false, deadlineAt = far()): Promise<Release> {
  return limit.admit(text, deadlineAt, timeout, undefined, background).then((release) => (order.push(label), release));
}

describe('WarmUpLimit', () => {
  it('lets every read through at once when no warm-up is under way', async () => {
    const limit = new WarmUpLimit();
    const releases = await Promise.all(Array.from({ length: 20 }, (_, i) => limit.admit(`RETURN ${i}`, far(), timeout)));
    expect(releases).toHaveLength(20);
    expect(limit.active).toBe(false);
  });

  it('gives the next turn to the read with the earliest deadline (the oldest request), whatever its length', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 60_000);
    const order: string[] = [];
    const now = Date.now();
    // The oldest request's first read holds the one turn; two later requests wait with short texts.
    const held = await admitted(limit, 'OLDEST, LEVEL 1', order, 'oldest 1', false, now + 15_000);
    const later = [admitted(limit, 'S', order, 'later', false, now + 15_200), admitted(limit, 'T', order, 'latest', false, now + 15_400)];
    // Its next level arrives after them, with a longer text: it goes first all the same.
    const next = admitted(limit, 'OLDEST, LEVEL 2, A MUCH LONGER TEXT', order, 'oldest 2', false, now + 15_000);
    held(true);
    await flush();
    expect(order).toEqual(['oldest 1', 'oldest 2']);
    (await next)(true);
    await flush();
    expect(order).toEqual(['oldest 1', 'oldest 2', 'later']);
    (await later[0]!)(true);
    await flush();
    expect(order).toEqual(['oldest 1', 'oldest 2', 'later', 'latest']);
    limit.lift();
  });

  it('during a warm-up gives first runs `permits` turns, then the next turn to the shortest of the texts with the same deadline', async () => {
    const limit = new WarmUpLimit();
    limit.begin(2, 60_000);
    const order: string[] = [];
    const held = [admitted(limit, 'A'.repeat(50), order, 'first'), admitted(limit, 'B'.repeat(40), order, 'second')];
    const waiting = [admitted(limit, 'C'.repeat(30), order, 'long'), admitted(limit, 'D'.repeat(5), order, 'short'), admitted(limit, 'E'.repeat(10), order, 'middle')];
    await flush();
    expect(order).toEqual(['first', 'second']);
    const first = await held[0]!;
    first(true);
    first(true); // a second call is a no-op: it frees no extra turn
    await flush();
    expect(order).toEqual(['first', 'second', 'short']);
    (await held[1]!)(true);
    await flush();
    expect(order).toEqual(['first', 'second', 'short', 'middle']);
    (await waiting[1]!)(true);
    await flush();
    expect(order).toEqual(['first', 'second', 'short', 'middle', 'long']);
    limit.lift();
  });

  it('gives a background read (the replay) a turn only when no request\'s read waits for one', async () => {
    const limit = new WarmUpLimit();
    limit.begin(2, 60_000);
    const order: string[] = [];
    const held = await admitted(limit, 'HELD BY A REQUEST', order, 'held');
    const request = await admitted(limit, 'A REQUEST', order, 'request');
    // Both turns are held; a short background text and a long request text wait.
    const replay = admitted(limit, 'R', order, 'replay', true);
    const waiting = admitted(limit, 'A MUCH LONGER TEXT A REQUEST WAITS FOR', order, 'waiting request');
    request(true);
    await flush();
    // The request's read goes first although its text is longer.
    expect(order).toEqual(['held', 'request', 'waiting request']);
    held(true);
    await flush();
    expect(order).toEqual(['held', 'request', 'waiting request', 'replay']);
    (await waiting)(true);
    (await replay)(true);
    limit.lift();
  });

  it('gives a free turn to a background read when the requests\' waiting reads only wait for a plan under way', async () => {
    const limit = new WarmUpLimit();
    limit.begin(2, 60_000);
    const order: string[] = [];
    const planning = await admitted(limit, 'SAME', order, 'planning');
    // A request's read waits for SAME's plan (it needs no turn of its own) ...
    const copy = admitted(limit, 'SAME', order, 'copy');
    const other = await admitted(limit, 'OTHER', order, 'other');
    other(true);
    await flush();
    // ... and one turn is free: a background read takes it, since no request's read waits for a turn.
    const replay = admitted(limit, 'REPLAY', order, 'replay', true);
    await flush();
    expect(order).toEqual(['planning', 'other', 'replay']);
    planning(true);
    await flush();
    expect(order).toEqual(['planning', 'other', 'replay', 'copy']);
    (await replay)(true);
    (await copy)(true);
    limit.lift();
  });

  it('lets a text that already ran since the start through without a turn', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 60_000);
    (await limit.admit('MATCH (n) RETURN n', far(), timeout))(true);
    const holder = await limit.admit('RETURN 1', far(), timeout);
    // The only turn is held, yet the planned text runs at once.
    await expect(limit.admit('MATCH (n) RETURN n', Date.now() + 50, timeout)).resolves.toBeInstanceOf(Function);
    holder(true);
    limit.lift();
  });

  it('plans a text once: reads of a text being planned wait for that run, then go without a turn', async () => {
    const limit = new WarmUpLimit();
    limit.begin(2, 60_000);
    const order: string[] = [];
    const planning = await limit.admit('SAME', far(), timeout);
    const copies = [admitted(limit, 'SAME', order, 'copy 1'), admitted(limit, 'SAME', order, 'copy 2')];
    const other = admitted(limit, 'a much longer other text', order, 'other');
    await flush();
    // The second turn went to the other text: the copies do not plan SAME a second time.
    expect(order).toEqual(['other']);
    planning(true);
    await flush();
    expect(order).toEqual(['other', 'copy 1', 'copy 2']);
    // The copies held no turn: with the other text's turn still held, one turn is free.
    const next = admitted(limit, 'NEXT', order);
    await flush();
    expect(order).toContain('NEXT');
    for (const r of [...(await Promise.all(copies)), await other, await next]) r(true);
    limit.lift();
  });

  it('when a first run ends without completing, a read waiting for the same text takes the next turn', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 60_000);
    const order: string[] = [];
    const planning = await limit.admit('SAME', far(), timeout);
    const copy = admitted(limit, 'SAME', order, 'copy');
    await flush();
    expect(order).toEqual([]);
    planning(false); // stopped at its deadline: no plan was left behind
    await flush();
    expect(order).toEqual(['copy']);
    // The copy holds the turn now (it plans): another text waits.
    let otherIn = false;
    const other = limit.admit('OTHER', far(), timeout).then((r) => ((otherIn = true), r));
    await flush();
    expect(otherIn).toBe(false);
    (await copy)(true);
    (await other)(true);
    limit.lift();
  });

  it('a read whose deadline passes while it waits is refused with its own error and leaves the queue', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 60_000);
    const held = await limit.admit('HELD', far(), timeout);
    await expect(limit.admit('LATE', Date.now() + 20, () => new Error('too late'))).rejects.toThrow('too late');
    const next = limit.admit('NEXT', far(), timeout);
    held(true);
    await expect(next).resolves.toBeInstanceOf(Function);
    limit.lift();
  });

  it('a read whose request ends while it waits leaves the queue with the signal\'s reason', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 60_000);
    const held = await limit.admit('HELD', far(), timeout);
    const gone = new AbortController();
    const waiting = limit.admit('GONE', far(), timeout, gone.signal);
    gone.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    const next = limit.admit('NEXT', far(), timeout);
    held(true);
    await expect(next).resolves.toBeInstanceOf(Function);
    limit.lift();
  });

  it('lifts itself after the given time, letting every waiting read through', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 30);
    const held = await limit.admit('HELD', far(), timeout);
    const waiting = limit.admit('WAITING', far(), timeout);
    await expect(waiting).resolves.toBeInstanceOf(Function);
    expect(limit.active).toBe(false);
    held(true);
  });

  it('forgets what was planned at the next begin (a restarted Neo4j has no plans)', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 60_000);
    (await limit.admit('PLANNED', far(), timeout))(true);
    limit.begin(1, 60_000);
    const holder = await limit.admit('HOLDER', far(), timeout);
    await expect(limit.admit('PLANNED', Date.now() + 30, () => new Error('waited'))).rejects.toThrow('waited');
    holder(true);
    limit.lift();
  });
});
