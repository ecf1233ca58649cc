/**
 * A small closed-loop client: `clients` workers send requests back to back for `durationMs`
 * (each with its own deadline), then wait for those in flight. Timeouts are counted as such,
 * never as latencies. The RSS of the server under test is sampled meanwhile.
 */
import { CellStats } from './compare';
import { RequestTimeout, rssMb } from './sides';

export async function closedLoop(
  send: (i: number) => Promise<unknown>,
  o: { clients: number; durationMs: number; pid?: number },
): Promise<CellStats & { firstError?: string }> {
  const stats: CellStats & { firstError?: string } = { ok: 0, errors: 0, timeouts: 0, elapsedMs: 0, latenciesMs: [], maxRssMb: null };
  const sample = () => {
    if (o.pid === undefined) return;
    const r = rssMb(o.pid);
    if (r !== null) stats.maxRssMb = Math.max(stats.maxRssMb ?? 0, r);
  };
  sample();
  const sampler = setInterval(sample, 200);
  const started = performance.now();
  const end = started + o.durationMs;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await send(next++);
        stats.ok += 1;
        stats.latenciesMs.push(performance.now() - t0);
      } catch (err) {
        if (err instanceof RequestTimeout) stats.timeouts += 1;
        else {
          stats.errors += 1;
          stats.firstError ??= (err as Error).message;
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.clients }, worker));
  } finally {
    clearInterval(sampler);
    sample();
  }
  stats.elapsedMs = performance.now() - started;
  return stats;
}
