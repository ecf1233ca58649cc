/**
 * Qualitative trade flows on the seeded graph: flows a text states without a value ("the group's
 * general purpose engines do [export to the U.S.]") or without a period are counted everywhere and
 * summed nowhere; a flow with a value next to them is summed alone.
 */
import { seedGraph } from '../../src/ingest/seed';
import { useTestGraph } from '../support/neo4j';
import { gqlOver, ok } from '../support/execute';

const db = useTestGraph();
const gql = gqlOver(db);

beforeAll(async () => {
  const report = await seedGraph(db());
  expect(report.ok).toBe(true);
});

describe('qualitative flows', () => {
  it('are counted in a company\'s destinations and products, with only the stated values summed', async () => {
    const data = ok(
      await gql(`{ company(id: "company:zongshen-group") {
        destinations { place { ... on Region { key } } flowCount totalValue currency totals { currency value flows } years }
        products { product { key } flowCount totalValue totals { currency value flows } }
      } }`),
    );
    expect(data.company.destinations).toEqual([
      { place: { key: 'iso:USA' }, flowCount: 2, totalValue: 3000000000, currency: 'CNY', totals: [{ currency: 'CNY', value: 3000000000, flows: 1 }], years: [] },
    ]);
    expect(data.company.products).toEqual([{ product: { key: 'product:general-purpose-engines' }, flowCount: 1, totalValue: null, totals: [] }]);
  });

  it('appear in tradeTotals as counts (qualitativeFlows) with a null value, never added to a sum', async () => {
    const data = ok(await gql(`{ tradeTotals(groupBy: DESTINATION, filter: { direction: [EXPORT] }) { key currency value flows qualitativeFlows } }`));
    const rows = data.tradeTotals.filter((t: any) => ['iso:USA', 'iso:PHL'].includes(t.key));
    expect(rows).toEqual([
      { key: 'iso:USA', currency: 'CNY', value: 3000000000, flows: 1, qualitativeFlows: 0 },
      { key: 'iso:PHL', currency: null, value: null, flows: 0, qualitativeFlows: 1 },
      { key: 'iso:USA', currency: null, value: null, flows: 0, qualitativeFlows: 1 },
    ]);
  });

  it('without a period are left out of year filters, and kept by the others', async () => {
    const data = ok(
      await gql(`{ all: tradeFlows(filter: { direction: [EXPORT] }) { totalCount }
        dated: tradeFlows(filter: { direction: [EXPORT], yearFrom: 2018 }) { totalCount nodes { key periodStart } } }`),
    );
    expect(data.all.totalCount).toBe(3);
    expect(data.dated.nodes).toEqual([{ key: 'flow:changan-ford-ecosport-philippines-2018', periodStart: 2018 }]);
  });
});
