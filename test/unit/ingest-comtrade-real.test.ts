/**
 * The Comtrade and HS readers on files in the shapes real files have (fixtures written after public
 * comtradeapicall outputs, Comtrade Plus downloads and the datasets/harmonized-system CSV).
 */
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ComtradeReader, NOTICE, SKIP } from '../../src/ingest/readers/comtrade';
import { HS_LEADING_ZERO, HsReader } from '../../src/ingest/readers/hs';
import type { Reader, ReaderOptions } from '../../src/ingest/readers/reader';
import { comtradeArea, comtradeAreas } from '../../src/ingest/reference/comtrade-areas';
import { sameFlow } from '../../src/ingest/staging/import';
import type { RowItem } from '../../src/ingest/types';

const FIX = path.join(__dirname, '..', 'fixtures', 'ingest');
const opts: ReaderOptions = { hsEdition: 'HS2022', createMissing: false };

async function readAll(reader: Reader, file: string, o: ReaderOptions = opts): Promise<RowItem[]> {
  const out: RowItem[] = [];
  for await (const item of reader.read(path.join(FIX, file), o)) out.push(item);
  return out;
}
const end = (i: RowItem, type: string): string | undefined => i.rels.find((r) => r.type === type)?.toId;

describe("UN Comtrade's own code list", () => {
  it('ships the reporter/partner codes with their non-M49 country codes and areas', () => {
    expect(comtradeAreas().size).toBe(312);
    expect(comtradeArea(842)).toMatchObject({ name: 'USA', iso3: 'USA' });
    expect(comtradeArea(251)).toMatchObject({ iso3: 'FRA' });
    expect(comtradeArea(699)).toMatchObject({ iso3: 'IND' });
    expect(comtradeArea(757)).toMatchObject({ iso3: 'CHE' });
    expect(comtradeArea(579)).toMatchObject({ iso3: 'NOR' });
    expect(comtradeArea(490)).toMatchObject({ name: 'Other Asia, nes', iso3: 'S19' });
    expect(comtradeArea(899)).toMatchObject({ name: 'Areas, nes', iso3: '_X' });
    expect(comtradeArea(97)).toMatchObject({ name: 'European Union', isGroup: true });
    expect(comtradeArea(0)).toMatchObject({ name: 'World', iso3: 'W00', isGroup: true });
  });
});

describe('Comtrade reader on real layouts', () => {
  it('maps Comtrade codes to countries without ISO columns (a comtradeapicall file), and keeps totals only', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/comtradeapicall-cn-2015-8542.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    const flows = items.filter((i) => !i.skip);
    expect(flows.map((i) => [end(i, 'FROM'), end(i, 'TO'), i.nodes[0]!.props.value])).toEqual([
      ['iso:USA', 'iso:CHN', 11370000000],
      ['iso:FRA', 'iso:CHN', 1200000000],
      ['iso:IND', 'iso:CHN', 35000000],
      ['iso:CHE', 'iso:CHN', 210000000],
      ['iso:NOR', 'iso:CHN', 4100000],
      ['m49:490', 'iso:CHN', 62000000000],
      ['m49:899', 'iso:CHN', 3000000],
      ['iso:CHN', 'iso:USA', 2800000000],
    ]);
    expect(flows[0]!.key).toBe('flow:comtrade:H4:2015:156:842:M:8542');
    expect(end(flows[0]!, 'OF_PRODUCT')).toBe('hs2012:8542');
    // Breakdowns of the USA total row and the World partner are read and skipped, each with its reason.
    expect(items.filter((i) => i.skip).map((i) => i.skip)).toEqual([SKIP.mot, SKIP.mot, SKIP.customs, SKIP.customs, SKIP.partner2, SKIP.world]);
  });

  it('refuses an ISO column that names another country than the code', async () => {
    const reader = new ComtradeReader();
    const items = await readAll(reader, 'comtrade/api-with-iso-cn-2015-8542.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(end(items[0]!, 'TO')).toBe('iso:USA'); // the same node as the file without ISO columns
  });

  it('reads a Comtrade Plus download: quoted, CRLF, a trailing comma on every row, Windows-1252 (with --encoding)', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/comtrade-plus-download-cp1252.csv', { ...opts, encoding: 'windows-1252' });
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(items.map((i) => i.skip ?? end(i, 'TO'))).toEqual(['iso:CIV', 'iso:TUR', SKIP.world]);
    expect(items.flatMap((i) => i.notices ?? [])).toEqual([NOTICE.trailingComma, NOTICE.trailingComma, NOTICE.trailingComma]);
  });

  it('names the encoding in one message when a Windows-1252 file is read as UTF-8', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/comtrade-plus-download-cp1252.csv');
    const messages = [...new Set(items.flatMap((i) => i.errors))];
    expect(messages).toEqual(['not valid UTF-8 text: the file looks like windows-1252; re-run with --encoding windows-1252']);
  });

  it('restores leading zeros a spreadsheet stripped and reads scientific notation as numbers, with notices', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/legacy-spreadsheet.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(items.map((i) => [end(i, 'OF_PRODUCT'), i.nodes[0]!.props.value])).toEqual([
      ['hs2022:01', 7.9e9],
      ['hs2022:010121', 350000],
      ['hs2022:0402', 8123456.5],
    ]);
    expect(items.map((i) => i.notices)).toEqual([[NOTICE.leadingZero, NOTICE.scientific], [NOTICE.leadingZero, NOTICE.scientific], [NOTICE.leadingZero]]);
    // 7.90E+09 keeps three significant digits: the notice says a spreadsheet may have rounded it.
  });

  it('refuses a SITC file in one line', async () => {
    const items = await readAll(new ComtradeReader(), 'comtrade/sitc-s4.csv');
    expect(items).toHaveLength(1);
    expect(items[0]!.fatal).toBe(true);
    expect(items[0]!.errors).toEqual(['classificationCode S4 is SITC Rev. 4: tradegraph imports HS classifications only (H0-H6, HS), so this file is refused (first non-HS row)']);
  });

  it('reads a header-only and an empty file as no rows, and states no Source for them', async () => {
    const reader = new ComtradeReader();
    expect(await readAll(reader, 'comtrade/header-only.csv')).toEqual([]);
    expect(await readAll(reader, 'comtrade/empty.csv')).toEqual([]);
    expect(reader.fileItems()).toEqual([]);
  });
});

describe('HS reader on the real file layout', () => {
  it("takes the file's TOTAL root row as the root (no second, synthesized one)", async () => {
    const reader = new HsReader();
    const items = await readAll(reader, 'hs/hs-real-root.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    const root = items.find((i) => i.key === 'hs2022:TOTAL')!;
    expect(root.nodes[0]!.props).toMatchObject({ name: 'Total of all HS2022 commodities', hsCode: 'TOTAL' });
    expect(items.find((i) => i.key === 'hs2022:99')!.rels.map((r) => r.toId)).toContain('hs2022:TOTAL');
    expect(reader.fileItems().map((i) => i.key)).not.toContain('hs2022:TOTAL');
  });

  it('restores leading zeros in codes and parents', async () => {
    const items = await readAll(new HsReader(), 'hs/hs-spreadsheet.csv');
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(items.map((i) => i.key)).toEqual(['hs2022:01', 'hs2022:0101', 'hs2022:010121', 'hs2022:TOTAL']);
    expect(items[2]!.rels[0]).toMatchObject({ type: 'PART_OF', toId: 'hs2022:0101' });
    expect(items[1]!.notices).toEqual([HS_LEADING_ZERO]);
  });
});

describe('re-import comparison', () => {
  const live = { isFlow: true, props: { value: 7900000000, periodStart: 2022, sourceRow: 5, quantity: null }, from: ['e1'], to: ['e2'], reporter: ['e1'], product: ['e3'] };
  const row = { id: 'f', props: { value: 7.9e9, periodStart: neo4j.int(2022), sourceRow: neo4j.int(9), quantity: null }, at: '0:9', from: 'e1', to: 'e2', reporter: 'e1', product: 'e3', excerpt: 'e4' };

  it('sees the same flow in another line of another file version as unchanged, and a changed value or endpoint as a change', () => {
    expect(sameFlow(live, row)).toBe(true);
    expect(sameFlow(live, { ...row, props: { ...row.props, value: 7.91e9 } })).toBe(false);
    expect(sameFlow(live, { ...row, props: { ...row.props, quantity: 3 } })).toBe(false);
    expect(sameFlow(live, { ...row, to: 'e9' })).toBe(false);
    expect(sameFlow({ ...live, isFlow: false }, row)).toBe(false);
  });
});
