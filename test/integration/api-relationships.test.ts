/**
 * Relationship fields of every kind over the fixture graph: companies, products, markets, policies,
 * facilities, figures, facts and provenance (excerpts and sources on nodes and on edges).
 */
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';
import { dataOf, useApi } from '../support/api';

const db = useTestGraph();
const api = useApi(db);

beforeAll(async () => {
  await createFixtureGraph(db());
});

const keys = (list: { key: string }[]) => list.map((x) => x.key);

describe('companies', () => {
  it('answers headquarters, facilities with locations, products, destinations, flows, support', async () => {
    const data = dataOf(
      await api.gql(`{
        company(id: "company:zongshen") {
          name
          headquarters { region { key } excerpts { key } sources { key } }
          facilities { key locationNote locations { region { key } } operators { key } }
          products { product { key } flowCount firstYear lastYear years totalValue currency }
          destinations { place { __typename ... on Region { key } } flowCount }
          tradeFlows(first: 1) { totalCount nodes { key } pageInfo { hasNextPage } }
          supportedBy { policy { key } excerpts { text } }
          excerpts { key }
          sources { key }
        }
      }`),
    ).company;
    expect(data.headquarters).toEqual({ region: { key: 'gb:500000' }, excerpts: [{ key: 'excerpt:fyp-3' }], sources: [{ key: 'source:fyp' }] });
    expect(data.facilities).toEqual([
      { key: 'facility:overseas', locationNote: 'Thailand, Vietnam, and other locations', locations: [{ region: { key: 'iso:THA' } }, { region: { key: 'iso:VNM' } }], operators: [{ key: 'company:changan' }, { key: 'company:zongshen' }] },
    ]);
    expect(data.products).toEqual([{ product: { key: 'hs2022:8711' }, flowCount: 2, firstYear: 2023, lastYear: 2024, years: [2023, 2024], totalValue: 300, currency: 'USD' }]);
    expect(data.destinations.map((d: any) => d.place.key)).toEqual(['iso:THA', 'iso:VNM']);
    expect(data.tradeFlows).toEqual({ totalCount: 2, nodes: [{ key: 'flow:zongshen-tha-2023' }], pageInfo: { hasNextPage: true } });
    expect(data.supportedBy).toEqual([{ policy: { key: 'policy:trade-global' }, excerpts: [{ text: 'Exports of motorcycles grew 55.2%.' }] }]);
    expect(data.sources).toEqual([{ key: 'source:fyp' }]);
  });

  it('lists companies by region (headquarters or facility)', async () => {
    const data = dataOf(await api.gql(`{ a: companies(filter: {region: "iso:THA"}) { totalCount nodes { key } } b: companies(filter: {region: "gb:500156"}) { nodes { key } } }`));
    expect(keys(data.a.nodes)).toEqual(['company:changan', 'company:zongshen']);
    expect(keys(data.b.nodes)).toEqual(['company:wulong-agri']);
  });
});

describe('products', () => {
  it('walks the HS tree, classification and origins, and lists traders', async () => {
    const data = dataOf(
      await api.gql(`{
        byCode: product(hsCode: "2005.91") { key hsLevel hsParent { key } hsAncestors { key } classifies { product { key } note excerpts { key } } }
        chapter: product(id: "hs2022:87") { hsChildren { key } exporters { company { key } flowCount } destinations { place { ... on Market { key } ... on Region { key } } } }
        bamboo: product(id: "product:wulong-bamboo-shoots") {
          classifiedAs { hsEntry { hsCode } }
          origins { region { name } }
          exporters { company { key } }
          supportedBy { policy { key } }
          tradeFlows { nodes { key via { key } } }
        }
        cosmetics: product(hsCode: "3304", edition: "HS2022") { importers { company { key } } exporters { company { key } } }
        specialties: products(filter: {origin: "gb:500000", named: true}) { totalCount nodes { key } }
        motorcycles: products(filter: {hsPrefix: "8711"}) { nodes { key } }
      }`),
    );
    expect(data.byCode.key).toBe('hs2022:200591');
    expect(keys(data.byCode.hsAncestors)).toEqual(['hs2022:2005', 'hs2022:20']);
    expect(data.byCode.classifies).toEqual([{ product: { key: 'product:wulong-bamboo-shoots' }, note: 'prepared bamboo shoots', excerpts: [{ key: 'excerpt:fyp-2' }] }]);
    expect(keys(data.chapter.hsChildren)).toEqual(['hs2022:8703', 'hs2022:8711']);
    expect(data.chapter.exporters).toEqual([{ company: { key: 'company:changan' }, flowCount: 2 }, { company: { key: 'company:zongshen' }, flowCount: 2 }]);
    expect(data.bamboo.classifiedAs).toEqual([{ hsEntry: { hsCode: '200591' } }]);
    expect(data.bamboo.origins).toEqual([{ region: { name: 'Wulong' } }]);
    expect(data.bamboo.exporters).toEqual([{ company: { key: 'company:wulong-agri' } }]);
    expect(data.bamboo.supportedBy).toEqual([{ policy: { key: 'policy:agri-exports' } }]);
    expect(data.bamboo.tradeFlows.nodes).toEqual([{ key: 'flow:bamboo-jpn-2024', via: [{ key: 'policy:cbec' }] }]);
    expect(data.cosmetics).toEqual({ importers: [{ company: { key: 'company:cq-importer' } }], exporters: [] });
    expect(data.specialties.totalCount).toBe(2);
    expect(keys(data.motorcycles.nodes)).toEqual(['hs2022:8711']);
  });
});

describe('markets', () => {
  it('lists members with dates, suppliers and products (membership dates respected)', async () => {
    const data = dataOf(
      await api.gql(`{
        market(id: "market:asean") {
          members { member { key } from to excerpts { key } }
          in2024: members(year: 2024) { member { key } }
          suppliers { company { key } flowCount years }
          products { product { key } }
          tradeFlows(end: TO) { totalCount }
        }
        markets(filter: {hasMember: "gb:500156"}) { nodes { key } }
      }`),
    );
    const m = data.market;
    expect(m.members.map((x: any) => [x.member.key, x.from])).toEqual([
      ['iso:THA', '1967-08-08'],
      ['iso:TLS', '2025-10-26'],
      ['iso:VNM', '1995-07-28'],
    ]);
    expect(m.members[0].excerpts).toEqual([{ key: 'excerpt:news-1' }]);
    expect(m.in2024.map((x: any) => x.member.key)).toEqual(['iso:THA', 'iso:VNM']);
    expect(m.suppliers).toEqual([
      { company: { key: 'company:zongshen' }, flowCount: 2, years: [2023, 2024] },
      { company: { key: 'company:changan' }, flowCount: 1, years: [2024] },
    ]);
    expect(keys(m.products.map((p: any) => p.product))).toEqual(['hs2022:8711', 'hs2022:8703']);
    expect(m.tradeFlows.totalCount).toBe(3);
    expect(keys(data.markets.nodes)).toEqual(['market:rcep']);
  });
});

describe('policies', () => {
  it('answers supports (any node), applies-in, channel flows, and policy filters', async () => {
    const data = dataOf(
      await api.gql(`{
        policy(id: "policy:agri-exports") { supports { target { __typename key } excerpts { key } } appliesIn { region { key } } }
        cbec: policy(id: "policy:cbec") { flows(filter: {direction: [IMPORT]}) { nodes { key product { key } from { ... on Region { key } } } } supports { target { key } } }
        wulong: policies(filter: {appliesIn: "gb:500156", kind: "program"}) { nodes { key } }
        supporting: policies(filter: {supports: "company:zongshen", year: 2024}) { nodes { key } }
      }`),
    );
    expect(data.policy.supports).toEqual([
      { target: { __typename: 'Product', key: 'product:shizhu-water-shield' }, excerpts: [{ key: 'excerpt:fyp-2' }] },
      { target: { __typename: 'Product', key: 'product:wulong-bamboo-shoots' }, excerpts: [{ key: 'excerpt:fyp-2' }] },
    ]);
    expect(data.policy.appliesIn).toEqual([{ region: { key: 'gb:500000' } }]);
    expect(data.cbec.flows.nodes).toEqual([{ key: 'flow:cosmetics-fra-2024', product: { key: 'hs2022:3304' }, from: { key: 'iso:FRA' } }]);
    expect(data.cbec.supports).toEqual([{ target: { key: 'policy:trade-global' } }]);
    expect(keys(data.wulong.nodes)).toEqual(['policy:agri-exports']);
    expect(keys(data.supporting.nodes)).toEqual(['policy:trade-global']);
  });
});

describe('figures and facts', () => {
  it('orders growth figures by value and filters by subject (inside a region or HS entry)', async () => {
    const data = dataOf(
      await api.gql(`{
        growth: figures(filter: {unit: "percent", hasBaseline: true}, sort: VALUE, direction: DESC) { totalCount nodes { key value baselineEnd about { key } } }
        aboutVehicles: figures(filter: {about: "hs2022:87"}) { nodes { key } }
        region(id: "gb:500000") { figures(sort: VALUE, first: 2) { totalCount nodes { key } } }
      }`),
    );
    expect(data.growth.totalCount).toBe(3);
    expect(data.growth.nodes.map((n: any) => n.value)).toEqual([278.1, 103.7, 55.2]);
    expect(keys(data.growth.nodes[2].about)).toEqual(['gb:500000', 'hs2022:8711']);
    expect(keys(data.aboutVehicles.nodes)).toEqual(['figure:auto-growth', 'figure:moto-growth']);
    expect(data.region.figures.totalCount).toBe(4);
    expect(keys(data.region.figures.nodes)).toEqual(['figure:moto-growth', 'figure:agri-growth']);
  });

  it('finds facts resting on a single source, with their excerpts', async () => {
    const data = dataOf(
      await api.gql(`{
        single: facts(filter: {maxSources: 1}, first: 50) { totalCount nodes { __typename key sources { key } } }
        multi: facts(filter: {minSources: 2}) { nodes { key excerpts { key source { kind } } } }
        figuresOnly: facts(filter: {type: FIGURE, source: "source:news"}) { nodes { key } }
      }`),
    );
    expect(data.single.totalCount).toBe(9);
    expect(data.single.nodes.every((n: any) => n.sources.length === 1)).toBe(true);
    expect(data.multi.nodes).toEqual([
      { key: 'figure:moto-growth', excerpts: [{ key: 'excerpt:fyp-1', source: { kind: 'official-document' } }, { key: 'excerpt:news-1', source: { kind: 'news' } }] },
    ]);
    expect(keys(data.figuresOnly.nodes)).toEqual(['figure:moto-growth']);
  });
});

describe('sources', () => {
  it('lists sources with their excerpts and what each excerpt states', async () => {
    const data = dataOf(await api.gql(`{ sources(filter: {kind: "news"}, first: 5) { nodes { key excerpts { key states { __typename key } } } } source(id: "source:fyp") { title } }`));
    expect(data.sources.nodes).toEqual([
      { key: 'source:news', excerpts: [{ key: 'excerpt:news-1', states: [{ __typename: 'Figure', key: 'figure:moto-growth' }, { __typename: 'TradeFlow', key: 'flow:zongshen-tha-2023' }, { __typename: 'TradeFlow', key: 'flow:zongshen-vnm-2024' }] }] },
    ]);
    expect(data.source.title).toMatch(/14th FYP/);
  });
});
