/**
 * Pure helpers of the side-by-side benchmark: canonical answers, the first difference between two
 * answers, latency summaries and the Markdown table. No I/O here (unit-tested in
 * test/unit/bench-compare.test.ts).
 */
import { percentile } from '../load';

export { percentile };

/** Money and other float totals compared to the cent: the three sides add in different orders. */
export function money(x: unknown): string | null {
  if (x === null || x === undefined) return null;
  const n = Number(x);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(x)}`);
  return n.toFixed(2);
}

export function sortById<T extends { id: unknown }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
}

/** Removes duplicates by id (first kept), then sorts by id. */
export function uniqueById<T extends { id: unknown }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(String(r.id))) seen.set(String(r.id), r);
  return sortById([...seen.values()]);
}

export interface Difference {
  path: string;
  left: unknown;
  right: unknown;
}

/** The first place where two JSON-like values differ (null when they are equal), for a loud failure. */
export function firstDifference(left: unknown, right: unknown, path = '$'): Difference | null {
  if (left === right) return null;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (i >= left.length || i >= right.length) return { path: `${path}.length`, left: left.length, right: right.length };
      const d = firstDifference(left[i], right[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObject(left) && isObject(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const k of keys) {
      const d = firstDifference(left[k], right[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return { path, left, right };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What one (shape, side, clients) cell measured, over all its rounds. */
export interface CellStats {
  ok: number;
  errors: number;
  timeouts: number;
  /** Wall time of the cell's rounds, including waiting for requests in flight. */
  elapsedMs: number;
  latenciesMs: number[];
  maxRssMb: number | null;
}

export function emptyCell(): CellStats {
  return { ok: 0, errors: 0, timeouts: 0, elapsedMs: 0, latenciesMs: [], maxRssMb: null };
}

export function mergeCell(into: CellStats, add: CellStats): CellStats {
  into.ok += add.ok;
  into.errors += add.errors;
  into.timeouts += add.timeouts;
  into.elapsedMs += add.elapsedMs;
  for (const l of add.latenciesMs) into.latenciesMs.push(l);
  if (add.maxRssMb !== null) into.maxRssMb = Math.max(into.maxRssMb ?? 0, add.maxRssMb);
  return into;
}

export interface CellSummary {
  rps: number;
  p50: number;
  p95: number;
  ok: number;
  errors: number;
  timeouts: number;
  maxRssMb: number | null;
}

export function summarize(c: CellStats): CellSummary {
  const sorted = [...c.latenciesMs].sort((a, b) => a - b);
  return {
    rps: c.elapsedMs > 0 ? (c.ok * 1000) / c.elapsedMs : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    ok: c.ok,
    errors: c.errors,
    timeouts: c.timeouts,
    maxRssMb: c.maxRssMb,
  };
}

/** a/b as text; "∞" when only b is zero, "n/a" without both. */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return 'n/a';
  if (b === 0) return a === 0 ? 'n/a' : '∞ (peer 0)';
  const r = a / b;
  return r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : r.toFixed(2);
}

export function fmtRps(s: CellSummary | undefined): string {
  if (!s) return 'n/a';
  const rps = s.rps >= 100 ? s.rps.toFixed(0) : s.rps.toFixed(1);
  return s.timeouts > 0 ? `${rps} (${s.timeouts} timeouts)` : rps;
}

export function fmtLatency(s: CellSummary | undefined): string {
  if (!s || s.ok === 0) return 'n/a';
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  return `${f(s.p50)} / ${f(s.p95)}`;
}

export type Side = 'tradegraph' | 'peer' | 'raw';

export interface TableRow {
  shape: string;
  cells: Partial<Record<Side, CellSummary>>;
  /** Cypher queries one tradegraph request runs (extensions.stats), null when unknown. */
  tgCypher: number | null;
}

export function markdownTable(rows: TableRow[]): string {
  const head = [
    '| query shape | tradegraph req/s | peer req/s | raw Cypher req/s | tg/peer | tg/raw | p50 / p95 ms tg | peer | raw | Cypher per request (tg) | max RSS MB tg / peer | errors tg/peer/raw |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const body = rows.map((r) => {
    const { tradegraph: tg, peer, raw } = r.cells;
    const rss = (s?: CellSummary) => (s?.maxRssMb != null ? s.maxRssMb.toFixed(0) : 'n/a');
    const errs = (s?: CellSummary) => (s ? String(s.errors) : '-');
    return (
      `| ${r.shape} | ${fmtRps(tg)} | ${fmtRps(peer)} | ${fmtRps(raw)} | ${ratio(tg?.rps, peer?.rps)} | ${ratio(tg?.rps, raw?.rps)} | ` +
      `${fmtLatency(tg)} | ${fmtLatency(peer)} | ${fmtLatency(raw)} | ${r.tgCypher ?? 'n/a'} | ${rss(tg)} / ${rss(peer)} | ${errs(tg)}/${errs(peer)}/${errs(raw)} |`
    );
  });
  return [...head, ...body].join('\n');
}

/** "8,32" -> [8, 32]. */
export function parseList(text: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`not a list of positive integers: ${text}`);
  return list;
}

/** Side order for round r: rotated so that no side always runs first (or right after another). */
export function sideOrder<T>(sides: T[], round: number): T[] {
  const k = sides.length === 0 ? 0 : round % sides.length;
  return [...sides.slice(k), ...sides.slice(0, k)];
}

/** results-*.json as run.ts writes them (the part the scaling table reads). */
export interface ResultsFile {
  scale: { flows: number };
  results: Record<string, CellSummary>; // `${clients}|${shape}|${side}`
}

/**
 * How each figure changes between two runs at different scales (e.g. 100k -> 1M flows):
 * req/s of each side at each client count, and the factor (larger / smaller run).
 */
export function scalingTable(small: ResultsFile, large: ResultsFile): string {
  const keys = Object.keys(small.results).filter((k) => k in large.results);
  const groups = new Map<string, Partial<Record<Side, [CellSummary, CellSummary]>>>();
  for (const k of keys) {
    const [clients, shape, side] = k.split('|') as [string, string, Side];
    const g = groups.get(`${clients}|${shape}`) ?? {};
    g[side] = [small.results[k]!, large.results[k]!];
    groups.set(`${clients}|${shape}`, g);
  }
  const a = small.scale.flows.toLocaleString('en');
  const b = large.scale.flows.toLocaleString('en');
  const cell = (p?: [CellSummary, CellSummary]) => (p ? `${fmtRps(p[0])} -> ${fmtRps(p[1])} (x${ratio(p[1].rps, p[0].rps)})` : '-');
  return [
    `| clients | query shape | tradegraph req/s ${a} -> ${b} | peer | raw Cypher |`,
    '|---:|---|---|---|---|',
    ...[...groups].map(([k, g]) => {
      const [clients, shape] = k.split('|');
      return `| ${clients} | ${shape} | ${cell(g.tradegraph)} | ${cell(g.peer)} | ${cell(g.raw)} |`;
    }),
  ].join('\n');
}
