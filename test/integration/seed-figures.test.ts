/**
 * Every figure of the founding document is in the seeded graph exactly as the text states it:
 * value, unit, qualifier (nearly / more-than / exact), period and baseline, and an excerpt of the
 * document whose text contains the figure as written. Nothing more precise than the text: the
 * document's qualitative facts are figures without a value, and no other figure cites it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedGraph } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/paths';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const SOURCE = 'source:cq-foreign-trade-14th-fyp';
const DOCUMENT = fs.readFileSync(path.join(PROJECT_ROOT, 'seed', 'sources', 'chongqing-foreign-trade-14th-fyp.txt'), 'utf8');

// Every figure citing an excerpt of the founding document, with all its excerpts of that document.
const FIGURES = `MATCH (f:Figure)-[:STATED_IN]->(e:Excerpt)-[:EXCERPT_OF]->(:Source {id: $source})
  WITH f, collect(e.text) AS texts
  RETURN f.id AS id, f.value AS value, f.unit AS unit, f.qualifier AS qualifier,
         f.periodStart AS periodStart, f.periodEnd AS periodEnd, f.baselineStart AS baselineStart, f.baselineEnd AS baselineEnd,
         f.statement AS statement, f.note AS note, texts, [(f)-[:ABOUT]->(x) | x.id] AS about
  ORDER BY id`;

interface FigureRow {
  id: string;
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  baselineStart: number | null;
  baselineEnd: number | null;
  statement: string | null;
  note: string | null;
  texts: string[];
  about: string[];
}

type Expected = Pick<FigureRow, 'value' | 'unit' | 'qualifier' | 'periodStart' | 'periodEnd' | 'baselineStart' | 'baselineEnd'> & {
  /** The figure as the document writes it; one cited excerpt must contain it. */
  written: string;
};

const y2024 = { periodStart: 2024, periodEnd: 2024 };
const noPeriod = { periodStart: null, periodEnd: null };
const vs2020 = { baselineStart: 2020, baselineEnd: 2020 };
const noBaseline = { baselineStart: null, baselineEnd: null };

/** The founding document's figures ("the end of the 13th Five-Year Plan period" = 2020). */
const EXPECTED: Record<string, Expected> = {
  'figure:cq-2024-automobile-export-growth': { written: '278.1%', value: 278.1, unit: 'percent', qualifier: 'exact', ...y2024, ...vs2020 },
  'figure:cq-2024-motorcycle-and-parts-export-growth': { written: '55.2%', value: 55.2, unit: 'percent', qualifier: 'exact', ...y2024, ...vs2020 },
  'figure:cq-2024-agricultural-export-growth': { written: '103.7%', value: 103.7, unit: 'percent', qualifier: 'exact', ...y2024, ...vs2020 },
  'figure:cq-2024-consumer-goods-import-growth': { written: '21.1%', value: 21.1, unit: 'percent', qualifier: 'exact', ...y2024, ...vs2020 },
  // "Currently" and "cumulatively" give no period.
  'figure:cq-cross-border-e-commerce-entities': { written: 'nearly 7,000 cross-border e-commerce entities', value: 7000, unit: 'entities', qualifier: 'nearly', ...noPeriod, ...noBaseline },
  'figure:cq-hgte-enterprises-supported': { written: 'over 3,000 enterprises', value: 3000, unit: 'enterprises', qualifier: 'more-than', ...noPeriod, ...noBaseline },
  'figure:cq-hgte-international-exhibitions': { written: 'more than 400 international exhibitions', value: 400, unit: 'exhibitions', qualifier: 'more-than', ...noPeriod, ...noBaseline },
  'figure:cq-hgte-intended-orders': { written: 'exceeding 20 billion yuan', value: 20_000_000_000, unit: 'CNY', qualifier: 'more-than', ...noPeriod, ...noBaseline },
  'figure:cq-2024-trading-enterprises': { written: 'In 2024, 4,739 enterprises', value: 4739, unit: 'enterprises', qualifier: 'exact', ...y2024, ...noBaseline },
  'figure:cq-2024-trading-enterprises-growth': { written: '26% increase compared to the end of the 13th Five-Year Plan period', value: 26, unit: 'percent', qualifier: 'exact', ...y2024, ...vs2020 },
};

/** Facts without a number: only the subjects and the excerpts, never an invented count. */
const QUALITATIVE: Record<string, { written: string; about: string[] }> = {
  'figure:cq-specialties-first-independent-export': {
    written: 'achieved independent export for the first time',
    about: ['product:shizhu-water-shield', 'product:wulong-bamboo-shoots', 'product:kaizhou-mulberry-leaf-eggs', 'product:agricultural-products', 'gb:500000', 'gb:500154', 'gb:500156', 'gb:500240'],
  },
  'figure:cq-overseas-factories-asean-integration': {
    written: 'deeply integrating with regional markets like ASEAN',
    about: ['company:changan-automobile', 'company:zongshen-group', 'facility:changan-zongshen-overseas-factories', 'iso:THA', 'iso:VNM', 'market:asean', 'gb:500000'],
  },
};

let figures: Map<string, FigureRow>;

beforeAll(async () => {
  const report = await seedGraph(db());
  expect(report.errors).toEqual([]);
  const rows = await db().read<FigureRow>(FIGURES, { source: SOURCE });
  figures = new Map(rows.map((r) => [r.id, r]));
});

it('has exactly the figures of the founding document, no others citing it', () => {
  expect([...figures.keys()].sort()).toEqual([...Object.keys(EXPECTED), ...Object.keys(QUALITATIVE)].sort());
});

it.each(Object.entries(EXPECTED))('%s states what the text states, with a verbatim excerpt', (id, expected) => {
  const f = figures.get(id)!;
  const { written, ...dimensions } = expected;
  expect({ id, value: f.value, unit: f.unit, qualifier: f.qualifier, periodStart: f.periodStart, periodEnd: f.periodEnd, baselineStart: f.baselineStart, baselineEnd: f.baselineEnd }).toEqual({
    id,
    ...dimensions,
  });
  expect(f.texts.filter((t) => t.includes(written))).not.toEqual([]);
  for (const t of f.texts) expect(DOCUMENT).toContain(t);
  expect(f.statement).toBeTruthy();
});

it.each(Object.entries(QUALITATIVE))('%s is qualitative: no value, unit or qualifier, with its subjects and excerpt', (id, expected) => {
  const f = figures.get(id)!;
  expect({ value: f.value, unit: f.unit, qualifier: f.qualifier }).toEqual({ value: null, unit: null, qualifier: null });
  expect([...f.about].sort()).toEqual([...expected.about].sort());
  expect(f.texts.filter((t) => t.includes(expected.written))).not.toEqual([]);
  for (const t of f.texts) expect(DOCUMENT).toContain(t);
  expect(f.note).toMatch(/^Qualitative: /);
});
