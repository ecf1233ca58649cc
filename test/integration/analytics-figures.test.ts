/**
 * Period comparisons over figures on the real Neo4j: stated growth rates between plan periods,
 * and changes computed from level figures.
 */
import { useTestGraph } from '../support/neo4j';
import { createLinkageFixture } from './linkage-fixture';
import { failure, gqlOver, ok } from '../support/execute';

const db = useTestGraph();
const gql = gqlOver(db);

beforeAll(async () => {
  await createLinkageFixture(db());
});

describe('figureGrowth', () => {
  it('lists growth against the end of the 13th FYP measured in the 14th, fastest first', async () => {
    const data = ok(await gql(`{ figureGrowth(baselinePlan: "policy:13th-five-year-plan", plan: "policy:14th-five-year-plan") {
      key metric growthPercent periodStart baselineStart baselineEnd statement about { key kind } figure { key } } }`));
    expect(data.figureGrowth.map((g: any) => [g.key, g.growthPercent])).toEqual([
      ['figure:auto-growth', 278.1],
      ['figure:agri-growth', 103.7],
      ['figure:moto-growth', 55.2],
    ]);
    expect(data.figureGrowth[0]).toMatchObject({
      metric: 'export-value-growth', periodStart: 2024, baselineStart: 2020, baselineEnd: 2020,
      about: [{ key: 'gb:500000', kind: 'REGION' }, { key: 'hs2022:8703', kind: 'PRODUCT' }],
      figure: { key: 'figure:auto-growth' },
    });
  });

  it('filters by years, metric and subject', async () => {
    const all = ok(await gql(`{ figureGrowth { key } }`));
    expect(all.figureGrowth.map((g: any) => g.key)).toEqual(['figure:auto-growth', 'figure:agri-growth', 'figure:moto-growth', 'figure:corridor-growth']);
    const corridor = ok(await gql(`{ figureGrowth(baselineFrom: 2021, baselineTo: 2021) { key growthPercent } }`));
    expect(corridor.figureGrowth).toEqual([{ key: 'figure:corridor-growth', growthPercent: 34 }]);
    const moto = ok(await gql(`{ figureGrowth(metric: "export-value-growth", about: "product:motorcycles") { key } }`));
    expect(moto.figureGrowth).toEqual([{ key: 'figure:moto-growth' }]);
    expect(ok(await gql(`{ figureGrowth(first: 1) { key } }`)).figureGrowth).toEqual([{ key: 'figure:auto-growth' }]);
  });

  it('rejects a plan without a period', async () => {
    expect(failure(await gql(`{ figureGrowth(plan: "policy:cross-border-e-commerce") { key } }`))).toEqual({
      code: 'BAD_USER_INPUT',
      message: '`plan` must name a plan or program with a period (periodStart..periodEnd); policy:cross-border-e-commerce has none',
    });
  });
});

describe('periodChange', () => {
  it('computes the change between level figures of the same metric and subjects', async () => {
    const data = ok(await gql(`{ periodChange(metric: "enterprise-count", baselinePlan: "policy:13th-five-year-plan", plan: "policy:14th-five-year-plan") {
      metric unit change changePercent baseline { key value periodStart } current { key value periodStart } about { key } } }`));
    expect(data.periodChange).toHaveLength(1);
    const c = data.periodChange[0];
    expect(c).toMatchObject({
      metric: 'enterprise-count', unit: 'enterprises', change: 978,
      baseline: { key: 'figure:enterprises-2020', value: 3761, periodStart: 2020 },
      current: { key: 'figure:enterprises-2024', value: 4739, periodStart: 2024 },
      about: [{ key: 'gb:500000' }],
    });
    expect(c.changePercent).toBeCloseTo((100 * 978) / 3761, 10);
  });

  it('finds nothing when the periods do not hold both figures', async () => {
    expect(ok(await gql(`{ periodChange(metric: "enterprise-count", baselineFrom: 2021) { change } }`)).periodChange).toEqual([]);
  });
});
