/**
 * A small Chongqing-shaped graph for the API suites, written with plain parameterized Cypher
 * following docs/model.md (sources, excerpts, regions, markets with dated memberships, HS entries,
 * named products, companies, facilities, policies, figures and flows).
 */
import { refreshAggregates } from '../../src/neo4j/aggregates';
import type { RelType } from '../../src/model';
import type { Database } from '../../src/neo4j/database';
import type { Props } from '../../src/ingest/types';
import { relToNeo4j } from '../../src/ingest/writer';

const NODES: [label: string, props: Record<string, unknown>][] = [
  ['Source', { id: 'source:fyp', title: 'Chongqing foreign trade in the 14th FYP', publisher: 'Chongqing Commerce Commission', kind: 'official-document', language: 'en', published: '2025-01-10' }],
  ['Source', { id: 'source:news', title: 'Motorcycle exports news', publisher: 'Example News', kind: 'news', language: 'en' }],
  ['Excerpt', { id: 'excerpt:fyp-1', text: 'Exports of motorcycles grew 55.2%.', locator: 'paragraph 1' }],
  ['Excerpt', { id: 'excerpt:fyp-2', text: 'Shizhu water shield and Wulong bamboo shoots were exported.', locator: 'paragraph 2' }],
  ['Excerpt', { id: 'excerpt:fyp-3', text: 'Chang\'an and Zongshen built factories in Thailand, Vietnam and other locations.', locator: 'paragraph 3' }],
  ['Excerpt', { id: 'excerpt:news-1', text: 'Zongshen motorcycle exports to ASEAN rose by 55.2%.', locator: 'line 4' }],
  ['Region', { id: 'm49:001', name: 'World', kind: 'world', m49: '001' }],
  ['Region', { id: 'm49:142', name: 'Asia', kind: 'continent', m49: '142' }],
  ['Region', { id: 'm49:035', name: 'South-eastern Asia', kind: 'subregion', m49: '035' }],
  ['Region', { id: 'm49:030', name: 'Eastern Asia', kind: 'subregion', m49: '030' }],
  ['Region', { id: 'm49:155', name: 'Western Europe', kind: 'subregion', m49: '155' }],
  ['Region', { id: 'iso:CHN', name: 'China', nameZh: '中国', kind: 'country', iso2: 'CN', iso3: 'CHN', m49: '156' }],
  ['Region', { id: 'gb:500000', name: 'Chongqing', nameZh: '重庆市', kind: 'municipality', gbCode: '500000', aliases: ['Yu'] }],
  ['Region', { id: 'gb:500156', name: 'Wulong', nameZh: '武隆区', kind: 'district', gbCode: '500156' }],
  ['Region', { id: 'gb:500240', name: 'Shizhu', nameZh: '石柱土家族自治县', kind: 'county', gbCode: '500240' }],
  ['Region', { id: 'gb:500154', name: 'Kaizhou', nameZh: '开州区', kind: 'district', gbCode: '500154' }],
  ['Region', { id: 'iso:THA', name: 'Thailand', kind: 'country', iso2: 'TH', iso3: 'THA', m49: '764' }],
  ['Region', { id: 'iso:VNM', name: 'Viet Nam', kind: 'country', iso2: 'VN', iso3: 'VNM', m49: '704', aliases: ['Vietnam'] }],
  ['Region', { id: 'iso:TLS', name: 'Timor-Leste', kind: 'country', iso2: 'TL', iso3: 'TLS', m49: '626' }],
  ['Region', { id: 'iso:JPN', name: 'Japan', kind: 'country', iso2: 'JP', iso3: 'JPN', m49: '392' }],
  ['Region', { id: 'iso:FRA', name: 'France', kind: 'country', iso2: 'FR', iso3: 'FRA', m49: '250' }],
  ['Market', { id: 'market:asean', name: 'ASEAN', kind: 'trade-bloc' }],
  ['Market', { id: 'market:rcep', name: 'RCEP', kind: 'trade-agreement' }],
  ['Company', { id: 'company:changan', name: "Chang'an Automobile", nameZh: '长安汽车', kind: 'enterprise' }],
  ['Company', { id: 'company:zongshen', name: 'Zongshen Group', nameZh: '宗申集团', kind: 'group' }],
  ['Company', { id: 'company:wulong-agri', name: 'Wulong Agriculture Co', kind: 'enterprise' }],
  ['Company', { id: 'company:cq-importer', name: 'Chongqing Consumer Imports', kind: 'enterprise' }],
  ['Facility', { id: 'facility:overseas', name: 'Overseas factories', kind: 'factory', locationNote: 'Thailand, Vietnam, and other locations' }],
  ['Product', { id: 'hs2022:87', name: 'Vehicles', hsCode: '87', hsEdition: 'HS2022', hsLevel: 2, hsSection: 'XVII' }],
  ['Product', { id: 'hs2022:8703', name: 'Motor cars', hsCode: '8703', hsEdition: 'HS2022', hsLevel: 4, hsSection: 'XVII' }],
  ['Product', { id: 'hs2022:8711', name: 'Motorcycles', hsCode: '8711', hsEdition: 'HS2022', hsLevel: 4, hsSection: 'XVII' }],
  ['Product', { id: 'hs2022:20', name: 'Preparations of vegetables', hsCode: '20', hsEdition: 'HS2022', hsLevel: 2, hsSection: 'IV' }],
  ['Product', { id: 'hs2022:2005', name: 'Other vegetables prepared', hsCode: '2005', hsEdition: 'HS2022', hsLevel: 4, hsSection: 'IV' }],
  ['Product', { id: 'hs2022:200591', name: 'Bamboo shoots', hsCode: '200591', hsEdition: 'HS2022', hsLevel: 6, hsSection: 'IV' }],
  ['Product', { id: 'hs2022:3304', name: 'Beauty or make-up preparations', hsCode: '3304', hsEdition: 'HS2022', hsLevel: 4, hsSection: 'VI' }],
  ['Product', { id: 'product:wulong-bamboo-shoots', name: 'Wulong bamboo shoots' }],
  ['Product', { id: 'product:shizhu-water-shield', name: 'Shizhu water shield' }],
  ['Policy', { id: 'policy:cbec', name: 'Cross-border e-commerce', kind: 'trade-form' }],
  ['Policy', { id: 'policy:trade-global', name: 'Chongqing Trade Global', kind: 'brand', periodStart: 2021, periodEnd: 2025 }],
  ['Policy', { id: 'policy:agri-exports', name: 'Agricultural export program', kind: 'program', periodStart: 2021, periodEnd: 2025 }],
];

const FIGURES: Record<string, unknown>[] = [
  { id: 'figure:moto-growth', metric: 'export-value-growth', value: 55.2, unit: 'percent', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, statement: 'Motorcycle exports grew 55.2% in 2024 against 2020.' },
  { id: 'figure:auto-growth', metric: 'export-value-growth', value: 278.1, unit: 'percent', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, statement: 'Automobile exports grew 278.1% in 2024 against 2020.' },
  { id: 'figure:agri-growth', metric: 'export-value-growth', value: 103.7, unit: 'percent', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, statement: 'Agricultural exports grew 103.7% in 2024 against 2020.' },
  { id: 'figure:enterprises', metric: 'enterprise-count', value: 4739, unit: 'enterprises', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, statement: '4,739 enterprises traded in 2024.' },
];

const FLOWS: Record<string, unknown>[] = [
  { id: 'flow:zongshen-tha-2023', direction: 'EXPORT', periodStart: 2023, periodEnd: 2023, value: 100, currency: 'USD' },
  { id: 'flow:zongshen-vnm-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, value: 200, currency: 'USD' },
  { id: 'flow:changan-asean-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024 },
  { id: 'flow:changan-tls-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, value: 50, currency: 'USD' },
  { id: 'flow:bamboo-jpn-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, value: 10, currency: 'USD' },
  { id: 'flow:cosmetics-fra-2024', direction: 'IMPORT', periodStart: 2024, periodEnd: 2024, value: 30, currency: 'USD' },
];

// [from, type, to, properties]
const RELS: [string, string, string, Record<string, unknown>][] = [
  ['excerpt:fyp-1', 'EXCERPT_OF', 'source:fyp', {}],
  ['excerpt:fyp-2', 'EXCERPT_OF', 'source:fyp', {}],
  ['excerpt:fyp-3', 'EXCERPT_OF', 'source:fyp', {}],
  ['excerpt:news-1', 'EXCERPT_OF', 'source:news', {}],
  ['m49:142', 'PART_OF', 'm49:001', {}],
  ['m49:035', 'PART_OF', 'm49:142', {}],
  ['m49:030', 'PART_OF', 'm49:142', {}],
  ['iso:CHN', 'PART_OF', 'm49:030', {}],
  ['iso:JPN', 'PART_OF', 'm49:030', {}],
  ['iso:THA', 'PART_OF', 'm49:035', {}],
  ['iso:VNM', 'PART_OF', 'm49:035', {}],
  ['iso:TLS', 'PART_OF', 'm49:035', {}],
  ['iso:FRA', 'PART_OF', 'm49:155', {}],
  ['gb:500000', 'PART_OF', 'iso:CHN', {}],
  ['gb:500156', 'PART_OF', 'gb:500000', { excerptIds: ['excerpt:fyp-2'] }],
  ['gb:500240', 'PART_OF', 'gb:500000', { excerptIds: ['excerpt:fyp-2'] }],
  ['gb:500154', 'PART_OF', 'gb:500000', {}],
  ['iso:THA', 'MEMBER_OF', 'market:asean', { from: '1967-08-08', excerptIds: ['excerpt:news-1'] }],
  ['iso:VNM', 'MEMBER_OF', 'market:asean', { from: '1995-07-28' }],
  ['iso:TLS', 'MEMBER_OF', 'market:asean', { from: '2025-10-26' }],
  ['iso:CHN', 'MEMBER_OF', 'market:rcep', { from: '2022-01-01' }],
  ['iso:THA', 'MEMBER_OF', 'market:rcep', { from: '2022-01-01' }],
  ['iso:JPN', 'MEMBER_OF', 'market:rcep', { from: '2022-01-01' }],
  ['hs2022:8703', 'PART_OF', 'hs2022:87', {}],
  ['hs2022:8711', 'PART_OF', 'hs2022:87', {}],
  ['hs2022:2005', 'PART_OF', 'hs2022:20', {}],
  ['hs2022:200591', 'PART_OF', 'hs2022:2005', {}],
  ['product:wulong-bamboo-shoots', 'CLASSIFIED_AS', 'hs2022:200591', { excerptIds: ['excerpt:fyp-2'], note: 'prepared bamboo shoots' }],
  ['product:wulong-bamboo-shoots', 'ORIGINATES_IN', 'gb:500156', { excerptIds: ['excerpt:fyp-2'] }],
  ['product:shizhu-water-shield', 'ORIGINATES_IN', 'gb:500240', { excerptIds: ['excerpt:fyp-2'] }],
  ['company:changan', 'HEADQUARTERED_IN', 'gb:500000', { excerptIds: ['excerpt:fyp-3'] }],
  ['company:zongshen', 'HEADQUARTERED_IN', 'gb:500000', { excerptIds: ['excerpt:fyp-3'] }],
  ['company:wulong-agri', 'HEADQUARTERED_IN', 'gb:500156', {}],
  ['company:cq-importer', 'HEADQUARTERED_IN', 'gb:500000', {}],
  ['company:changan', 'OPERATES', 'facility:overseas', { excerptIds: ['excerpt:fyp-3'] }],
  ['company:zongshen', 'OPERATES', 'facility:overseas', { excerptIds: ['excerpt:fyp-3'] }],
  ['facility:overseas', 'LOCATED_IN', 'iso:THA', { excerptIds: ['excerpt:fyp-3'] }],
  ['facility:overseas', 'LOCATED_IN', 'iso:VNM', { excerptIds: ['excerpt:fyp-3'] }],
  ['policy:trade-global', 'APPLIES_IN', 'gb:500000', {}],
  ['policy:trade-global', 'SUPPORTS', 'company:zongshen', { excerptIds: ['excerpt:fyp-1'] }],
  ['policy:agri-exports', 'APPLIES_IN', 'gb:500000', {}],
  ['policy:agri-exports', 'SUPPORTS', 'product:wulong-bamboo-shoots', { excerptIds: ['excerpt:fyp-2'] }],
  ['policy:agri-exports', 'SUPPORTS', 'product:shizhu-water-shield', { excerptIds: ['excerpt:fyp-2'] }],
  ['policy:cbec', 'SUPPORTS', 'policy:trade-global', {}],
  ['figure:moto-growth', 'ABOUT', 'hs2022:8711', {}],
  ['figure:moto-growth', 'ABOUT', 'gb:500000', {}],
  ['figure:auto-growth', 'ABOUT', 'hs2022:8703', {}],
  ['figure:auto-growth', 'ABOUT', 'gb:500000', {}],
  ['figure:agri-growth', 'ABOUT', 'gb:500000', {}],
  ['figure:enterprises', 'ABOUT', 'gb:500000', {}],
  ['flow:zongshen-tha-2023', 'TRADER', 'company:zongshen', {}],
  ['flow:zongshen-tha-2023', 'OF_PRODUCT', 'hs2022:8711', {}],
  ['flow:zongshen-tha-2023', 'FROM', 'gb:500000', {}],
  ['flow:zongshen-tha-2023', 'TO', 'iso:THA', {}],
  ['flow:zongshen-vnm-2024', 'TRADER', 'company:zongshen', {}],
  ['flow:zongshen-vnm-2024', 'OF_PRODUCT', 'hs2022:8711', {}],
  ['flow:zongshen-vnm-2024', 'FROM', 'gb:500000', {}],
  ['flow:zongshen-vnm-2024', 'TO', 'iso:VNM', {}],
  ['flow:changan-asean-2024', 'TRADER', 'company:changan', {}],
  ['flow:changan-asean-2024', 'OF_PRODUCT', 'hs2022:8703', {}],
  ['flow:changan-asean-2024', 'FROM', 'gb:500000', {}],
  ['flow:changan-asean-2024', 'TO', 'market:asean', {}],
  ['flow:changan-tls-2024', 'TRADER', 'company:changan', {}],
  ['flow:changan-tls-2024', 'OF_PRODUCT', 'hs2022:8711', {}],
  ['flow:changan-tls-2024', 'FROM', 'gb:500000', {}],
  ['flow:changan-tls-2024', 'TO', 'iso:TLS', {}],
  ['flow:bamboo-jpn-2024', 'TRADER', 'company:wulong-agri', {}],
  ['flow:bamboo-jpn-2024', 'OF_PRODUCT', 'product:wulong-bamboo-shoots', {}],
  ['flow:bamboo-jpn-2024', 'FROM', 'gb:500156', {}],
  ['flow:bamboo-jpn-2024', 'TO', 'iso:JPN', {}],
  ['flow:bamboo-jpn-2024', 'VIA', 'policy:cbec', {}],
  ['flow:cosmetics-fra-2024', 'TRADER', 'company:cq-importer', {}],
  ['flow:cosmetics-fra-2024', 'OF_PRODUCT', 'hs2022:3304', {}],
  ['flow:cosmetics-fra-2024', 'FROM', 'iso:FRA', {}],
  ['flow:cosmetics-fra-2024', 'TO', 'gb:500000', {}],
  ['flow:cosmetics-fra-2024', 'VIA', 'policy:cbec', {}],
  // provenance (STATED_IN)
  ['figure:moto-growth', 'STATED_IN', 'excerpt:fyp-1', {}],
  ['figure:moto-growth', 'STATED_IN', 'excerpt:news-1', {}],
  ['figure:auto-growth', 'STATED_IN', 'excerpt:fyp-1', {}],
  ['figure:agri-growth', 'STATED_IN', 'excerpt:fyp-2', {}],
  ['figure:enterprises', 'STATED_IN', 'excerpt:fyp-1', {}],
  ['flow:zongshen-tha-2023', 'STATED_IN', 'excerpt:news-1', {}],
  ['flow:zongshen-vnm-2024', 'STATED_IN', 'excerpt:news-1', {}],
  ['flow:changan-asean-2024', 'STATED_IN', 'excerpt:fyp-3', {}],
  ['flow:changan-tls-2024', 'STATED_IN', 'excerpt:fyp-3', {}],
  ['flow:bamboo-jpn-2024', 'STATED_IN', 'excerpt:fyp-2', {}],
  ['flow:cosmetics-fra-2024', 'STATED_IN', 'excerpt:fyp-1', {}],
  ['company:changan', 'STATED_IN', 'excerpt:fyp-3', {}],
  ['company:zongshen', 'STATED_IN', 'excerpt:fyp-3', {}],
  ['gb:500156', 'STATED_IN', 'excerpt:fyp-2', {}],
];

/** Writes the fixture graph (labels and relationship types come from the constant lists above, never from input). */
export async function createFixtureGraph(db: Database): Promise<void> {
  for (const label of ['Source', 'Excerpt', 'Region', 'Market', 'Company', 'Facility', 'Product', 'Policy']) {
    const rows = NODES.filter(([l]) => l === label).map(([, p]) => p);
    await db.write(`UNWIND $rows AS row CREATE (n:${label}) SET n = row`, { rows });
  }
  await db.write('UNWIND $rows AS row CREATE (n:Fact:Figure) SET n = row', { rows: FIGURES });
  await db.write('UNWIND $rows AS row CREATE (n:Fact:TradeFlow) SET n = row', { rows: FLOWS });
  const types = [...new Set(RELS.map(([, t]) => t))];
  for (const type of types) {
    // Properties the model derives (MEMBER_OF's fromYear/toYear) are written as the import writes them.
    const rows = RELS.filter(([, t]) => t === type).map(([from, , to, props]) => ({ from, to, props: relToNeo4j({ type: type as RelType, fromId: from, toId: to, excerptIds: [], props: props as Props, owned: [] }) }));
    const written = await db.write<{ n: number }>(
      `UNWIND $rows AS row MATCH (a {id: row.from}) MATCH (b {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props RETURN count(r) AS n`,
      { rows },
    );
    if (written[0]?.n !== rows.length) throw new Error(`fixture: ${type}: wrote ${written[0]?.n} of ${rows.length}`);
  }
  // What every import maintains after it writes (sort keys, analytics summaries), as the pipeline does.
  await refreshAggregates(db);
}

/** Counts nodes and relationships (to show a request changed nothing). */
export async function graphSize(db: Database): Promise<{ nodes: number; rels: number }> {
  const rows = await db.read<{ nodes: number; rels: number }>(
    'MATCH (n) WHERE NOT n:Migration WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
  );
  return rows[0]!;
}
