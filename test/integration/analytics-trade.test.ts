/**
 * Trade aggregates over the real Neo4j: totals per group and currency, rankings, concentration
 * (HHI), nested supplier and destination breakdowns. Expected numbers are computed by hand from
 * the fixture (see linkage-fixture.ts).
 */
import { useTestGraph } from '../support/neo4j';
import { createLinkageFixture } from './linkage-fixture';
import { failure, gqlOver, ok } from '../support/execute';

const db = useTestGraph();
const gql = gqlOver(db);

beforeAll(async () => {
  await createLinkageFixture(db());
});

const rows = (list: any[]) => list.map((r) => [r.key, r.currency, r.value, r.flows]);

describe('tradeTotals', () => {
  it('sums exports per market, never across currencies, counting member countries while members', async () => {
    const data = ok(await gql(`{ tradeTotals(groupBy: MARKET, filter: { direction: [EXPORT] }) { key label value currency direction flows node { key } } }`));
    expect(rows(data.tradeTotals)).toEqual([
      ['market:asean', 'USD', 1400, 5],
      ['market:eu', 'USD', 400, 1],
      ['market:eu', 'EUR', 300, 1],
      ['market:asean', 'CNY', 10, 1],
    ]);
    expect(data.tradeTotals[0]).toMatchObject({ label: 'ASEAN', direction: 'EXPORT', node: { key: 'market:asean' } });
  });

  it('groups by product, HS chapter, company, destination and year', async () => {
    const exp = '{ direction: [EXPORT] }';
    const product = ok(await gql(`{ tradeTotals(groupBy: PRODUCT, filter: ${exp}) { key currency value flows } }`));
    expect(rows(product.tradeTotals)).toEqual([
      ['hs2022:8703', 'USD', 1400, 2],
      ['hs2022:871120', 'USD', 400, 4],
      ['hs2022:8703', 'EUR', 300, 1],
      ['product:wulong-bamboo-shoots', 'CNY', 10, 1],
    ]);
    const chapter = ok(await gql(`{ tradeTotals(groupBy: HS_CHAPTER, filter: ${exp}) { key label currency value flows } }`));
    expect(chapter.tradeTotals.map((r: any) => [r.key, r.label, r.currency, r.value])).toEqual([
      ['hs2022:87', 'Vehicles other than railway', 'USD', 1800],
      ['hs2022:87', 'Vehicles other than railway', 'EUR', 300],
      ['hs2022:20', 'Preparations of vegetables', 'CNY', 10],
    ]);
    const company = ok(await gql(`{ tradeTotals(groupBy: COMPANY, filter: ${exp}) { key currency value } }`));
    expect(company.tradeTotals.map((r: any) => [r.key, r.currency, r.value])).toEqual([
      ['company:changan-automobile', 'USD', 1400],
      ['company:zongshen-group', 'USD', 350],
      ['company:changan-automobile', 'EUR', 300],
      ['company:loncin', 'USD', 50],
    ]);
    const year = ok(await gql(`{ tradeTotals(groupBy: YEAR, filter: { direction: [EXPORT], to: "market:asean" }) { key currency value flows node { key } } }`));
    expect(year.tradeTotals.map((r: any) => [r.key, r.currency, r.value, r.flows, r.node])).toEqual([
      ['2024', 'USD', 1200, 2, null],
      ['2023', 'USD', 200, 3, null],
      ['2024', 'CNY', 10, 1, null],
    ]);
  });

  it('applies the tradeFlows filter: exporter, product (HS descendants, classification), hsPrefix, destination, years, direction', async () => {
    const q = (filter: string) => gql(`{ tradeTotals(groupBy: DESTINATION, filter: ${filter}) { key currency value flows direction } }`);
    expect(rows(ok(await q('{ exporter: "company:zongshen-group" }')).tradeTotals)).toEqual([
      ['iso:THA', 'USD', 300, 2],
      ['iso:VNM', 'USD', 50, 1],
    ]);
    // A heading matches the flows of its subheadings (871120 is part of 8711).
    expect(rows(ok(await q('{ product: "hs2022:8711", yearFrom: 2024 }')).tradeTotals)).toEqual([['iso:THA', 'USD', 200, 1]]);
    expect(rows(ok(await q('{ hsPrefix: "8703", to: "market:eu" }')).tradeTotals)).toEqual([
      ['iso:DEU', 'USD', 400, 1],
      ['iso:DEU', 'EUR', 300, 1],
    ]);
    const imports = ok(await q('{ direction: [IMPORT] }')).tradeTotals;
    expect(imports).toEqual([{ key: 'gb:500000', currency: 'USD', value: 999, flows: 1, direction: 'IMPORT' }]);
  });

  it('rejects a bad filter with BAD_USER_INPUT', async () => {
    expect(failure(await gql(`{ tradeTotals(groupBy: PRODUCT, filter: { hsPrefix: "87a" }) { key } }`))).toEqual({ code: 'BAD_USER_INPUT', message: '`hsPrefix` must be 1 to 10 digits' });
  });
});

describe('tradeChange', () => {
  it('compares two years per destination and currency: growth first, then new destinations', async () => {
    const data = ok(await gql(`{ tradeChange(groupBy: DESTINATION, fromYear: 2023, toYear: 2024, filter: { direction: [EXPORT], yearFrom: 1990 }) {
      key currency fromValue toValue change changePercent node { key } } }`));
    expect(data.tradeChange.map((r: any) => [r.key, r.currency, r.fromValue, r.toValue, r.change, r.changePercent])).toEqual([
      ['iso:THA', 'USD', 150, 1200, 1050, 700],
      ['iso:VNM', 'USD', 50, 0, -50, -100],
      ['iso:DEU', 'USD', 0, 400, 400, null],
      ['iso:DEU', 'EUR', 0, 300, 300, null],
      ['market:asean', 'CNY', 0, 10, 10, null],
    ]);
    expect(data.tradeChange[0].node).toEqual({ key: 'iso:THA' });
  });

  it('rejects years out of order', async () => {
    expect(failure(await gql(`{ tradeChange(groupBy: YEAR, fromYear: 2024, toYear: 2023) { key } }`))).toEqual({
      code: 'BAD_USER_INPUT',
      message: '`fromYear` must be before `toYear`; got 2024 and 2023',
    });
  });
});

describe('rankings and concentration', () => {
  it('topExporters of a product to a market, ranked within each currency with shares', async () => {
    const data = ok(await gql(`{ topExporters(product: "hs2022:87", market: "market:asean") { rank key label value currency share flows node { key } } }`));
    expect(data.topExporters.map((r: any) => [r.rank, r.key, r.currency, r.value])).toEqual([
      [1, 'company:changan-automobile', 'USD', 1000],
      [2, 'company:zongshen-group', 'USD', 350],
      [3, 'company:loncin', 'USD', 50],
    ]);
    expect(data.topExporters[1].share).toBeCloseTo(350 / 1400, 10);
    expect(data.topExporters[0].node).toEqual({ key: 'company:changan-automobile' });
    const top1 = ok(await gql(`{ topExporters(product: "hs2022:87", first: 1) { rank key currency value } }`));
    expect(top1.topExporters).toEqual([
      { rank: 1, key: 'company:changan-automobile', currency: 'USD', value: 1400 },
      { rank: 1, key: 'company:changan-automobile', currency: 'EUR', value: 300 },
    ]);
  });

  it('concentration by product: HHI on the 0..10,000 scale, top exporter and single-exporter flag', async () => {
    const data = ok(await gql(`{ concentration(by: PRODUCT) { key currency total flows exporterCount topExporter { key share } topShare hhi singleExporter exporters { key value share } } }`));
    const byKey = (k: string, c: string) => data.concentration.find((x: any) => x.key === k && x.currency === c);
    // Motorcycles: Zongshen 350 of 400 (87.5%), Loncin 50 (12.5%): 87.5^2 + 12.5^2 = 7812.5.
    expect(byKey('hs2022:871120', 'USD')).toEqual({
      key: 'hs2022:871120', currency: 'USD', total: 400, flows: 4, exporterCount: 2,
      topExporter: { key: 'company:zongshen-group', share: 0.875 }, topShare: 0.875, hhi: 7812.5, singleExporter: false,
      exporters: [
        { key: 'company:zongshen-group', value: 350, share: 0.875 },
        { key: 'company:loncin', value: 50, share: 0.125 },
      ],
    });
    expect(byKey('hs2022:8703', 'USD')).toMatchObject({ total: 1400, exporterCount: 1, hhi: 10000, singleExporter: true });
    // Most concentrated first; the bamboo shoots flow has no trader, so it is not attributed.
    expect(data.concentration.map((x: any) => [x.key, x.currency])).toEqual([
      ['hs2022:8703', 'USD'],
      ['hs2022:8703', 'EUR'],
      ['hs2022:871120', 'USD'],
    ]);
  });

  it('concentration by market, and only the single-exporter groups on request', async () => {
    const data = ok(await gql(`{ concentration(by: MARKET) { key currency total exporterCount topExporter { key } hhi } }`));
    const asean = data.concentration.find((x: any) => x.key === 'market:asean');
    // ASEAN USD: Chang'an 1000, Zongshen 350, Loncin 50 of 1400.
    const expected = ((1000 / 14) ** 2 + (350 / 14) ** 2 + (50 / 14) ** 2);
    expect(asean).toMatchObject({ currency: 'USD', total: 1400, exporterCount: 3, topExporter: { key: 'company:changan-automobile' } });
    expect(asean.hhi).toBeCloseTo(expected, 2);
    const single = ok(await gql(`{ concentration(by: MARKET, singleExporterOnly: true) { key currency topExporter { key } } }`));
    expect(single.concentration).toEqual([
      { key: 'market:eu', currency: 'USD', topExporter: { key: 'company:changan-automobile' } },
      { key: 'market:eu', currency: 'EUR', topExporter: { key: 'company:changan-automobile' } },
    ]);
  });
});

describe('nested aggregates', () => {
  it('Market.suppliersByProduct and Company.exportsByDestination, batched', async () => {
    const data = ok(await gql(`{
      asean: node(id: "${Buffer.from('Market:market:asean').toString('base64')}") { ... on Market { suppliersByProduct { key currency total singleExporter exporters { key value share } } } }
      zongshen: node(id: "${Buffer.from('Company:company:zongshen-group').toString('base64')}") { ... on Company { exportsByDestination { key currency value flows } } }
      changan: node(id: "${Buffer.from('Company:company:changan-automobile').toString('base64')}") { ... on Company { exportsByDestination { key currency value flows } } }
    }`));
    expect(data.asean.suppliersByProduct).toEqual([
      { key: 'hs2022:8703', currency: 'USD', total: 1000, singleExporter: true, exporters: [{ key: 'company:changan-automobile', value: 1000, share: 1 }] },
      {
        key: 'hs2022:871120', currency: 'USD', total: 400, singleExporter: false,
        exporters: [
          { key: 'company:zongshen-group', value: 350, share: 0.875 },
          { key: 'company:loncin', value: 50, share: 0.125 },
        ],
      },
    ]);
    expect(rows(data.zongshen.exportsByDestination)).toEqual([
      ['iso:THA', 'USD', 300, 2],
      ['iso:VNM', 'USD', 50, 1],
    ]);
    expect(rows(data.changan.exportsByDestination)).toEqual([
      ['iso:THA', 'USD', 1000, 1],
      ['iso:DEU', 'USD', 400, 1],
      ['iso:DEU', 'EUR', 300, 1],
    ]);
  });

  it('costs one aggregate query for all companies of a request', async () => {
    const ids = ['company:zongshen-group', 'company:changan-automobile', 'company:loncin'].map((k) => Buffer.from(`Company:${k}`).toString('base64'));
    const result = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Company { exportsByDestination { key value } } } }`, { ids });
    const data = ok(result);
    expect(data.nodes.map((n: any) => n.exportsByDestination.length)).toEqual([2, 3, 1]);
    // nodes(ids) (one batched lookup) + exportsByDestination (one batched aggregate).
    expect(result.queries).toBe(2);
  });
});

describe('a named product follows its classification', () => {
  // product:motorcycles is CLASSIFIED_AS hs2022:8711; the flows are recorded under its subheading hs2022:871120.
  const moto = '"product:motorcycles"';

  it('tradeFlows finds the flows recorded under a subheading of its HS entry', async () => {
    const data = ok(await gql(`{ tradeFlows(filter: { product: ${moto} }, first: 10) { totalCount nodes { key product { key } } } }`));
    expect(data.tradeFlows.totalCount).toBe(4);
    expect(data.tradeFlows.nodes.map((f: any) => f.key).sort()).toEqual(['flow:t:lx-tha-2023', 'flow:t:zs-tha-2023', 'flow:t:zs-tha-2024', 'flow:t:zs-vnm-2023']);
    expect(new Set(data.tradeFlows.nodes.map((f: any) => f.product.key))).toEqual(new Set(['hs2022:871120']));
  });

  it('tradeTotals and concentration count them', async () => {
    const data = ok(await gql(`{
      tradeTotals(groupBy: COMPANY, filter: { product: ${moto} }) { key currency value flows }
      concentration(by: MARKET, filter: { product: ${moto} }) { key currency total exporterCount }
    }`));
    expect(rows(data.tradeTotals)).toEqual([
      ['company:zongshen-group', 'USD', 350, 3],
      ['company:loncin', 'USD', 50, 1],
    ]);
    expect(data.concentration).toEqual([{ key: 'market:asean', currency: 'USD', total: 400, exporterCount: 2 }]);
  });

  it('Product.exporters, destinations and tradeFlows of the named product include them', async () => {
    const data = ok(await gql(`{ product(id: ${moto}) {
      exporters { company { key } flowCount totalValue currency totals { currency value flows } }
      importers { company { key } }
      destinations { place { ... on Region { key } } flowCount }
      tradeFlows(filter: { to: "iso:THA" }) { totalCount }
    } }`));
    expect(data.product.exporters).toEqual([
      { company: { key: 'company:zongshen-group' }, flowCount: 3, totalValue: 350, currency: 'USD', totals: [{ currency: 'USD', value: 350, flows: 3 }] },
      { company: { key: 'company:loncin' }, flowCount: 1, totalValue: 50, currency: 'USD', totals: [{ currency: 'USD', value: 50, flows: 1 }] },
    ]);
    expect(data.product.importers).toEqual([]);
    expect(data.product.destinations).toEqual([{ place: { key: 'iso:THA' }, flowCount: 3 }, { place: { key: 'iso:VNM' }, flowCount: 1 }]);
    expect(data.product.tradeFlows.totalCount).toBe(3);
  });

  it('an HS entry matches its descendants, and summaries never add currencies', async () => {
    const data = ok(await gql(`{
      heading: tradeFlows(filter: { product: "hs2022:8711" }) { totalCount }
      chapter: product(id: "hs2022:87") { exporters { company { key } totalValue currency totals { currency value } } }
    }`));
    expect(data.heading.totalCount).toBe(4);
    // Chang'an exported cars in USD and EUR: no single total, one per currency.
    expect(data.chapter.exporters.find((e: any) => e.company.key === 'company:changan-automobile')).toEqual({
      company: { key: 'company:changan-automobile' },
      totalValue: null,
      currency: null,
      totals: [{ currency: 'USD', value: 1400 }, { currency: 'EUR', value: 300 }],
    });
  });
});
