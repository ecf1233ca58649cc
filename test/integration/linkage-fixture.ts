/**
 * A small Chongqing-like graph for the linkage, analytics and recipe suites, written with
 * parameterized Cypher in the shape docs/model.md describes (labels, ids, properties, excerptIds,
 * STATED_IN provenance), so these suites do not depend on the seed data's exact content.
 *
 * The trade flows are invented test numbers (USD unless said), chosen so every aggregate has a
 * hand-computable answer:
 *   EXPORT from Chongqing: Zongshen motorcycles (hs2022:871120) THA 2023 100, VNM 2023 50, THA 2024 200;
 *   Loncin motorcycles THA 2023 50; Chang'an cars (hs2022:8703) THA 2024 1000, DEU 2024 400, DEU 2024 300 EUR;
 *   Wulong bamboo shoots to ASEAN (the market itself) 2024 10 CNY via cross-border e-commerce, no trader;
 *   IMPORT: cars from Germany to Chongqing 2024 999.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../src/neo4j/database';
import { INTEGER_PROPS } from '../../src/ingest/model';

type Props = Record<string, unknown>;

/** Label sets by primary label; facts also carry `Fact` (the label their ids are unique on). */
const LABELS = {
  Source: 'Source',
  Excerpt: 'Excerpt',
  Region: 'Region',
  Market: 'Market',
  Company: 'Company',
  Product: 'Product',
  Policy: 'Policy',
  Facility: 'Facility',
  Figure: 'Fact:Figure',
  TradeFlow: 'Fact:TradeFlow',
} as const;
type Label = keyof typeof LABELS;

const REL_TYPES = [
  'EXCERPT_OF', 'STATED_IN', 'PART_OF', 'MEMBER_OF', 'CLASSIFIED_AS', 'ORIGINATES_IN', 'HEADQUARTERED_IN',
  'OPERATES', 'LOCATED_IN', 'SUPPORTS', 'APPLIES_IN', 'ABOUT', 'TRADER', 'OF_PRODUCT', 'FROM', 'TO', 'VIA',
] as const;
type RelType = (typeof REL_TYPES)[number];

const nodes: Record<Label, Props[]> = {
  Source: [
    { id: 'source:fyp', title: 'Chongqing foreign trade in the 14th FYP', publisher: 'Chongqing Commerce Commission', kind: 'official-document', language: 'en' },
    { id: 'source:news', title: 'Motorcycle makers go abroad', publisher: 'Some News', kind: 'news', language: 'en' },
  ],
  Excerpt: [
    { id: 'excerpt:fyp-1', text: 'Automobile exports grew 278.1% compared with 2020.', locator: 'paragraph 1' },
    { id: 'excerpt:fyp-2', text: 'Chang\'an and Zongshen run factories in Thailand, Vietnam and other locations.', locator: 'paragraph 3' },
    { id: 'excerpt:fyp-3', text: 'Cross-border e-commerce helps Wulong bamboo shoots reach ASEAN.', locator: 'paragraph 4' },
    { id: 'excerpt:news-1', text: 'Thailand and Vietnam are ASEAN members.', locator: 'paragraph 2' },
  ],
  Region: [
    { id: 'iso:CHN', name: 'China', nameZh: '中国', aliases: ["People's Republic of China"], kind: 'country', iso3: 'CHN' },
    { id: 'gb:500000', name: 'Chongqing', nameZh: '重庆市', aliases: ['Chongqing Municipality', '重庆', '渝'], kind: 'municipality' },
    { id: 'gb:500156', name: 'Wulong', nameZh: '武隆区', aliases: ['Wulong District'], kind: 'district' },
    { id: 'm49:035', name: 'South-eastern Asia', nameZh: '东南亚', aliases: [], kind: 'subregion' },
    { id: 'iso:THA', name: 'Thailand', nameZh: '泰国', aliases: ['Taiguo'], kind: 'country', iso3: 'THA' },
    { id: 'iso:VNM', name: 'Viet Nam', nameZh: '越南', aliases: ['Vietnam'], kind: 'country', iso3: 'VNM' },
    { id: 'iso:DEU', name: 'Germany', nameZh: '德国', aliases: [], kind: 'country', iso3: 'DEU' },
  ],
  Market: [
    { id: 'market:asean', name: 'ASEAN', nameZh: '东盟', aliases: ['Association of Southeast Asian Nations'], kind: 'trade-bloc' },
    { id: 'market:eu', name: 'European Union', nameZh: '欧盟', aliases: ['EU'], kind: 'trade-bloc' },
  ],
  Company: [
    { id: 'company:changan-automobile', name: "Chang'an Automobile", nameZh: '长安汽车', aliases: ['Changan', '长安', 'Changan Qiche'], kind: 'enterprise' },
    { id: 'company:zongshen-group', name: 'Zongshen Group', nameZh: '宗申集团', aliases: ['Zongshen', '宗申'], kind: 'group' },
    { id: 'company:loncin', name: 'Loncin Motor', nameZh: '隆鑫通用', aliases: ['Loncin'], kind: 'enterprise' },
  ],
  Product: [
    { id: 'hs2022:87', name: 'Vehicles other than railway', hsCode: '87', hsEdition: 'HS2022', hsLevel: 2, aliases: [] },
    { id: 'hs2022:8703', name: 'Motor cars', hsCode: '8703', hsEdition: 'HS2022', hsLevel: 4, aliases: [] },
    { id: 'hs2022:8711', name: 'Motorcycles (HS)', hsCode: '8711', hsEdition: 'HS2022', hsLevel: 4, aliases: [] },
    { id: 'hs2022:871120', name: 'Motorcycles 50-250 cc', hsCode: '871120', hsEdition: 'HS2022', hsLevel: 6, aliases: [] },
    { id: 'hs2022:20', name: 'Preparations of vegetables', hsCode: '20', hsEdition: 'HS2022', hsLevel: 2, aliases: [] },
    { id: 'hs2022:200591', name: 'Bamboo shoots, prepared', hsCode: '200591', hsEdition: 'HS2022', hsLevel: 6, aliases: [] },
    { id: 'product:motorcycles', name: 'Motorcycles', nameZh: '摩托车', aliases: ['motorbikes'] },
    { id: 'product:wulong-bamboo-shoots', name: 'Wulong bamboo shoots', nameZh: '武隆竹笋', aliases: [] },
  ],
  Policy: [
    { id: 'policy:cross-border-e-commerce', name: 'Cross-border e-commerce', nameZh: '跨境电子商务', aliases: ['跨境电商', 'CBEC'], kind: 'trade-form' },
    { id: 'policy:chongqing-trade-global', name: 'Chongqing Trade Global', aliases: [], kind: 'brand', periodStart: 2021, periodEnd: 2025 },
    { id: 'policy:13th-five-year-plan', name: '13th Five-Year Plan', nameZh: '第十三个五年规划', aliases: ['13th FYP'], kind: 'plan', periodStart: 2016, periodEnd: 2020 },
    { id: 'policy:14th-five-year-plan', name: '14th Five-Year Plan', nameZh: '第十四个五年规划', aliases: ['14th FYP'], kind: 'plan', periodStart: 2021, periodEnd: 2025 },
  ],
  Facility: [
    { id: 'facility:overseas-factories', name: 'Overseas factories of Chang\'an and Zongshen', kind: 'factory', locationNote: 'in Thailand, Vietnam, and other locations' },
  ],
  Figure: [
    { id: 'figure:auto-growth', metric: 'export-value-growth', value: 278.1, unit: 'percent', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, statement: 'Automobile exports grew 278.1% in 2024 against 2020.' },
    { id: 'figure:moto-growth', metric: 'export-value-growth', value: 55.2, unit: 'percent', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, statement: 'Motorcycle exports grew 55.2% in 2024 against 2020.' },
    { id: 'figure:agri-growth', metric: 'export-value-growth', value: 103.7, unit: 'percent', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, baselineStart: 2020, baselineEnd: 2020, statement: 'Agricultural exports grew 103.7% in 2024 against 2020.' },
    { id: 'figure:corridor-growth', metric: 'goods-value-growth', value: 34, unit: 'percent', qualifier: 'exact', periodStart: 2022, periodEnd: 2022, baselineStart: 2021, baselineEnd: 2021, statement: 'Corridor goods value grew 34% in 2022 against 2021.' },
    { id: 'figure:enterprises-2020', metric: 'enterprise-count', value: 3761, unit: 'enterprises', qualifier: 'exact', periodStart: 2020, periodEnd: 2020, statement: '3,761 enterprises traded in 2020.' },
    { id: 'figure:enterprises-2024', metric: 'enterprise-count', value: 4739, unit: 'enterprises', qualifier: 'exact', periodStart: 2024, periodEnd: 2024, statement: '4,739 enterprises traded in 2024.' },
  ],
  TradeFlow: [
    { id: 'flow:t:zs-tha-2023', direction: 'EXPORT', periodStart: 2023, periodEnd: 2023, period: '2023', value: 100, currency: 'USD' },
    { id: 'flow:t:zs-vnm-2023', direction: 'EXPORT', periodStart: 2023, periodEnd: 2023, period: '2023', value: 50, currency: 'USD' },
    { id: 'flow:t:lx-tha-2023', direction: 'EXPORT', periodStart: 2023, periodEnd: 2023, period: '2023', value: 50, currency: 'USD' },
    { id: 'flow:t:zs-tha-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, period: '2024', value: 200, currency: 'USD' },
    { id: 'flow:t:ca-tha-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, period: '2024', value: 1000, currency: 'USD' },
    { id: 'flow:t:ca-deu-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, period: '2024', value: 400, currency: 'USD' },
    { id: 'flow:t:ca-deu-2024-eur', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, period: '2024', value: 300, currency: 'EUR' },
    { id: 'flow:t:bamboo-asean-2024', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, period: '2024', value: 10, currency: 'CNY' },
    { id: 'flow:t:cars-import-2024', direction: 'IMPORT', periodStart: 2024, periodEnd: 2024, period: '2024', value: 999, currency: 'USD' },
  ],
};

type Rel = [string, RelType, string, Props?];
const ex = (...ids: string[]) => ({ excerptIds: ids });

const rels: Rel[] = [
  ['excerpt:fyp-1', 'EXCERPT_OF', 'source:fyp'],
  ['excerpt:fyp-2', 'EXCERPT_OF', 'source:fyp'],
  ['excerpt:fyp-3', 'EXCERPT_OF', 'source:fyp'],
  ['excerpt:news-1', 'EXCERPT_OF', 'source:news'],
  ['gb:500156', 'PART_OF', 'gb:500000'],
  ['gb:500000', 'PART_OF', 'iso:CHN'],
  ['iso:THA', 'PART_OF', 'm49:035'],
  ['iso:VNM', 'PART_OF', 'm49:035'],
  ['iso:THA', 'MEMBER_OF', 'market:asean', { from: '1967-08-08', ...ex('excerpt:news-1') }],
  ['iso:VNM', 'MEMBER_OF', 'market:asean', { from: '1995-07-28', ...ex('excerpt:news-1') }],
  ['iso:DEU', 'MEMBER_OF', 'market:eu', { from: '1958-01-01' }],
  ['hs2022:8703', 'PART_OF', 'hs2022:87'],
  ['hs2022:8711', 'PART_OF', 'hs2022:87'],
  ['hs2022:871120', 'PART_OF', 'hs2022:8711'],
  ['hs2022:200591', 'PART_OF', 'hs2022:20'],
  ['product:motorcycles', 'CLASSIFIED_AS', 'hs2022:8711', ex('excerpt:fyp-1')],
  ['product:wulong-bamboo-shoots', 'CLASSIFIED_AS', 'hs2022:200591', { note: 'prepared bamboo shoots', ...ex('excerpt:fyp-3') }],
  ['product:wulong-bamboo-shoots', 'ORIGINATES_IN', 'gb:500156', ex('excerpt:fyp-3')],
  ['company:changan-automobile', 'HEADQUARTERED_IN', 'gb:500000', ex('excerpt:fyp-2')],
  ['company:zongshen-group', 'HEADQUARTERED_IN', 'gb:500000', ex('excerpt:fyp-2')],
  ['company:loncin', 'HEADQUARTERED_IN', 'gb:500000'],
  ['company:changan-automobile', 'OPERATES', 'facility:overseas-factories', ex('excerpt:fyp-2')],
  ['company:zongshen-group', 'OPERATES', 'facility:overseas-factories', ex('excerpt:fyp-2')],
  ['facility:overseas-factories', 'LOCATED_IN', 'iso:THA', ex('excerpt:fyp-2')],
  ['facility:overseas-factories', 'LOCATED_IN', 'iso:VNM', ex('excerpt:fyp-2')],
  ['policy:cross-border-e-commerce', 'APPLIES_IN', 'gb:500000', ex('excerpt:fyp-3')],
  ['policy:cross-border-e-commerce', 'SUPPORTS', 'product:wulong-bamboo-shoots', ex('excerpt:fyp-3')],
  ['policy:chongqing-trade-global', 'APPLIES_IN', 'gb:500000'],
  ['company:changan-automobile', 'STATED_IN', 'excerpt:fyp-2'],
  ['company:zongshen-group', 'STATED_IN', 'excerpt:fyp-2'],
  ['figure:auto-growth', 'ABOUT', 'hs2022:8703'],
  ['figure:auto-growth', 'ABOUT', 'gb:500000'],
  ['figure:auto-growth', 'STATED_IN', 'excerpt:fyp-1'],
  ['figure:moto-growth', 'ABOUT', 'product:motorcycles'],
  ['figure:moto-growth', 'ABOUT', 'gb:500000'],
  ['figure:moto-growth', 'STATED_IN', 'excerpt:fyp-1'],
  ['figure:agri-growth', 'ABOUT', 'gb:500000'],
  ['figure:agri-growth', 'STATED_IN', 'excerpt:fyp-1'],
  ['figure:corridor-growth', 'ABOUT', 'gb:500000'],
  ['figure:corridor-growth', 'STATED_IN', 'excerpt:news-1'],
  ['figure:enterprises-2020', 'ABOUT', 'gb:500000'],
  ['figure:enterprises-2020', 'STATED_IN', 'excerpt:fyp-1'],
  ['figure:enterprises-2024', 'ABOUT', 'gb:500000'],
  ['figure:enterprises-2024', 'STATED_IN', 'excerpt:fyp-1'],
  ...flow('flow:t:zs-tha-2023', 'company:zongshen-group', 'hs2022:871120', 'gb:500000', 'iso:THA'),
  ...flow('flow:t:zs-vnm-2023', 'company:zongshen-group', 'hs2022:871120', 'gb:500000', 'iso:VNM'),
  ...flow('flow:t:lx-tha-2023', 'company:loncin', 'hs2022:871120', 'gb:500000', 'iso:THA'),
  ...flow('flow:t:zs-tha-2024', 'company:zongshen-group', 'hs2022:871120', 'gb:500000', 'iso:THA'),
  ...flow('flow:t:ca-tha-2024', 'company:changan-automobile', 'hs2022:8703', 'gb:500000', 'iso:THA'),
  ...flow('flow:t:ca-deu-2024', 'company:changan-automobile', 'hs2022:8703', 'gb:500000', 'iso:DEU'),
  ...flow('flow:t:ca-deu-2024-eur', 'company:changan-automobile', 'hs2022:8703', 'gb:500000', 'iso:DEU'),
  ...flow('flow:t:bamboo-asean-2024', null, 'product:wulong-bamboo-shoots', 'gb:500156', 'market:asean'),
  ['flow:t:bamboo-asean-2024', 'VIA', 'policy:cross-border-e-commerce'],
  ['flow:t:bamboo-asean-2024', 'STATED_IN', 'excerpt:fyp-3'],
  ...flow('flow:t:cars-import-2024', null, 'hs2022:8703', 'iso:DEU', 'gb:500000'),
];

function flow(id: string, trader: string | null, product: string, from: string, to: string): Rel[] {
  const out: Rel[] = [[id, 'OF_PRODUCT', product], [id, 'FROM', from], [id, 'TO', to]];
  if (trader) out.push([id, 'TRADER', trader]);
  return out;
}

/** Years and levels as Neo4j integers, as the import pipeline stores them. */
function typed(props: Props): Props {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, INTEGER_PROPS.has(k) && typeof v === 'number' ? neo4j.int(v) : v]));
}

export async function createLinkageFixture(db: Database): Promise<void> {
  for (const [label, rows] of Object.entries(nodes) as [Label, Props[]][]) {
    // Labels come from the constant table above, never from input.
    await db.write(`UNWIND $rows AS row CREATE (n:${LABELS[label]}) SET n = row`, { rows: rows.map(typed) });
  }
  for (const type of REL_TYPES) {
    const rows = rels.filter((r) => r[1] === type).map(([from, , to, props]) => ({ from, to, props: props ?? {} }));
    if (rows.length === 0) continue;
    await db.write(`UNWIND $rows AS row MATCH (a {id: row.from}) MATCH (b {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`, { rows });
  }
}

export const FIXTURE_COUNTS = {
  nodes: Object.values(nodes).reduce((n, rows) => n + rows.length, 0),
  rels: rels.length,
};
