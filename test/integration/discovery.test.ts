/**
 * Discovery over the seeded graph: metrics, units, periods and source kinds with their counts,
 * checked against counts made independently from the seed files themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedGraph } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/neo4j/queries';
import { useTestGraph } from '../support/neo4j';
import { gqlOver, ok } from '../support/execute';

const db = useTestGraph();
const gql = gqlOver(db);

type Rec = Record<string, any>;
const SEED = path.join(PROJECT_ROOT, 'seed');
const records: Rec[] = fs
  .readdirSync(SEED)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => fs.readFileSync(path.join(SEED, f), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '' && !l.startsWith('//'))
  .map((l) => JSON.parse(l) as Rec);
const figures = records.filter((r) => r.type === 'figure');
const flows = records.filter((r) => r.type === 'flow');

function countBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

beforeAll(async () => {
  const report = await seedGraph(db());
  expect(report.ok).toBe(true);
});

describe('discovery on the seeded graph', () => {
  it('lists every figure metric with its figures, qualitative ones and units, most figures first', async () => {
    const data = ok(await gql(`{ metrics { metric figures qualitative units } }`));
    const expected = countBy(figures, (f) => f.metric);
    expect(new Map(data.metrics.map((m: any) => [m.metric, m.figures]))).toEqual(expected);
    const growth = data.metrics.find((m: any) => m.metric === 'export-value-growth');
    expect(growth).toEqual({ metric: 'export-value-growth', figures: expected.get('export-value-growth'), qualitative: 0, units: ['percent'] });
    const first = data.metrics.find((m: any) => m.metric === 'first-independent-export');
    expect(first).toMatchObject({ qualitative: first.figures, units: [] });
    const counts = data.metrics.map((m: any) => m.figures);
    expect([...counts].sort((a: number, b: number) => b - a)).toEqual(counts);
  });

  it('lists units of figures and flows, periods with counts (undated facts apart) and source kinds', async () => {
    const data = ok(await gql(`{ units { unit figures flows } periods { periodStart periodEnd figures flows } sourceKinds { kind sources excerpts languages } }`));
    const unitFigures = countBy(figures, (f) => f.unit);
    for (const [unit, n] of unitFigures) expect(data.units.find((u: any) => u.unit === unit)?.figures).toBe(n);
    const flowUnits = new Map<string, number>();
    for (const f of flows) for (const u of [f.currency, f.quantityUnit]) if (u) flowUnits.set(u, (flowUnits.get(u) ?? 0) + 1);
    for (const [unit, n] of flowUnits) expect(data.units.find((u: any) => u.unit === unit)?.flows).toBe(n);

    const periodKey = (r: Rec) => (r.periodStart === undefined ? 'none' : `${r.periodStart}-${r.periodEnd}`);
    const figurePeriods = countBy(figures, periodKey);
    const got = new Map(data.periods.map((p: any) => [p.periodStart === null ? 'none' : `${p.periodStart}-${p.periodEnd}`, p.figures]));
    for (const [k, n] of figurePeriods) expect(got.get(k)).toBe(n);
    expect(data.periods[data.periods.length - 1].periodStart).toBeNull();
    expect(data.periods.reduce((s: number, p: any) => s + p.flows, 0)).toBe(flows.length);

    const sources = records.filter((r) => r.type === 'source');
    const excerptsOf = countBy(records.filter((r) => r.type === 'excerpt'), (e) => sources.find((s) => s.id === e.source)?.kind);
    for (const [kind, n] of countBy(sources, (s) => s.kind)) {
      expect(data.sourceKinds.find((k: any) => k.kind === kind)).toMatchObject({ sources: n, excerpts: excerptsOf.get(kind) ?? 0 });
    }
    expect(data.sourceKinds.find((k: any) => k.kind === 'official-document').languages).toContain('en');
  });
});
