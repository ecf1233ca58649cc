/**
 * Reader of the curated JSON Lines format (docs/model.md): one record per line, blank lines and
 * `//` comment lines ignored. Every field error of every line is reported, not only the first.
 */
import type { z } from 'zod';
import { node, rel, rels, emptyItem, fieldRels, fieldRelsIn, provenance } from '../build';
import { isRelType } from '../model';
import { readLines } from '../lines';
import { normalizeName, normalizeText } from '../text';
import type { RowItem } from '../types';
import type { Reader, ReaderOptions } from './reader';
import { RECORD_SCHEMAS, RecordType, CuratedRecord } from './curated-schema';

const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
/** Relationship types a `link` record may state; the others come from their own record types. */
const NOT_LINKABLE = new Set(['STATED_IN', 'EXCERPT_OF']);
const HS_ID = /^hs\d{4}:/;

export class CuratedReader implements Reader {
  async *read(file: string, opts: ReaderOptions): AsyncIterable<RowItem> {
    for await (const l of readLines(file, opts.encoding, opts.onBytes)) {
      const item = emptyItem(file, l.line);
      if (l.error) {
        item.errors.push(l.error);
        yield item;
        continue;
      }
      const trimmed = l.text.trim();
      if (trimmed === '' || trimmed.startsWith('//')) continue;
      yield parseCuratedLine(trimmed, item);
    }
  }
}

/** Parses and validates one JSON line into `item` (errors or upserts). Exported for unit tests. */
export function parseCuratedLine(text: string, item: RowItem): RowItem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    item.errors.push(`not valid JSON: ${(err as Error).message}`);
    return item;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    item.errors.push('a record must be a JSON object');
    return item;
  }
  const type = (json as { type?: unknown }).type;
  if (typeof type !== 'string' || !RECORD_TYPES.includes(type as RecordType)) {
    item.errors.push(`type: must be one of ${RECORD_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
    return item;
  }
  const parsed = RECORD_SCHEMAS[type as RecordType].safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) item.errors.push(formatIssue(issue));
    return item;
  }
  const record = parsed.data as CuratedRecord;
  item.errors.push(...crossFieldErrors(record));
  if (item.errors.length === 0) toUpserts(record, item);
  return item;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'record';
  return `${where}: ${issue.message}`;
}

function crossFieldErrors(r: CuratedRecord): string[] {
  const errors: string[] = [];
  const span = (a: number | undefined, b: number | undefined, what: string): void => {
    if (a !== undefined && b !== undefined && a > b) errors.push(`${what}Start ${a} is after ${what}End ${b}`);
    if ((a === undefined) !== (b === undefined)) errors.push(`${what}Start and ${what}End go together`);
  };
  switch (r.type) {
    case 'figure':
      span(r.periodStart, r.periodEnd, 'period');
      span(r.baselineStart, r.baselineEnd, 'baseline');
      if (r.baselineStart !== undefined && r.periodStart === undefined) errors.push('baselineStart: a baseline needs the period it is compared with');
      if ((r.value === undefined) !== (r.unit === undefined)) {
        errors.push('value and unit go together: both for a quantity, neither for a qualitative fact');
      }
      if (r.value === undefined && r.qualifier !== undefined) errors.push('qualifier: qualifies a value; a qualitative figure (no value) has none');
      if (r.value !== undefined && !Number.isFinite(r.value)) errors.push('value: must be a finite number');
      else if (r.value !== undefined && r.value < 0 && !/^percent/.test(r.unit ?? '')) {
        errors.push(`value: must not be negative (only a change in percent can be), got ${r.value}`);
      }
      break;
    case 'flow':
      span(r.periodStart, r.periodEnd, 'period');
      if (r.period !== undefined && r.periodStart === undefined) errors.push('period: the period as stated needs periodStart and periodEnd');
      if (r.currency !== undefined && r.value === undefined) errors.push('currency: is the currency of a value; a flow without a value has none');
      if (r.qualifier !== undefined && r.value === undefined && r.quantity === undefined && r.netWeightKg === undefined) {
        errors.push('qualifier: qualifies a value, quantity or weight; a qualitative flow (none of them) has none');
      }
      break;
    case 'policy':
      // Open-ended (a zone approved in 2017 and still in force): periodStart alone is allowed.
      if (r.periodStart !== undefined && r.periodEnd !== undefined && r.periodStart > r.periodEnd) {
        errors.push(`periodStart ${r.periodStart} is after periodEnd ${r.periodEnd}`);
      }
      if (r.periodEnd !== undefined && r.periodStart === undefined) errors.push('periodEnd: needs periodStart (a period may be open-ended, not start-less)');
      break;
    case 'hs': {
      const year = r.edition.slice(2);
      if (r.id !== `hs${year}:${r.code}`) errors.push(`id: must be hs${year}:${r.code} for code ${r.code} of ${r.edition}`);
      if (r.code.length !== r.level) errors.push(`level: ${r.level} does not match the ${r.code.length}-digit code ${r.code}`);
      const expected = r.code.length === 2 ? `hs${year}:TOTAL` : `hs${year}:${r.code.slice(0, r.code.length - 2)}`;
      if (r.parent !== undefined && r.parent !== expected) errors.push(`parent: must be ${expected} for code ${r.code}`);
      break;
    }
    case 'membership':
      if (r.from && r.to && r.from > r.to) errors.push(`from ${r.from} is after to ${r.to}`);
      break;
    case 'link':
      if (!isRelType(r.rel) || NOT_LINKABLE.has(r.rel)) errors.push(`rel: ${r.rel} is not a relationship type a link can state (docs/model.md)`);
      if (r.from === r.to) errors.push(`to: a link cannot join ${r.from} to itself`);
      // The HS tree comes from `hs` records (parent checked against the code); a link may only put a
      // named product under a broader named product (a category), never touch the HS tree.
      if (r.rel === 'PART_OF' && (HS_ID.test(r.from) || HS_ID.test(r.to))) {
        errors.push('rel: PART_OF between products joins two named products (product: ids); HS entries get their parent from `hs` records, named products reach HS entries through CLASSIFIED_AS');
      }
      break;
    default:
      break;
  }
  return errors;
}

const names = (a: string[] | undefined): string[] | undefined => (a ? a.map(normalizeName) : undefined);
const opt = <T, R>(v: T | undefined, f: (v: T) => R): R | undefined => (v === undefined ? undefined : f(v));

/**
 * The record's upserts. Each `node(...)` lists every property the record type can carry (given or
 * not: the record owns them), and each field that states relationships goes through `fieldRels`
 * (the record owns those relationships); `membership` and `link` records only add or update.
 */
function toUpserts(r: CuratedRecord, item: RowItem): void {
  const n = item.nodes;
  const x = item.rels;
  switch (r.type) {
    case 'source':
      n.push(
        node('Source', r.id, {
          title: normalizeName(r.title),
          publisher: opt(r.publisher, normalizeName),
          published: r.published,
          url: r.url,
          file: r.file,
          kind: r.kind,
          language: r.language,
          retrieved: r.retrieved,
          note: opt(r.note, normalizeText),
        }),
      );
      item.key = r.id;
      break;
    case 'excerpt':
      n.push(node('Excerpt', r.id, { text: r.text, locator: opt(r.locator, normalizeText), language: r.language, note: opt(r.note, normalizeText) }));
      fieldRels(item, 'EXCERPT_OF', r.id, [r.source], []);
      item.key = r.id;
      break;
    case 'region':
      n.push(
        node('Region', r.id, {
          name: normalizeName(r.name),
          nameZh: opt(r.nameZh, normalizeName),
          aliases: names(r.aliases),
          kind: r.kind,
          iso2: r.iso2,
          iso3: r.iso3,
          m49: r.m49,
          gbCode: r.gbCode,
          note: opt(r.note, normalizeText),
        }),
      );
      fieldRels(item, 'PART_OF', r.id, r.partOf, r.excerpts);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'market':
      n.push(
        node('Market', r.id, {
          name: normalizeName(r.name),
          nameZh: opt(r.nameZh, normalizeName),
          aliases: names(r.aliases),
          kind: r.kind,
          established: r.established,
          note: opt(r.note, normalizeText),
        }),
      );
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'membership':
      x.push(rel('MEMBER_OF', r.region, r.market, r.excerpts, { from: r.from, to: r.to, note: opt(r.note, normalizeText) }));
      item.key = `MEMBER_OF ${r.region} ${r.market}`;
      break;
    case 'company':
      n.push(
        node('Company', r.id, { name: normalizeName(r.name), nameZh: opt(r.nameZh, normalizeName), aliases: names(r.aliases), kind: r.kind, note: opt(r.note, normalizeText) }),
      );
      fieldRels(item, 'HEADQUARTERED_IN', r.id, opt(r.headquarters, (h) => [h]), r.excerpts);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'product':
      // The note is the product's (on the node); it also stays on CLASSIFIED_AS, where it mostly
      // explains the choice of HS entry.
      n.push(node('Product', r.id, { name: normalizeName(r.name), nameZh: opt(r.nameZh, normalizeName), aliases: names(r.aliases), note: opt(r.note, normalizeText) }));
      fieldRels(item, 'CLASSIFIED_AS', r.id, r.classifiedAs, r.excerpts, { note: opt(r.note, normalizeText) });
      fieldRels(item, 'ORIGINATES_IN', r.id, r.origin, r.excerpts);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'hs':
      n.push(
        node('Product', r.id, {
          name: normalizeName(r.name ?? r.description),
          nameZh: opt(r.nameZh, normalizeName),
          aliases: names(r.aliases),
          description: normalizeText(r.description),
          hsCode: r.code,
          hsEdition: r.edition,
          hsLevel: r.level,
          hsSection: r.section,
          note: opt(r.note, normalizeText),
        }),
      );
      // The parent is fixed by the code (checked above), so it can never move, only go unstated (the
      // seed's chapters leave out the TOTAL root an HS file adds): added, not owned.
      x.push(...rels('PART_OF', r.id, opt(r.parent, (p) => [p]), []));
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'policy':
      n.push(
        node('Policy', r.id, {
          name: normalizeName(r.name),
          nameZh: opt(r.nameZh, normalizeName),
          aliases: names(r.aliases),
          kind: r.kind,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          established: r.established,
          note: opt(r.note, normalizeText),
        }),
      );
      fieldRels(item, 'APPLIES_IN', r.id, r.appliesIn, r.excerpts);
      fieldRels(item, 'SUPPORTS', r.id, r.supports, r.excerpts);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'facility':
      n.push(
        node('Facility', r.id, {
          name: normalizeName(r.name),
          kind: r.kind,
          locationNote: opt(r.locationNote, normalizeText),
          established: r.established,
          note: opt(r.note, normalizeText),
        }),
      );
      fieldRelsIn(item, 'OPERATES', r.id, r.operators, r.excerpts);
      fieldRels(item, 'LOCATED_IN', r.id, r.locatedIn, r.excerpts);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      break;
    case 'figure':
      n.push(
        node('Figure', r.id, {
          metric: r.metric,
          value: r.value,
          unit: r.unit,
          // A stated number without a qualifier is exact; a qualitative figure has neither.
          qualifier: r.value === undefined ? undefined : (r.qualifier ?? 'exact'),
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          baselineStart: r.baselineStart,
          baselineEnd: r.baselineEnd,
          statement: normalizeText(r.statement),
          note: opt(r.note, normalizeText),
        }),
      );
      fieldRels(item, 'ABOUT', r.id, r.about, []);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      item.factKey = ['figure', r.metric, r.unit ?? '', [...r.about].sort().join('+'), r.periodStart, r.periodEnd, r.baselineStart, r.baselineEnd].join('|');
      item.factValue = r.value === undefined ? 'qualitative' : `${r.qualifier ?? 'exact'} ${r.value}`;
      break;
    case 'flow':
      n.push(
        node('TradeFlow', r.id, {
          direction: r.direction,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          period: r.period,
          value: r.value,
          currency: r.currency,
          netWeightKg: r.netWeightKg,
          quantity: r.quantity,
          quantityUnit: r.quantityUnit,
          qualifier: r.qualifier,
          flag: r.flag,
          note: opt(r.note, normalizeText),
        }),
      );
      fieldRels(item, 'TRADER', r.id, r.trader, []);
      fieldRels(item, 'OF_PRODUCT', r.id, r.product, []);
      fieldRels(item, 'FROM', r.id, r.from, []);
      fieldRels(item, 'TO', r.id, r.to, []);
      fieldRels(item, 'REPORTED_BY', r.id, opt(r.reportedBy, (v) => [v]), []);
      fieldRels(item, 'VIA', r.id, r.via, []);
      provenance(item, r.id, r.excerpts);
      item.key = r.id;
      item.factKey = ['flow', r.direction, ...[r.trader, r.product, r.from, r.to, r.via].map((a) => [...(a ?? [])].sort().join('+')), r.reportedBy, r.periodStart, r.periodEnd, r.period, r.currency].join('|');
      item.factValue = `${r.qualifier ?? ''} ${r.value ?? ''} ${r.netWeightKg ?? ''} ${r.quantity ?? ''} ${r.quantityUnit ?? ''}`;
      break;
    case 'link':
      // `statedByLink` protects it from the claims of the record at its `from` end (a policy's
      // `supports`): a link is only ever added or updated, never removed by another record.
      if (isRelType(r.rel)) x.push(rel(r.rel, r.from, r.to, r.excerpts, { note: opt(r.note, normalizeText), statedByLink: true }));
      item.key = `${r.rel} ${r.from} ${r.to}`;
      break;
  }
}
