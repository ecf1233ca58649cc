/**
 * Reader of UN Comtrade CSV (comma or tab separated, legacy or API layout, detected from the header).
 *
 * Each data row becomes one TradeFlow fact: an export (X) or re-export (RX) flows FROM the reporter
 * TO the partner, an import (M) or re-import (RM) FROM the partner TO the reporter; all are
 * REPORTED_BY the reporter and OF_PRODUCT the HS entry `hs<edition>:<cmdCode>`.
 *
 * Decisions (see also the report of the ingest work):
 * - Flow ids are built from the row's dimensions, `flow:comtrade:<classification>:<period>:<reporter>:
 *   <partner>:<flow>:<cmdCode>`, plus `:c<customs>:m<mot>:p<partner2>` when these are not the totals
 *   (C00 / 0 / 0): importing the same file again updates the same facts.
 * - Provenance: one Source per file (kind customs-data, publisher UN Comtrade, retrieved = the file's
 *   modification date) and one Excerpt per file that describes it; every flow is STATED_IN that excerpt
 *   and carries `sourceRow`, the line it was read from. One excerpt per row would double the graph
 *   for a copy of the file; the line number is the exact locator.
 * - Regions: the reporter/partner code is looked up in the ISO 3166-1 numeric table (Comtrade codes are
 *   M49 codes), falling back to the ISO3 column (Comtrade's own codes such as 842 USA, 251 France,
 *   757 Switzerland, 699 India carry the right ISO3); partner 0 "World" is `m49:001`. Other codes are
 *   statistical areas, not countries (490 "Other Asia, nes", 899 "Areas, nes", 97 EU, 839 "Special
 *   Categories"...): they become `m49:<code>` regions of kind `area`, named as the file names them.
 *   Like unknown HS codes, regions must exist in the graph, or be created with `createMissing`
 *   (countries from the reference table, areas and HS codes from the file's own descriptions).
 * - cmdCode TOTAL (all commodities) is the product `hs<edition>:TOTAL`, the root of the HS tree that
 *   the HS reader builds; "HS" as classification (as reported) uses the `hsEdition` option.
 * - Only HS classifications are read: SITC (S1-S4) or BEC rows are errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { emptyItem, node, rel } from '../build';
import { readCsv } from '../csv';
import { parseAmount } from '../numbers';
import { countryByAlpha3, countryByNumeric, countryItem, referenceItems } from '../reference/countries';
import { TYPOGRAPHIC_QUOTES, normalizeName, slugify } from '../text';
import type { RowItem } from '../types';
import { FIELDS, FLOWS, HS_EDITIONS, HeaderMap, detectLayout, Field } from './comtrade-layouts';
import type { Reader, ReaderOptions } from './reader';

interface Named {
  name: string;
  file: string;
  line: number;
}

interface FileInfo {
  layout: string;
  rows: number;
  modified: string;
}

export function comtradeSourceIds(file: string): { source: string; excerpt: string } {
  const slug = slugify(path.basename(file));
  return { source: `source:comtrade-${slug}`, excerpt: `excerpt:comtrade-${slug}` };
}

export class ComtradeReader implements Reader {
  private readonly files = new Map<string, FileInfo>();
  /** Names the files give to areas and HS codes, for `createMissing`. */
  private readonly areas = new Map<string, Named>();
  private readonly products = new Map<string, Named & { code: string; edition: string }>();

  async *read(file: string, opts: ReaderOptions): AsyncIterable<RowItem> {
    let header: HeaderMap | undefined;
    let rows = 0;
    for await (const ev of readCsv(file, { encoding: opts.encoding, onBytes: opts.onBytes })) {
      const item = emptyItem(file, ev.line);
      if (ev.kind === 'error') {
        item.errors.push(ev.message);
        yield item;
        continue;
      }
      if (!header) {
        const detected = detectLayout(ev.fields);
        if (!detected.map) {
          item.errors.push(detected.error!);
          yield item;
          return; // nothing else in the file can be read without a header
        }
        header = detected.map;
        continue;
      }
      rows += 1;
      yield this.rowItem(ev.fields, header, item, opts);
    }
    if (!header) {
      const item = emptyItem(file, 1);
      item.errors.push('empty file: no Comtrade header');
      yield item;
      return;
    }
    this.files.set(file, { layout: header.layout, rows, modified: fs.statSync(file).mtime.toISOString().slice(0, 10) });
  }

  private rowItem(fields: string[], header: HeaderMap, item: RowItem, opts: ReaderOptions): RowItem {
    const errors = item.errors;
    if (fields.length !== header.width) {
      const hint = fields.some((f) => TYPOGRAPHIC_QUOTES.test(f))
        ? ' (a value seems quoted with typographic quotes such as „...“ or “...”: CSV needs ASCII double quotes "...")'
        : '';
      errors.push(`row has ${fields.length} fields but the header has ${header.width}${hint}`);
      return item;
    }
    const get = (f: Field): string => {
      const i = header.index[f];
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    const col = (f: Field): string => FIELDS[f][header.layout][0];

    // Classification and product.
    const classification = get('classification') || 'HS';
    const edition = classification === 'HS' ? opts.hsEdition : HS_EDITIONS[classification];
    if (!edition) errors.push(`${col('classification')} ${JSON.stringify(classification)} is not an HS classification (H0-H6 or HS); only HS rows can be imported`);
    const cmd = get('cmdCode').toUpperCase();
    if (!/^(?:TOTAL|\d{2}|\d{4}|\d{6})$/.test(cmd)) errors.push(`${col('cmdCode')} ${JSON.stringify(get('cmdCode'))} is not an HS code (2, 4 or 6 digits, or TOTAL)`);

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
    const partner = this.region('partner', get('partnerCode'), get('partnerIso'), get('partnerDesc'), item, errors);

    // Amounts: the trade value is required; the rest may be empty but never negative or NaN.
    const value = parseAmount(get('value'), col('value'), true, errors);
    const qty = parseAmount(get('qty'), col('qty'), false, errors);
    const netWgt = parseAmount(get('netWgt'), col('netWgt'), false, errors);
    const cif = parseAmount(get('cif'), col('cif'), false, errors);
    const fob = parseAmount(get('fob'), col('fob'), false, errors);

    if (errors.length > 0 || !edition || !flow || !reporter || !partner || year === undefined) return item;

    const productId = `hs${edition.slice(2)}:${cmd}`;
    if (!this.products.has(productId)) {
      const desc = normalizeName(get('cmdDesc')) || (cmd === 'TOTAL' ? 'All commodities' : `HS ${cmd}`);
      this.products.set(productId, { name: desc, code: cmd, edition, file: item.file, line: item.line });
    }
    const dims = [classification, period || String(year), reporter.code, partner.code, flow.code, cmd];
    const customs = get('customsCode').toUpperCase();
    const mot = get('motCode');
    const partner2 = get('partner2Code');
    if (customs !== '' && customs !== 'C00') dims.push(`c${customs}`);
    if (mot !== '' && mot !== '0') dims.push(`m${mot}`);
    if (partner2 !== '' && partner2 !== '0') dims.push(`p${partner2}`);
    const id = `flow:comtrade:${dims.join(':').replace(/[^A-Za-z0-9:._-]/g, '_')}`;
    const { excerpt } = comtradeSourceIds(item.file);
    const outward = flow.code === 'X' || flow.code === 'RX';
    const flag = get('flag');

    item.key = id;
    // The same flow in two files (a re-download) is a repetition, not a conflict: compare what the
    // row says, not where it was read (sourceRow, the file's excerpt).
    item.content = JSON.stringify([get('value'), get('qty'), get('qtyUnit'), get('netWgt'), get('cif'), get('fob'), flag, reporter.id, partner.id, productId]);
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
    return item;
  }

  /** Resolves a reporter/partner to a region id and the code used in flow ids. */
  private region(role: string, code: string, iso: string, desc: string, at: RowItem, errors: string[]): { id: string; code: string } | undefined {
    if (code === '' && iso === '') {
      errors.push(`${role} code is empty`);
      return undefined;
    }
    if (code !== '' && !/^\d{1,3}$/.test(code)) {
      errors.push(`${role} code ${JSON.stringify(code)} is not a numeric M49 code`);
      return undefined;
    }
    const plain = code === '' ? '' : String(Number(code));
    if (plain === '0') {
      this.rememberArea('m49:001', 'World', at);
      return { id: 'm49:001', code: '0' };
    }
    const country = (plain !== '' ? countryByNumeric(plain) : undefined) ?? (iso !== '' ? countryByAlpha3(iso) : undefined);
    if (country) return { id: `iso:${country.iso3}`, code: plain || String(Number(country.m49)) };
    if (plain === '') {
      errors.push(`${role} ISO code ${JSON.stringify(iso)} is not an ISO 3166-1 alpha-3 code and there is no numeric code`);
      return undefined;
    }
    const id = `m49:${plain.padStart(3, '0')}`;
    this.rememberArea(id, normalizeName(desc) || `UN Comtrade area ${plain}`, at);
    return { id, code: plain };
  }

  private rememberArea(id: string, name: string, at: RowItem): void {
    if (!this.areas.has(id)) this.areas.set(id, { name, file: at.file, line: at.line });
  }

  fileItems(): RowItem[] {
    const items: RowItem[] = [];
    for (const [file, info] of this.files) {
      const { source, excerpt } = comtradeSourceIds(file);
      const base = path.basename(file);
      items.push({
        file,
        line: 0,
        key: source,
        nodes: [node('Source', source, { title: `UN Comtrade data: ${base}`, publisher: 'UN Comtrade', kind: 'customs-data', file: base, retrieved: info.modified, language: 'en' })],
        rels: [],
        errors: [],
      });
      items.push({
        file,
        line: 0,
        key: excerpt,
        nodes: [
          node('Excerpt', excerpt, {
            text: `UN Comtrade ${info.layout}-layout file ${base}: ${info.rows} data rows, one trade flow per row`,
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
    let cited = false;
    for (const id of ids) {
      const iso = /^iso:([A-Z]{3})$/.exec(id);
      const country = iso ? countryByAlpha3(iso[1]!) : undefined;
      if (country) {
        const first = [...this.files.keys()][0] ?? '';
        items.push(countryItem(country, first, 0));
        cited = true;
        continue;
      }
      const area = this.areas.get(id);
      if (area) {
        const m49 = id.slice(4);
        items.push({
          file: area.file,
          line: area.line,
          key: id,
          nodes: [node('Region', id, { name: area.name, kind: id === 'm49:001' ? 'world' : 'area', m49 })],
          rels: [rel('STATED_IN', id, comtradeSourceIds(area.file).excerpt)],
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
          rels: [rel('STATED_IN', id, comtradeSourceIds(product.file).excerpt)],
          errors: [],
        });
      }
    }
    if (cited) items.unshift(...referenceItems([...this.files.keys()][0] ?? ''));
    return items;
  }
}
