/**
 * parts/trade-flows with two conditions or more starts its scan from the one whose walk reaches
 * the fewest flows (their relationship degrees), whichever order the filter names them in, and
 * answers the same whichever it starts from.
 *
 * The graph: heading hs:0101 with two subheadings; destination region:wide receives 40 flows of
 * another product, region:narrow 2. The heading's 6 flows go 3 to wide, 1 to narrow, 2 elsewhere.
 * {product: heading, to: wide} should start from the heading (6 flows, not 43);
 * {product: other, to: narrow} from the region (3 flows, not 41).
 */
import { flowParams } from '../../src/domain/trade-flow/trade-flow.repository';
import { QueryCatalog } from '../../src/neo4j/queries';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { planOperators, type PlanOperator } from '../support/plans';

const db = useTestGraph();
const api = useApi(db);
const catalog = new QueryCatalog();

beforeAll(async () => {
  await db().write(`
    CREATE (h:Product {id: 'hs:0101', hsCode: '0101', hsLevel: 4, name: 'Heading'}),
           (:Product {id: 'hs:010110', hsCode: '010110', hsLevel: 6})-[:PART_OF]->(h),
           (:Product {id: 'hs:010120', hsCode: '010120', hsLevel: 6})-[:PART_OF]->(h),
           (:Product {id: 'hs:0202', hsCode: '0202', hsLevel: 4, name: 'Other'}),
           (:Region {id: 'region:wide', name: 'Wide'}), (:Region {id: 'region:narrow', name: 'Narrow'}),
           (:Region {id: 'region:elsewhere', name: 'Elsewhere'}), (:Company {id: 'company:a', name: 'A'})`);
  const flows = [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `flow:other-wide-${i}`, product: 'hs:0202', to: 'region:wide' })),
    ...Array.from({ length: 2 }, (_, i) => ({ id: `flow:other-narrow-${i}`, product: 'hs:0202', to: 'region:narrow' })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `flow:heading-wide-${i}`, product: i === 0 ? 'hs:0101' : 'hs:010110', to: 'region:wide' })),
    { id: 'flow:heading-narrow', product: 'hs:010120', to: 'region:narrow' },
    ...Array.from({ length: 2 }, (_, i) => ({ id: `flow:heading-elsewhere-${i}`, product: 'hs:010120', to: 'region:elsewhere' })),
  ];
  await db().write(
    `UNWIND $flows AS row
     MATCH (p:Product {id: row.product}), (t:Region {id: row.to}), (c:Company {id: 'company:a'})
     CREATE (f:TradeFlow:Fact {id: row.id, direction: 'EXPORT', value: 10.0, currency: 'USD', periodStart: 2024, periodEnd: 2024})
     CREATE (f)-[:OF_PRODUCT]->(p), (f)-[:TO]->(t), (f)-[:TRADER]->(c)`,
    { flows },
  );
});

/** The rows out of the expand from products to flows and of the expand from places to flows. */
function scanned(ops: PlanOperator[]): { fromProducts: number; fromPlaces: number } {
  const rows = (re: RegExp) => ops.filter((o) => o.type.includes('Expand') && re.test(o.details)).reduce((n, o) => n + o.rows, 0);
  return { fromProducts: rows(/\(x\)<-\[\w*:OF_PRODUCT\]-\(f\)/), fromPlaces: rows(/<-\[r:FROM\|TO\]-\(f\)/) };
}

async function profile(filter: Record<string, unknown>) {
  const params = { ids: [''], parentAs: null, parentEnd: null, filter: flowParams(filter), groupBy: 'COMPANY', limit: null, withNode: false };
  return scanned(await planOperators(db(), catalog.variant('analytics/trade-totals', params), params));
}

const totalFlows = async (filter: Record<string, unknown>) =>
  (dataOf(await api.gql('query($f: TradeFlowFilter) { tradeFlows(filter: $f, first: 1) { totalCount } }', { f: filter })) as any).tradeFlows.totalCount;

describe('the scan of several flow conditions starts from the narrowest', () => {
  it.each([
    ['the heading when the destination receives more flows', { product: 'hs:0101', to: 'region:wide' }, { fromProducts: 6, fromPlaces: 0 }, 3],
    ['the destination when it receives fewer flows than the product', { product: 'hs:0202', to: 'region:narrow' }, { fromProducts: 0, fromPlaces: 3 }, 2],
  ])('starts from %s', async (_name, filter, scan, total) => {
    expect(await profile(filter)).toEqual(scan);
    expect(await totalFlows(filter)).toBe(total);
  });

  it('answers what each condition alone intersected answers, for every pair', async () => {
    const ids = async (filter: Record<string, unknown>) =>
      ((dataOf(await api.gql('query($f: TradeFlowFilter) { tradeFlows(filter: $f, first: 100) { nodes { key } } }', { f: filter })) as any).tradeFlows.nodes as { key: string }[])
        .map((n) => n.key)
        .sort();
    for (const product of ['hs:0101', 'hs:010120', 'hs:0202']) {
      for (const to of ['region:wide', 'region:narrow', 'region:elsewhere']) {
        const [byProduct, byPlace] = [await ids({ product }), await ids({ to })];
        expect(await ids({ product, to })).toEqual(byProduct.filter((id) => byPlace.includes(id)));
      }
    }
  });

  it('answers nothing when one condition names no node, without scanning the other', async () => {
    const scan = await profile({ product: 'hs:9999', to: 'region:wide' });
    expect(scan).toEqual({ fromProducts: 0, fromPlaces: 0 });
    expect(await totalFlows({ product: 'hs:9999', to: 'region:wide' })).toBe(0);
  });
});
