import path from 'node:path';
import { ComtradeReader, SKIP } from '../../src/ingest/readers/comtrade';
import { detectLayout } from '../../src/ingest/readers/comtrade-layouts';
import { HsReader } from '../../src/ingest/readers/hs';
import type { Reader, ReaderOptions } from '../../src/ingest/readers/reader';
import { countryByAlpha3, countryByNumeric } from '../../src/ingest/reference/countries';
import type { RowItem } from '../../src/ingest/types';
import { IngestQueries } from '../../src/ingest/templates';
import { NODE_LABELS, labelForId, relRuleViolation } from '../../src/ingest/model';

const FIX = path.join(__dirname, '..', 'fixtures', 'ingest');
const opts: ReaderOptions = { hsEdition: 'HS2022', createMissing: false };

async function readAll(reader: Reader, file: string, o: ReaderOptions = opts): Promise<RowItem[]> {
  const out: RowItem[] = [];
  for await (const item of reader.read(path.join(FIX, file), o)) out.push(item);
  return out;
}

const relsOf = (item: RowItem): string[] => item.rels.map((r) => `${r.type} ${r.toId}`);

describe('country reference table', () => {
  it('maps M49 numeric codes and ISO3 to countries with names in English and Chinese', () => {
    expect(countryByNumeric('156')).toMatchObject({ iso3: 'CHN', iso2: 'CN', m49: '156', nameZh: '中国' });
    expect(countryByNumeric(4)).toMatchObject({ iso3: 'AFG', m49: '004' });
    expect(countryByAlpha3('tha')).toMatchObject({ iso3: 'THA', m49: '764' });
    expect(countryByNumeric('490')).toBeUndefined(); // Comtrade's "Other Asia, nes" is no ISO country
  });
});

describe('Comtrade layouts', () => {
  it('detects the legacy and the API layout, and a subset of API columns', () => {
    expect(detectLayout(['Classification', 'Year', 'Period', 'Trade Flow Code', 'Reporter Code', 'Partner Code', 'Commodity Code', 'Trade Value (US$)']).map?.layout).toBe('legacy');
    expect(detectLayout(['period', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue']).map?.layout).toBe('api');
  });
  it('names missing required columns and unknown headers', () => {
    expect(detectLayout(['period', 'reporterCode', 'flowCode', 'cmdCode']).error).toBe('api Comtrade header lacks required column(s): partnerCode or partnerISO; primaryValue');
    expect(detectLayout(['a', 'b']).error).toMatch(/not a UN Comtrade header/);
  });
});

describe('Comtrade reader', () => {
  it('turns legacy rows into flows with direction-dependent endpoints', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/legacy-cn-2022.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    const [exp, imp, world, usa] = items;
    expect(exp!.key).toBe('flow:comtrade:H6:2022:156:764:X:8711');
    expect(exp!.nodes[0]!.props).toMatchObject({ direction: 'EXPORT', value: 987654321, netWeightKg: 45678900, quantity: 123456, quantityUnit: 'Number of items', periodStart: 2022, sourceRow: 2 });
    expect(relsOf(exp!)).toEqual(['FROM iso:CHN', 'TO iso:THA', 'REPORTED_BY iso:CHN', 'OF_PRODUCT hs2022:8711', expect.stringMatching(/^STATED_IN excerpt:comtrade-legacy-cn-2022-csv-[0-9a-f]{12}$/)]);
    expect(imp!.key).toBe('flow:comtrade:H6:2022:156:554:M:0402');
    expect(relsOf(imp!).slice(0, 2)).toEqual(['FROM iso:NZL', 'TO iso:CHN']);
    // The World partner is the sum over all partners: read, then skipped (never a destination).
    expect(world!.skip).toBe(SKIP.world);
    expect(relsOf(usa!)).toContain('TO iso:USA'); // Comtrade's 842 resolved through the ISO3 column
  });

  it('reads the API layout (and a BOM + CRLF legacy file) the same way', async () => {
    const api = await readAll(new ComtradeReader(), 'comtrade/api-cn-2022.csv');
    expect(api.flatMap((i) => i.errors)).toEqual([]);
    expect(api.map((i) => i.key)).toEqual(['flow:comtrade:H6:2022:156:704:X:8711', 'flow:comtrade:H6:2022:156:490:M:0402', 'flow:comtrade:H6:2022:156:764:RX:8711']);
    expect(relsOf(api[1]!)[0]).toBe('FROM m49:490');
    const bom = await readAll(new ComtradeReader(), 'comtrade/legacy-bom-crlf.csv');
    expect(bom.map((i) => i.key)).toEqual((await readAll(new ComtradeReader(), 'comtrade/legacy-cn-2022.csv')).map((i) => i.key));
  });

  it('reads a tab-separated subset with monthly periods', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/api-subset-monthly.txt');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(items.map((i) => i.key)).toEqual(['flow:comtrade:HS:202203:156:764:X:8711', 'flow:comtrade:HS:202204:156:764:X:8711']);
    expect(items[0]!.nodes[0]!.props).toMatchObject({ period: '202203', periodStart: 2022, periodEnd: 2022 });
    expect(items[0]!.nodes[0]!.props.netWeightKg).toBeUndefined();
  });

  it('lists every bad row of a bad file with its line, and keeps reading after a broken quote', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/legacy-bad.csv');
    const errs = items.flatMap((i) => i.errors.map((e) => `${i.line}: ${e}`));
    expect(errs).toEqual([
      '2: Trade Value (US$) must not be negative: -5',
      '3: Trade Value (US$) is not a number: "NaN"',
      '3: Qty is not a number: "1,234"',
      '4: Trade Value (US$) is empty',
      '5: Commodity Code "87AB" is not an HS code (2, 4 or 6 digits, or TOTAL)',
      '6: partner code "abc" is not a numeric UN Comtrade code',
      '7: Trade Flow Code "7" is not a supported trade flow (X, M, RX, RM or legacy 1-4)',
      expect.stringMatching(/^10: row has 36 fields but the header has 35 \(a value seems quoted with typographic quotes/),
      expect.stringMatching(/^11: unclosed double quote/),
    ]);
    expect(items.find((i) => i.line === 12)!.key).toBe('flow:comtrade:H6:2022:156:704:X:8711');
  });

  it('reports invalid UTF-8 lines, and reads the file with --encoding gb18030', async () => {
    const bad = await readAll(new ComtradeReader(), 'comtrade/legacy-gb18030.csv');
    expect(bad.filter((i) => i.errors.length > 0).map((i) => i.line)).toEqual([2, 3]);
    const reader = new ComtradeReader();
    const good = await readAll(reader, 'comtrade/legacy-gb18030.csv', { ...opts, encoding: 'gb18030', createMissing: true });
    expect(good.flatMap((i) => i.errors)).toEqual([]);
    const created = reader.createMissing(['iso:THA', 'm49:001', 'hs2022:8711', 'gb:999999']);
    // m49:001 (World) is not created: its rows are skipped, so no row of the file names it.
    expect(created.map((i) => i.key)).toEqual(['source:i18n-iso-countries', 'excerpt:i18n-iso-countries-table', 'iso:THA', 'hs2022:8711']);
    expect(created[2]!.nodes[0]!.props).toMatchObject({ name: 'Thailand', kind: 'country', iso3: 'THA', m49: '764' });
    expect(created[3]!.nodes[0]!.props).toMatchObject({ hsCode: '8711', hsLevel: 4, hsEdition: 'HS2022' });
  });
});

describe('HS reader', () => {
  it('builds products with PART_OF to the parent, chapters under TOTAL', async () => {
    const reader = new HsReader();
    const items = await readAll(reader, 'hs/hs-small.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(items[0]!.nodes[0]).toMatchObject({ label: 'Product', id: 'hs2022:87', props: expect.objectContaining({ hsCode: '87', hsLevel: 2, hsSection: 'XVII', hsEdition: 'HS2022' }) });
    expect(items[0]!.nodes[0]!.owned).toEqual(['name', 'hsCode', 'hsEdition', 'hsLevel', 'hsSection']); // a row owns the columns it reads
    expect(relsOf(items[0]!)).toEqual(['PART_OF hs2022:TOTAL', 'STATED_IN excerpt:hs-hs2022-hs-small-csv']);
    expect(relsOf(items[2]!)[0]).toBe('PART_OF hs2022:8711');
    expect(items[4]!.nodes[0]!.props.name).toMatch(/^Dairy produce; birds' eggs/); // typographic apostrophe normalized
    expect(reader.fileItems().map((i) => i.key)).toEqual(['source:hs-hs2022-hs-small-csv', 'excerpt:hs-hs2022-hs-small-csv', 'hs2022:TOTAL']);
  });

  it('uses the edition option for ids', async () => {
    const items = await readAll(new HsReader(), 'hs/hs-small.csv', { ...opts, hsEdition: 'HS2017' });
    expect(items[0]!.key).toBe('hs2017:87');
  });

  it('lists every bad row', async () => {
    const items = await readAll(new HsReader(), 'hs/hs-bad.csv');
    expect(items.flatMap((i) => i.errors.map((e) => `${i.line}: ${e}`))).toEqual([
      '3: hscode "871" must be 2, 4 or 6 digits',
      '4: parent "88" must be 87 for code 8711',
      '5: description is empty',
      '6: level "5" must be 2, 4 or 6',
      expect.stringMatching(/^7: row has 6 fields but the header has 5 \(a value seems quoted with typographic quotes/),
    ]);
  });
});

describe('write templates', () => {
  it('fills every label and allowed relationship from the whitelist, leaving no placeholder', () => {
    const q = new IngestQueries();
    for (const label of NODE_LABELS) expect(q.upsertNodes(label)).not.toMatch(/__/);
    expect(q.upsertNodes('TradeFlow')).toContain('MERGE (n:Fact {id: row.id})');
    expect(q.upsertNodes('TradeFlow')).toContain('n:TradeFlow');
    expect(q.upsertRels('STATED_IN', 'Fact', 'Excerpt')).toContain('MERGE (a)-[r:STATED_IN]->(b)');
    expect(() => q.upsertRels('OPERATES', 'Region', 'Facility')).toThrow(/no OPERATES from Region/);
    expect(q.existingIds().split('UNION ALL')).toHaveLength(9);
  });

  it('derives labels from id schemes and enforces the model’s relationship patterns', () => {
    expect(labelForId('flow:comtrade:H6:2022:156:764:X:8711')).toBe('Fact');
    expect(labelForId('hs2022:TOTAL')).toBe('Product');
    expect(labelForId('Company:X')).toBeUndefined();
    expect(relRuleViolation('LOCATED_IN', 'company:x', 'market:asean')).toMatch(/LOCATED_IN cannot join Company "company:x" to Market "market:asean" \(allowed: Facility->Region\)/);
    expect(relRuleViolation('ABOUT', 'figure:f', 'market:asean')).toBeUndefined();
  });
});
