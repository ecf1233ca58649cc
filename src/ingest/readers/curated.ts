/**
 * Reader of the curated JSON Lines format (docs/model.md): one record per line, blank lines and
 * `//` comment lines ignored. Every field error of every line is reported, not only the first.
 */
import { z } from 'zod';
import { node, rel, rels, emptyItem, fieldRels, fieldRelsIn, provenance } from '../build';
import { isRelType, NodeLabel, RelType } from '../model';
import { readLines } from '../lines';
import type { PropValue, RowItem } from '../types';
import type { Reader, ReaderOptions } from './reader';
import { RECORD_SCHEMAS, RecordType, CuratedRecord, genericRecordTypes } from './curated-schema';

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
  const generic = typeof type === 'string' ? GENERIC_RECORDS.get(type) : undefined;
  if (typeof type !== 'string' || (!RECORD_TYPES.includes(type as RecordType) && generic === undefined)) {
    item.errors.push(`type: must be one of ${[...RECORD_TYPES, ...GENERIC_RECORDS.keys()].join(', ')} (got ${JSON.stringify(type)})`);
    return item;
  }
  const parsed = (generic?.schema ?? RECORD_SCHEMAS[type as RecordType]).safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) item.errors.push(formatIssue(issue));
    return item;
  }
  if (generic !== undefined) {
    nodeUpserts({ label: generic.label }, generic.schema, parsed.data as never, item);
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

/** A field of a record that states relationships, owned by the record (see build.ts, fieldRels). */
interface FieldRel {
  field: string;
  type: RelType;
  /** `in`: the field names the other ends of incoming relationships (a facility's operators). */
  direction?: 'in';
  /** The relationships cite the record's excerpts (facts' participations do not: the fact is stated). */
  cites?: boolean;
  /** Record properties the relationships carry too (a product's note on CLASSIFIED_AS). */
  props?: string[];
}

/** How one record type becomes upserts: the node it states, and the fields that state relationships. */
interface RecordTable {
  label: NodeLabel;
  fields?: FieldRel[];
  /** Record fields stored under another property name (an hs record's `code` is `hsCode`). */
  rename?: Record<string, string>;
  /** Fields that state relationships the record adds but does not own (an hs entry's parent, fixed by its code). */
  added?: FieldRel[];
  /** The record's provenance (STATED_IN its excerpts); every node record but an excerpt has it. */
  stated?: boolean;
}

const cites = (field: string, type: RelType, more: Partial<FieldRel> = {}): FieldRel => ({ field, type, cites: true, ...more });
const joins = (field: string, type: RelType): FieldRel => ({ field, type });

/** One row per node record type: what the 190-line switch used to say case by case. */
export const TABLES: Record<Exclude<RecordType, 'membership' | 'link'>, RecordTable> = {
  source: { label: 'Source', stated: false },
  excerpt: { label: 'Excerpt', fields: [joins('source', 'EXCERPT_OF')], stated: false },
  region: { label: 'Region', fields: [cites('partOf', 'PART_OF')] },
  market: { label: 'Market' },
  company: { label: 'Company', fields: [cites('headquarters', 'HEADQUARTERED_IN')] },
  // The note is the product's (on the node); it also stays on CLASSIFIED_AS, where it mostly explains the choice of HS entry.
  product: { label: 'Product', fields: [cites('classifiedAs', 'CLASSIFIED_AS', { props: ['note'] }), cites('origin', 'ORIGINATES_IN')] },
  // The parent is fixed by the code (checked above), so it can never move, only go unstated (the
  // seed's chapters leave out the TOTAL root an HS file adds): added, not owned.
  hs: { label: 'Product', rename: { code: 'hsCode', edition: 'hsEdition', level: 'hsLevel', section: 'hsSection' }, added: [joins('parent', 'PART_OF')] },
  policy: { label: 'Policy', fields: [cites('appliesIn', 'APPLIES_IN'), cites('supports', 'SUPPORTS')] },
  facility: { label: 'Facility', fields: [cites('operators', 'OPERATES', { direction: 'in' }), cites('locatedIn', 'LOCATED_IN')] },
  figure: { label: 'Figure', fields: [joins('about', 'ABOUT')] },
  flow: {
    label: 'TradeFlow',
    fields: [joins('trader', 'TRADER'), joins('product', 'OF_PRODUCT'), joins('from', 'FROM'), joins('to', 'TO'), joins('reportedBy', 'REPORTED_BY'), joins('via', 'VIA')],
  },
};

/** Record types of the model's kinds that no table writes (a kind just added to the model): see genericRecordTypes. */
const GENERIC_RECORDS = genericRecordTypes(new Set(Object.values(TABLES).map((t) => t.label)));

/** Every field a record schema can carry (the record owns the properties among them, given or not). */
export function schemaKeys(schema: z.ZodType): string[] {
  const shape = schema instanceof z.ZodPipe ? (schema.in as z.ZodObject).shape : (schema as unknown as z.ZodObject).shape;
  return Object.keys(shape);
}

const NOT_PROPERTIES = new Set(['type', 'id', 'excerpts']);
// A value named twice is one relationship (the graph holds no parallel relationships of a type, which
// parts/flow-dimension relies on; MERGE ensures it for updates, this for `import --initial`).
const asList = (v: unknown): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? [...new Set(v as string[])] : [v as string]);

/** The node, its owned and added relationships and its provenance, as the record type's table says. */
function nodeUpserts(t: RecordTable, schema: z.ZodType, r: Record<string, unknown> & { id: string; excerpts?: string[] }, item: RowItem): void {
  const relFields = new Set([...(t.fields ?? []), ...(t.added ?? [])].map((f) => f.field));
  const props: Record<string, PropValue | undefined> = {};
  for (const k of schemaKeys(schema)) if (!NOT_PROPERTIES.has(k) && !relFields.has(k)) props[t.rename?.[k] ?? k] = r[k] as PropValue | undefined;
  item.nodes.push(node(t.label, r.id, props));
  const excerpts = r.excerpts ?? [];
  for (const f of t.fields ?? []) {
    const p = Object.fromEntries((f.props ?? []).map((k) => [k, r[k] as PropValue | undefined]));
    if (f.direction === 'in') fieldRelsIn(item, f.type, r.id, asList(r[f.field]), f.cites ? excerpts : []);
    else fieldRels(item, f.type, r.id, asList(r[f.field]), f.cites ? excerpts : [], p);
  }
  for (const f of t.added ?? []) item.rels.push(...rels(f.type, r.id, asList(r[f.field]), f.cites ? excerpts : []));
  if (t.stated !== false) provenance(item, r.id, excerpts);
  item.key = r.id;
}

/**
 * The record's upserts. A node record follows its table (TABLES); a membership or link states one
 * relationship, which it adds or updates but does not own. Figures and flows also say what makes
 * two of them the same fact (factKey) and what value they state (factValue), for the conflict checks.
 */
function toUpserts(r: CuratedRecord, item: RowItem): void {
  switch (r.type) {
    case 'membership':
      item.rels.push(rel('MEMBER_OF', r.region, r.market, r.excerpts, { from: r.from, to: r.to, note: r.note }));
      item.key = `MEMBER_OF ${r.region} ${r.market}`;
      return;
    case 'link':
      // `statedByLink` protects it from the claims of the record at its `from` end (a policy's
      // `supports`): a link is only ever added or updated, never removed by another record.
      if (isRelType(r.rel)) item.rels.push(rel(r.rel, r.from, r.to, r.excerpts, { note: r.note, statedByLink: true }));
      item.key = `${r.rel} ${r.from} ${r.to}`;
      return;
    default:
      nodeUpserts(TABLES[r.type], RECORD_SCHEMAS[r.type], r as never, item);
  }
  if (r.type === 'figure') {
    item.factKey = ['figure', r.metric, r.unit ?? '', [...r.about].sort().join('+'), r.periodStart, r.periodEnd, r.baselineStart, r.baselineEnd].join('|');
    item.factValue = r.value === undefined ? 'qualitative' : `${r.qualifier ?? 'exact'} ${r.value}`;
  } else if (r.type === 'flow') {
    item.factKey = ['flow', r.direction, ...[r.trader, r.product, r.from, r.to, r.via].map((a) => [...(a ?? [])].sort().join('+')), r.reportedBy, r.periodStart, r.periodEnd, r.period, r.currency].join('|');
    item.factValue = `${r.qualifier ?? ''} ${r.value ?? ''} ${r.netWeightKg ?? ''} ${r.quantity ?? ''} ${r.quantityUnit ?? ''}`;
  }
}
