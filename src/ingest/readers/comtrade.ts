/**
 * Reader of UN Comtrade CSV (comma or tab separated, legacy or API layout, detected from the header).
 *
 * Each data row that states a total becomes one TradeFlow fact: an export (X) or re-export (RX)
 * flows FROM the reporter TO the partner, an import (M) or re-import (RM) FROM the partner TO the
 * reporter; all are REPORTED_BY the reporter and OF_PRODUCT the HS entry `hs<edition>:<cmdCode>`.
 *
 * Decisions (src/ingest/README.md, "UN Comtrade decisions"):
 * - Stored flows never overlap, so no sum over them counts a value twice. Rows that break a total
 *   down (partner2Code other than 0, customsCode other than C00, motCode other than 0) and rows
 *   whose partner is World (0, the sum over all partners) are read, checked for their layout and
 *   skipped, with a count per reason in the report.
 * - Regions from UN Comtrade's own code list (reference/comtrade-areas.csv): a code with an ISO
 *   3166 alpha-3 is that country (842 -> iso:USA, with or without ISO columns in the file); other
 *   codes are statistical areas `m49:<code>` of kind `area` (490 "Other Asia, nes", 899 "Areas,
 *   nes", 97 EU...), never merged into a country. An ISO column that names another country than
 *   the code is an error.
 * - Only HS classifications (H0-H6, HS = as reported) are read; a SITC, BEC or EBOPS file is
 *   refused with one line saying so.
 * - Files as they are: a trailing comma on every row (Comtrade's web download), BOM, CRLF, quoted
 *   fields; HS codes that lost their leading zero in a spreadsheet (`10121`) are restored (`010121`)
 *   and the report says how many; values in scientific notation (`7.90E+09`) are read as numbers,
 *   with a notice (a spreadsheet may have rounded them). A file with a header and no rows, or an
 *   empty file, writes nothing.
 * - Provenance: one Source and one Excerpt per file version (`source:comtrade-<file>-<sha256 prefix>`,
 *   kind customs-data); every flow is STATED_IN the excerpt of the file version that states its
 *   current value and carries `sourceRow`, its line. A later version of a file that changes a
 *   value re-points the flow (the pipeline's staging, src/ingest/staging/).
 * - Flow ids are the row's dimensions: `flow:comtrade:<classification>:<period>:<reporter>:
 *   <partner>:<flow>:<cmdCode>` (Comtrade codes), so a re-import updates the same facts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { node, rel } from '../build';
import { fileChecksum } from '../files';
import { parseAmount } from '../numbers';
import { COMTRADE_AREAS_SOURCE, comtradeArea } from '../reference/comtrade-areas';
import { countryByAlpha3, countryByNumeric, countryItem, referenceItems } from '../reference/countries';
import { normalizeName, slugify } from '../text';
import type { RowItem } from '../types';
import { FIELDS, FLOWS, HS_EDITIONS, HeaderMap, OTHER_CLASSIFICATIONS, detectLayout, Field } from './comtrade-layouts';
import { csvRows, fieldCountError } from './csv-rows';
import type { Reader, ReaderOptions } from './reader';

interface Named {
  name: string;
  file: string;
  line: number;
  /** Named by UN Comtrade's reference list (cited as such), rather than by the file. */
  reference?: boolean;
}

interface FileInfo {
  layout: string;
  modified: string;
  sha256: string;
}

/** Why rows are skipped (report keys). */
export const SKIP = {
  world: 'partner is World (0): the sum over all partners, not a destination',
  partner2: 'breakdown by second partner (partner2Code other than 0) of a total row',
  customs: 'breakdown by customs procedure (customsCode other than C00) of a total row',
  mot: 'breakdown by mode of transport (motCode other than 0) of a total row',
} as const;

export const NOTICE = {
  trailingComma: 'row ends with a trailing comma (one empty field more than the header, as in Comtrade downloads): the empty field is ignored',
  leadingZero: 'commodity code lost its leading zero (a spreadsheet read it as a number, e.g. 10121 for 010121): restored',
  scientific: 'value in scientific notation (e.g. 7.90E+09): read as the number it is; a spreadsheet may have rounded it',
};

/** Source and Excerpt ids of one version of a Comtrade file (name + content). */
export function comtradeSourceIds(file: string, sha256: string = fileChecksum(file)): { source: string; excerpt: string } {
  const slug = `${slugify(path.basename(file))}-${sha256.slice(0, 12)}`;
  return { source: `source:comtrade-${slug}`, excerpt: `excerpt:comtrade-${slug}` };
}

export class ComtradeReader implements Reader {
  private readonly files = new Map<string, FileInfo>();
  /** Names of areas and HS codes, for `createMissing`. */
  private readonly areas = new Map<string, Named>();
  private readonly products = new Map<string, Named & { code: string; edition: string }>();

  async *read(file: string, opts: ReaderOptions): AsyncIterable<RowItem> {
    const sha256 = fileChecksum(file);
    const { excerpt } = comtradeSourceIds(file, sha256);
    const layout = (fields: string[]): { header: HeaderMap } | { error: string } => {
      const detected = detectLayout(fields);
      return detected.map ? { header: detected.map } : { error: detected.error! };
    };
    for await (const row of csvRows(file, opts, layout)) {
      const { item } = row;
      if (row.fields === undefined) {
        yield item;
        continue;
      }
      if (row.index === 1) this.files.set(file, { layout: row.header.layout, modified: fs.statSync(file).mtime.toISOString().slice(0, 10), sha256 });
      const out = this.rowItem(row.fields, row.header, item, opts, excerpt);
      if (out === 'refuse') {
        item.fatal = true;
        yield item;
        return;
      }
      if (item.errors.length > 0) item.raw = row.text;
      yield item;
    }
    // A header-only or empty file states nothing: it never gets a Source or an Excerpt (set at the first row).
  }

  /** Fills `item` from one row; 'refuse' when the whole file cannot be imported (the item says why). */
  private rowItem(fields: string[], header: HeaderMap, item: RowItem, opts: ReaderOptions, excerpt: string): 'refuse' | undefined {
    const errors = item.errors;
    const notices: string[] = (item.notices = []);
    if (fields.length === header.width + 1 && fields[header.width] === '') {
      fields.pop();
      notices.push(NOTICE.trailingComma);
    }
    if (fields.length !== header.width) {
      errors.push(fieldCountError(fields, header.width));
      return;
    }
    const get = (f: Field): string => {
      const i = header.index[f];
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const col = (f: Field): string => FIELDS[f][header.layout][0];

    // Classification: a non-HS file is refused whole, in one line.
    const classification = (get('classification') || 'HS').toUpperCase();
    const edition = classification === 'HS' ? opts.hsEdition : HS_EDITIONS[classification];
    if (!edition) {
      const known = OTHER_CLASSIFICATIONS[classification];
      errors.push(
        known
          ? `${col('classification')} ${classification} is ${known}: tradegraph imports HS classifications only (H0-H6, HS), so this file is refused (first non-HS row)`
          : `${col('classification')} ${JSON.stringify(classification)} is not an HS classification (H0-H6 or HS); only HS rows can be imported, so this file is refused`,
      );
      return 'refuse';
    }

    // Totals only: breakdowns and the World partner are skipped (counted).
    const partnerCode = get('partnerCode');
    const partner2 = get('partner2Code');
    const customs = get('customsCode').toUpperCase();
    const mot = get('motCode');
    const skip =
      partner2 !== '' && partner2 !== '0' ? SKIP.partner2
      : customs !== '' && customs !== 'C00' ? SKIP.customs
      : mot !== '' && mot !== '0' ? SKIP.mot
      : partnerCode !== '' && /^0+$/.test(partnerCode) ? SKIP.world
      : undefined;
    if (skip) {
      item.skip = skip;
      return;
    }

    // Commodity code, with a leading zero restored (HS codes have an even number of digits), unless
    // the row's aggregate level says the code has the length it shows.
    let cmd = get('cmdCode').toUpperCase();
    const level = get('aggrLevel');
    if (/^\d{1}$|^\d{3}$|^\d{5}$/.test(cmd) && (level === '' || Number(level) === cmd.length + 1)) {
      cmd = `0${cmd}`;
      notices.push(NOTICE.leadingZero);
    }
    if (!/^(?:TOTAL|\d{2}|\d{4}|\d{6})$/.test(cmd)) errors.push(`${col('cmdCode')} ${JSON.stringify(get('cmdCode'))} is not an HS code (2, 4 or 6 digits, or TOTAL)`);
    if (level !== '' && /^\d{2,6}$/.test(cmd) && /^\d$/.test(level) && Number(level) !== 0 && Number(level) !== cmd.length) {
      errors.push(`${col('aggrLevel')} ${level} does not match the ${cmd.length}-digit commodity code ${cmd}`);
    }

    // Period.
    const period = get('period');
    const yearCol = get('year');
    let year: number | undefined;
    if (period !== '') {
      if (!/^\d{4}(?:\d{2})?$/.test(period)) errors.push(`${col('period')} ${JSON.stringify(period)} is not a year (YYYY) or month (YYYYMM)`);
      else year = Number(period.slice(0, 4));
    }
    if (yearCol !== '') {
      if (!/^\d{4}$/.test(yearCol)) errors.push(`${col('year')} ${JSON.stringify(yearCol)} is not a year`);
      else if (year !== undefined && Number(yearCol) !== year) errors.push(`${col('year')} ${yearCol} disagrees with ${col('period')} ${period}`);
      else year ??= Number(yearCol);
    }
    if (period === '' && yearCol === '') errors.push(`${col('period')} is empty`);

    // Flow direction.
    const flowRaw = get('flow');
    const flow = FLOWS[flowRaw.toLowerCase()];
    if (!flow) errors.push(`${col('flow')} ${JSON.stringify(flowRaw)} is not a supported trade flow (X, M, RX, RM or legacy 1-4)`);

    // Reporter and partner.
    const reporter = this.region('reporter', get('reporterCode'), get('reporterIso'), get('reporterDesc'), item, errors);
    const partner = this.region('partner', partnerCode, get('partnerIso'), get('partnerDesc'), item, errors);

    // Amounts: the trade value is required; the rest may be empty but never negative or NaN.
    const rawValue = get('value');
    const value = parseAmount(rawValue, col('value'), true, errors);
    const qty = parseAmount(get('qty'), col('qty'), false, errors);
    const netWgt = parseAmount(get('netWgt'), col('netWgt'), false, errors);
    const cif = parseAmount(get('cif'), col('cif'), false, errors);
    const fob = parseAmount(get('fob'), col('fob'), false, errors);
    if (/e/i.test(rawValue)) notices.push(NOTICE.scientific);

    if (errors.length > 0 || !flow || !reporter || !partner || year === undefined) return;

    const productId = `hs${edition.slice(2)}:${cmd}`;
    if (!this.products.has(productId)) {
      const desc = normalizeName(get('cmdDesc')) || (cmd === 'TOTAL' ? 'All commodities' : `HS ${cmd}`);
      this.products.set(productId, { name: desc, code: cmd, edition, file: item.file, line: item.line });
    }
    const dims = [classification, period || String(year), reporter.code, partner.code, flow.code, cmd];
    const id = `flow:comtrade:${dims.join(':').replace(/[^A-Za-z0-9:._-]/g, '_')}`;
    const outward = flow.code === 'X' || flow.code === 'RX';
    const flag = get('flag');

    item.key = id;
    // The same flow in two files (a re-download) is a repetition, not a conflict: compare what the
    // row says (numbers as numbers: 7.90E+09 = 7900000000), not where it was read.
    item.content = JSON.stringify([value, qty, get('qtyUnit'), netWgt, cif, fob, flag, reporter.id, partner.id, productId]);
    item.nodes.push(
      node('TradeFlow', id, {
        direction: flow.direction,
        periodStart: year,
        periodEnd: year,
        period: period || String(year),
        value,
        currency: 'USD',
        cifValue: cif,
        fobValue: fob,
        netWeightKg: netWgt,
        quantity: qty,
        quantityUnit: qty !== undefined ? get('qtyUnit') || undefined : undefined,
        qualifier: 'exact',
        flag: flag !== '' ? flag : undefined,
        classification,
        sourceRow: item.line,
      }),
    );
    item.rels.push(
      rel('FROM', id, outward ? reporter.id : partner.id),
      rel('TO', id, outward ? partner.id : reporter.id),
      rel('REPORTED_BY', id, reporter.id),
      rel('OF_PRODUCT', id, productId),
      rel('STATED_IN', id, excerpt),
    );
    return;
  }

  /** Resolved (role, code, ISO column) triples: a file names few regions, in many rows. */
  private readonly regionCache = new Map<string, { id: string; code: string }>();

  /** Resolves a reporter/partner code (and ISO column) to a region id and the code used in flow ids. */
  private region(role: string, code: string, iso: string, desc: string, at: RowItem, errors: string[]): { id: string; code: string } | undefined {
    const key = `${role}\u0000${code}\u0000${iso}`;
    const cached = this.regionCache.get(key);
    if (cached) {
      if (cached.id.startsWith('m49:')) this.rememberArea(cached.id, { name: comtradeArea(Number(code))?.name ?? (normalizeName(desc) || `UN Comtrade area ${cached.code}`), file: at.file, line: at.line, reference: !!comtradeArea(Number(code)) });
      return cached;
    }
    const found = this.resolveRegion(role, code, iso, desc, at, errors);
    if (found) this.regionCache.set(key, found);
    return found;
  }

  private resolveRegion(role: string, code: string, iso: string, desc: string, at: RowItem, errors: string[]): { id: string; code: string } | undefined {
    const isoCol = iso.toUpperCase();
    if (code === '' && iso === '') {
      errors.push(`${role} code is empty`);
      return undefined;
    }
    if (code !== '' && !/^\d{1,3}$/.test(code)) {
      errors.push(`${role} code ${JSON.stringify(code)} is not a numeric UN Comtrade code`);
      return undefined;
    }
    if (code === '') {
      const c = countryByAlpha3(isoCol);
      if (c) return { id: `iso:${c.iso3}`, code: String(Number(c.m49)) };
      errors.push(`${role} ISO code ${JSON.stringify(iso)} is not an ISO 3166-1 alpha-3 code and there is no numeric code`);
      return undefined;
    }
    const n = Number(code);
    const plain = String(n);
    if (n === 0) {
      errors.push(`${role} code 0 is World, the sum over all areas, not a ${role}`);
      return undefined;
    }
    const fileCountry = isoCol !== '' ? countryByAlpha3(isoCol) : undefined;
    const ref = comtradeArea(n);
    if (ref) {
      const country = countryByAlpha3(ref.iso3);
      if (country && fileCountry && fileCountry.iso3 !== country.iso3) {
        errors.push(`${role} code ${n} is ${ref.name} (${country.iso3}) in UN Comtrade's code list, but the ISO column says ${isoCol}`);
        return undefined;
      }
      if (country) return { id: `iso:${country.iso3}`, code: plain };
      const id = `m49:${plain.padStart(3, '0')}`;
      this.rememberArea(id, { name: ref.name, file: at.file, line: at.line, reference: true });
      return { id, code: plain };
    }
    // Not in Comtrade's list (a newer code): the file's ISO column, else the ISO numeric table.
    const country = fileCountry ?? countryByNumeric(plain);
    if (country) return { id: `iso:${country.iso3}`, code: plain };
    const id = `m49:${plain.padStart(3, '0')}`;
    this.rememberArea(id, { name: normalizeName(desc) || `UN Comtrade area ${plain}`, file: at.file, line: at.line });
    return { id, code: plain };
  }

  private rememberArea(id: string, named: Named): void {
    if (!this.areas.has(id)) this.areas.set(id, named);
  }

  fileItems(): RowItem[] {
    const items: RowItem[] = [];
    for (const [file, info] of this.files) {
      const { source, excerpt } = comtradeSourceIds(file, info.sha256);
      const base = path.basename(file);
      items.push({
        file,
        line: 0,
        key: source,
        nodes: [
          node('Source', source, {
            title: `UN Comtrade data: ${base}`,
            publisher: 'UN Comtrade',
            kind: 'customs-data',
            file: base,
            retrieved: info.modified,
            language: 'en',
            note: `file version sha256 ${info.sha256}`,
          }),
        ],
        rels: [],
        errors: [],
      });
      items.push({
        file,
        line: 0,
        key: excerpt,
        nodes: [
          node('Excerpt', excerpt, {
            text: `UN Comtrade ${info.layout}-layout file ${base} (sha256 ${info.sha256.slice(0, 12)}): one trade flow per total row`,
            locator: `whole file; each flow's sourceRow property is the line it was read from`,
            language: 'en',
          }),
        ],
        rels: [rel('EXCERPT_OF', excerpt, source)],
        errors: [],
      });
    }
    return items;
  }

  createMissing(ids: string[]): RowItem[] {
    const items: RowItem[] = [];
    let countries = false;
    let areasCited = false;
    const first = [...this.files.keys()][0] ?? '';
    for (const id of ids) {
      const iso = /^iso:([A-Z]{3})$/.exec(id);
      const country = iso ? countryByAlpha3(iso[1]!) : undefined;
      if (country) {
        items.push(countryItem(country, first, 0));
        countries = true;
        continue;
      }
      const area = this.areas.get(id);
      if (area) {
        const m49 = id.slice(4);
        const cites = area.reference ? COMTRADE_AREAS_SOURCE.excerpt : this.excerptOf(area.file);
        if (area.reference) areasCited = true;
        items.push({
          file: area.file,
          line: area.line,
          key: id,
          nodes: [node('Region', id, { name: area.name, kind: 'area', m49 })],
          rels: [rel('STATED_IN', id, cites)],
          errors: [],
        });
        continue;
      }
      const product = this.products.get(id);
      if (product) {
        items.push({
          file: product.file,
          line: product.line,
          key: id,
          nodes: [
            node('Product', id, {
              name: product.name,
              hsCode: product.code,
              hsEdition: product.edition,
              hsLevel: product.code === 'TOTAL' ? undefined : product.code.length,
            }),
          ],
          rels: [rel('STATED_IN', id, this.excerptOf(product.file))],
          errors: [],
        });
      }
    }
    if (countries) items.unshift(...referenceItems(first));
    if (areasCited) items.unshift(...comtradeReferenceItems(first));
    return items;
  }

  private excerptOf(file: string): string {
    return comtradeSourceIds(file, this.files.get(file)?.sha256).excerpt;
  }
}

/** The Source and Excerpt that areas named from UN Comtrade's code list cite. */
export function comtradeReferenceItems(file: string): RowItem[] {
  const s = COMTRADE_AREAS_SOURCE;
  return [
    {
      file,
      line: 0,
      key: s.id,
      nodes: [node('Source', s.id, { title: s.title, publisher: s.publisher, url: s.url, kind: 'reference-data', language: 'en', retrieved: s.retrieved, file: 'src/ingest/reference/comtrade-areas.csv' })],
      rels: [],
      errors: [],
    },
    {
      file,
      line: 0,
      key: s.excerpt,
      nodes: [node('Excerpt', s.excerpt, { text: 'UN Comtrade reporter and partner codes with their names and ISO codes (Reporters.json, partnerAreas.json)', locator: 'one entry per code', language: 'en' })],
      rels: [rel('EXCERPT_OF', s.excerpt, s.id)],
      errors: [],
    },
  ];
}
