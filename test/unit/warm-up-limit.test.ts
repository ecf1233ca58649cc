import { WarmUpLimit } from '../../src/neo4j/warm-up-limit';

const timeout = () => new Error('deadline');
const far = () => Date.now() + 60_000;
/** Settles pending promise callbacks (the admissions granted by a release). */
const flush = () => new Promise((r) => setImmediate(r));

describe('WarmUpLimit', () => {
  it('admits everyone at once when no warm-up is under way', async () => {
    const limit = new WarmUpLimit();
    const releases = await Promise.all(Array.from({ length: 20 }, () => limit.admit(far(), timeout)));
    expect(releases).toHaveLength(20);
    expect(limit.active).toBe(false);
  });

  it('during a warm-up admits `permits` requests and the next one when one ends, in arrival order', async () => {
    const limit = new WarmUpLimit();
    limit.begin(2, 100, 60_000);
    const order: number[] = [];
    const admissions = Array.from({ length: 5 }, (_, i) => limit.admit(far(), timeout).then((release) => (order.push(i), release)));
    await flush();
    expect(order).toEqual([0, 1]);
    const first = await admissions[0]!;
    first();
    first(); // a second call is a no-op: it frees no extra turn
    await flush();
    expect(order).toEqual([0, 1, 2]);
    (await admissions[1]!)();
    (await admissions[2]!)();
    await flush();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    limit.lift();
  });

  it('a request whose deadline passes while it waits is refused with its own error and leaves the queue', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 100, 60_000);
    const held = await limit.admit(far(), timeout);
    await expect(limit.admit(Date.now() + 20, () => new Error('too late'))).rejects.toThrow('too late');
    const next = limit.admit(far(), timeout);
    held();
    await expect(next).resolves.toBeInstanceOf(Function);
    limit.lift();
  });

  it('lifts itself after the given number of finished requests, letting every waiting request through', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 2, 60_000);
    const a = await limit.admit(far(), timeout);
    const waiting = [limit.admit(far(), timeout), limit.admit(far(), timeout), limit.admit(far(), timeout)];
    a();
    const b = await waiting[0]!;
    expect(limit.active).toBe(true);
    b();
    expect(limit.active).toBe(false);
    await expect(Promise.all(waiting.slice(1))).resolves.toHaveLength(2);
  });

  it('lifts itself after the given time', async () => {
    const limit = new WarmUpLimit();
    limit.begin(1, 100, 30);
    const held = await limit.admit(far(), timeout);
    const waiting = limit.admit(far(), timeout);
    await expect(waiting).resolves.toBeInstanceOf(Function);
    expect(limit.active).toBe(false);
    held();
  });
});
