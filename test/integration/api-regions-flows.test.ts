/**
 * Regions and trade flows over a small fixture graph: lookups, filters, hierarchy, market matching.
 */
import { toGlobalId } from 'graphql-relay';
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';
import { dataOf, useApi } from '../support/api';

const db = useTestGraph();
const api = useApi(db);

beforeAll(async () => {
  await createFixtureGraph(db());
});

describe('regions', () => {
  it('finds a region by ISO, M49 or GB code and walks the hierarchy', async () => {
    const data = dataOf(
      await api.gql(`{
        tha: region(iso3: "tha") { key name parent { key } ancestors { key } markets { market { key } from to } }
        chn: region(m49: "156") { key }
        wulong: region(gbCode: "500156") { key name nameZh ancestors { key } markets { market { key } member { key } } }
        cq: region(id: "gb:500000") { children { key } companies { key } products { key } policies { key } }
      }`),
    );
    expect(data.tha.key).toBe('iso:THA');
    expect(data.tha.parent.key).toBe('m49:035');
    expect(data.tha.ancestors.map((a: any) => a.key)).toEqual(['m49:035', 'm49:142', 'm49:001']);
    expect(data.tha.markets.map((m: any) => m.market.key).sort()).toEqual(['market:asean', 'market:rcep']);
    expect(data.chn.key).toBe('iso:CHN');
    expect(data.wulong.ancestors[0].key).toBe('gb:500000');
    expect(data.wulong.markets).toEqual([{ market: { key: 'market:rcep' }, member: { key: 'iso:CHN' } }]);
    expect(data.cq.children.map((c: any) => c.key)).toEqual(['gb:500154', 'gb:500240', 'gb:500156']);
    expect(data.cq.companies.map((c: any) => c.key).sort()).toEqual(['company:changan', 'company:cq-importer', 'company:wulong-agri', 'company:zongshen']);
    expect(data.cq.products.map((c: any) => c.key).sort()).toEqual(['product:shizhu-water-shield', 'product:wulong-bamboo-shoots']);
  });

  it('lists regions with name, kind and membership filters, counted and paged by keyset', async () => {
    const q = `query($after: String, $filter: RegionFilter) {
      regions(first: 2, after: $after, filter: $filter) { totalCount edges { cursor node { key name } } pageInfo { hasNextPage hasPreviousPage endCursor } }
    }`;
    const first = dataOf(await api.gql(q, { filter: { kind: 'country' } })).regions;
    expect(first.totalCount).toBe(6);
    expect(first.edges.map((e: any) => e.node.name)).toEqual(['China', 'France']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = dataOf(await api.gql(q, { filter: { kind: 'country' }, after: first.pageInfo.endCursor })).regions;
    expect(second.edges.map((e: any) => e.node.name)).toEqual(['Japan', 'Thailand']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const zh = dataOf(await api.gql(q, { filter: { name: '武隆' } })).regions;
    expect(zh.edges.map((e: any) => e.node.key)).toEqual(['gb:500156']);
    const alias = dataOf(await api.gql(q, { filter: { name: 'vietnam' } })).regions;
    expect(alias.edges.map((e: any) => e.node.key)).toEqual(['iso:VNM']);
    const asean = dataOf(await api.gql(q, { filter: { memberOf: 'market:asean' } })).regions;
    expect(asean.totalCount).toBe(3);
  });

  it('pages backwards with last/before', async () => {
    const q = `query($before: String) { regions(last: 2, before: $before, filter: {kind: "country"}) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage startCursor } } }`;
    const last = dataOf(await api.gql(q)).regions;
    expect(last.edges.map((e: any) => e.node.name)).toEqual(['Timor-Leste', 'Viet Nam']);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = dataOf(await api.gql(q, { before: last.pageInfo.startCursor })).regions;
    expect(before.edges.map((e: any) => e.node.name)).toEqual(['Japan', 'Thailand']);
  });

  it('sorts descending', async () => {
    const data = dataOf(await api.gql(`{ regions(first: 3, filter: {kind: "country"}, direction: DESC) { nodes { name } } }`));
    expect(data.regions.nodes.map((n: any) => n.name)).toEqual(['Viet Nam', 'Timor-Leste', 'Thailand']);
  });
});

describe('node', () => {
  it('fetches any entity by global id and rejects bad ids', async () => {
    const id = toGlobalId('Company', 'company:zongshen');
    const data = dataOf(await api.gql(`query($id: ID!, $ids: [ID!]!) { node(id: $id) { id key ... on Company { name } } nodes(ids: $ids) { key __typename } }`, {
      id,
      ids: [toGlobalId('Region', 'iso:THA'), toGlobalId('Region', 'company:zongshen'), toGlobalId('Figure', 'figure:moto-growth')],
    }));
    expect(data.node).toEqual({ id, key: 'company:zongshen', name: 'Zongshen Group' });
    expect(data.nodes).toEqual([{ key: 'iso:THA', __typename: 'Region' }, null, { key: 'figure:moto-growth', __typename: 'Figure' }]);
    for (const bad of ['nope', toGlobalId('Nope', 'x'), '', 'Q29tcGFueTpjb21wYW55OnpvbmdzaGVu!']) {
      const res = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: bad });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('trade flows', () => {
  const q = `query($filter: TradeFlowFilter) { tradeFlows(filter: $filter, first: 50) { totalCount nodes { key } } }`;
  const keys = async (filter: object) => {
    const data = dataOf(await api.gql(q, { filter })).tradeFlows;
    expect(data.totalCount).toBe(data.nodes.length);
    return data.nodes.map((n: any) => n.key).sort();
  };

  it('matches a market by its members during membership, and a region by its sub-regions', async () => {
    // Timor-Leste joined ASEAN in 2025: its 2024 flow is not a flow to ASEAN.
    expect(await keys({ to: 'market:asean' })).toEqual(['flow:changan-asean-2024', 'flow:zongshen-tha-2023', 'flow:zongshen-vnm-2024']);
    // RCEP entered into force 2022: Thailand 2023, Japan 2024 and Chongqing (in China) 2024 count.
    expect(await keys({ to: 'market:rcep' })).toEqual(['flow:bamboo-jpn-2024', 'flow:cosmetics-fra-2024', 'flow:zongshen-tha-2023']);
    expect(await keys({ to: 'm49:035' })).toEqual(['flow:changan-tls-2024', 'flow:zongshen-tha-2023', 'flow:zongshen-vnm-2024']);
    expect(await keys({ from: 'iso:CHN', hsPrefix: '8711' })).toEqual(['flow:changan-tls-2024', 'flow:zongshen-tha-2023', 'flow:zongshen-vnm-2024']);
  });

  it('filters by trader role, product (HS tree and classification), channel, direction and years', async () => {
    expect(await keys({ exporter: 'company:zongshen', yearFrom: 2024 })).toEqual(['flow:zongshen-vnm-2024']);
    expect(await keys({ importer: 'company:zongshen' })).toEqual([]);
    expect(await keys({ product: 'hs2022:87', to: 'market:asean' })).toEqual(['flow:changan-asean-2024', 'flow:zongshen-tha-2023', 'flow:zongshen-vnm-2024']);
    expect(await keys({ product: 'hs2022:20' })).toEqual(['flow:bamboo-jpn-2024']);
    expect(await keys({ hsPrefix: '2005' })).toEqual(['flow:bamboo-jpn-2024']);
    expect(await keys({ via: 'policy:cbec', direction: ['IMPORT'] })).toEqual(['flow:cosmetics-fra-2024']);
    expect(await keys({ yearTo: 2023 })).toEqual(['flow:zongshen-tha-2023']);
  });

  it('sorts by value descending with keyset cursors', async () => {
    const page = `query($after: String) { tradeFlows(first: 2, after: $after, sort: VALUE, direction: DESC) { nodes { key value } pageInfo { endCursor hasNextPage } } }`;
    const a = dataOf(await api.gql(page)).tradeFlows;
    expect(a.nodes.map((n: any) => n.value)).toEqual([200, 100]);
    const b = dataOf(await api.gql(page, { after: a.pageInfo.endCursor })).tradeFlows;
    expect(b.nodes.map((n: any) => n.value)).toEqual([50, 30]);
  });

  it('resolves each flow\'s participants', async () => {
    const data = dataOf(await api.gql(`{ tradeFlow(id: "flow:bamboo-jpn-2024") { direction trader { name } product { key } from { ... on Region { key } } to { __typename ... on Region { iso3 } } via { key } excerpts { text source { title } } sources { key } } }`));
    expect(data.tradeFlow).toEqual({
      direction: 'EXPORT',
      trader: { name: 'Wulong Agriculture Co' },
      product: { key: 'product:wulong-bamboo-shoots' },
      from: { key: 'gb:500156' },
      to: { __typename: 'Region', iso3: 'JPN' },
      via: [{ key: 'policy:cbec' }],
      excerpts: [{ text: 'Shizhu water shield and Wulong bamboo shoots were exported.', source: { title: 'Chongqing foreign trade in the 14th FYP' } }],
      sources: [{ key: 'source:fyp' }],
    });
  });
});

describe('concentration', () => {
  it('measures exporter concentration per product and market, per currency (HHI 0..10,000)', async () => {
    const data = dataOf(
      await api.gql(`{
        single: concentration(by: PRODUCT, singleExporterOnly: true) { key currency hhi topExporter { key share } }
        moto: concentration(by: PRODUCT, filter: {hsPrefix: "8711"}) { key currency total exporterCount hhi exporters { key share value flows } }
        markets: concentration(by: MARKET) { key currency exporterCount flows hhi topExporter { key } }
      }`),
    );
    // The Chang'an flow to ASEAN states no value: it cannot be attributed a share, so 8703 has no row.
    expect(data.single).toEqual([{ key: 'product:wulong-bamboo-shoots', currency: 'USD', hhi: 10000, topExporter: { key: 'company:wulong-agri', share: 1 } }]);
    expect(data.moto).toHaveLength(1);
    expect(data.moto[0]).toMatchObject({ key: 'hs2022:8711', currency: 'USD', total: 350, exporterCount: 2 });
    expect(data.moto[0].hhi).toBeCloseTo((30000 / 350) ** 2 + (5000 / 350) ** 2, 1);
    expect(data.moto[0].exporters.map((e: any) => [e.key, e.flows])).toEqual([['company:zongshen', 2], ['company:changan', 1]]);
    // Timor-Leste joins ASEAN in 2025: its 2024 flow is not ASEAN trade.
    const asean = data.markets.find((m: any) => m.key === 'market:asean');
    expect(asean).toMatchObject({ currency: 'USD', exporterCount: 1, flows: 2, hhi: 10000, topExporter: { key: 'company:zongshen' } });
    const rcep = data.markets.find((m: any) => m.key === 'market:rcep');
    expect(rcep.exporterCount).toBe(2);
  });
});
