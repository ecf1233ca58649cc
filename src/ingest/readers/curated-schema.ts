/**
 * zod schemas of the curated .jsonl records (docs/model.md, "The curated format"), one per `type`.
 * Strict objects: a misspelt field ("excerpt" for "excerpts") is an error, not silently dropped.
 * Normalization happens here too: a parsed record's names and prose are already normalized
 * (normalizeName, normalizeText), and defaults are filled (an HS entry's name, a figure's qualifier).
 */
import { z } from 'zod';
import { KIND_NAMES, KindName, NODE_KINDS, NodeLabel } from '../../model';
import { normalizeName, normalizeText } from '../text';

const idMatching = (re: RegExp, what: string) => z.string().regex(re, `must be ${what}`);
/** An id of one of the model's kinds (its id schemes: src/model.ts). */
const idOf = (kinds: KindName[], what: string) =>
  z.string().refine((id) => kinds.some((k) => NODE_KINDS[k].ids.some((re) => re.test(id))), `must be ${what}`);
/** The `kind` values the model allows for a node kind. */
const kindOf = (k: KindName) => z.enum(NODE_KINDS[k].kinds as unknown as [string, ...string[]]);

const sourceId = idOf(['SOURCE'], 'a source id like source:cq-foreign-trade-14th-fyp');
const excerptId = idOf(['EXCERPT'], 'an excerpt id like excerpt:cq-fyp-p1-s2');
const regionId = idOf(['REGION'], 'a region id (iso:THA, m49:035, gb:500156)');
const marketId = idOf(['MARKET'], 'a market id like market:asean');
const companyId = idOf(['COMPANY'], 'a company id like company:changan-automobile');
// Stricter than the model's scheme: a curated HS entry has a code of 2, 4, 6, 8 or 10 digits.
const hsId = idMatching(/^hs\d{4}:(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10}|TOTAL)$/, 'an HS id like hs2022:8711');
const productId = idOf(['PRODUCT'], 'a product id (product:slug or hs2022:8711)');
const policyId = idOf(['POLICY'], 'a policy id like policy:cross-border-e-commerce');
const facilityId = idOf(['FACILITY'], 'a facility id like facility:slug');
const figureId = idOf(['FIGURE'], 'a figure id like figure:slug');
const flowId = idOf(['TRADE_FLOW'], 'a flow id like flow:slug');
/** Any entity a figure can be about or a link can join; the pipeline checks the pattern. */
const anyId = z.string().regex(/^[a-z]+[0-9]*:\S+$/, 'must be an id like scheme:code');
const regionOrMarket = idOf(['REGION', 'MARKET'], 'a region or market id');

const oneOrMany = <T extends z.ZodType>(s: T) =>
  z.union([s, z.array(s).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const text = z.string().trim().min(1, 'must not be empty');
/** A name: NFC, one space between words, ASCII quotes (normalizeName). */
const name = text.transform(normalizeName);
/** Prose (notes, locators, statements, descriptions): trimmed and NFC, quotes kept (normalizeText). */
const prose = text.transform(normalizeText);
const aliases = z.array(name).optional();
/** The names every named record has (docs/model.md: the Named entities). */
const named = { name, nameZh: name.optional(), aliases };
const date = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const year = z.number().int('must be a whole year').min(1800).max(2200);
const excerpts = z.array(excerptId).min(1, 'every record except a source must cite at least one excerpt');
const amount = z.number().nonnegative('must not be negative');
const qualifier = z.enum(['exact', 'approximately', 'nearly', 'more-than', 'at-least', 'less-than', 'up-to']);
/** A curator's judgement call (what the source does not say, how it was read); every record may have one. */
const note = prose.optional();
/** When a market, facility or policy came into being (founded, signed, opened, approved): a year or an ISO date. */
const established = date.optional();

/**
 * A record of a named node kind: its `type`, its id (one of the model's id schemes), its names, the
 * fields of its own, a note and the excerpts that state it.
 */
const namedRecord = <L extends string, I extends z.ZodType, S extends z.ZodRawShape>(type: L, id: I, own: S) =>
  z.strictObject({ type: z.literal(type), id, ...named, ...own, note, excerpts });

export const SourceRecord = z.strictObject({
  type: z.literal('source'),
  id: sourceId,
  title: name,
  publisher: name.optional(),
  published: date.optional(),
  url: z.url().optional(),
  file: text.optional(),
  kind: kindOf('SOURCE'),
  language: text.optional(),
  retrieved: date.optional(),
  note,
});

export const ExcerptRecord = z.strictObject({
  type: z.literal('excerpt'),
  id: excerptId,
  source: sourceId,
  locator: prose.optional(),
  // Verbatim: not trimmed, only required to say something.
  text: z.string().refine((s) => s.trim().length > 0, 'must not be empty'),
  language: text.optional(),
  note,
});

export const RegionRecord = namedRecord('region', regionId, {
  kind: kindOf('REGION'),
  iso2: z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters').optional(),
  iso3: z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters').optional(),
  m49: z.string().regex(/^\d{3}$/, 'must be a three-digit string like "156"').optional(),
  gbCode: z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code').optional(),
  partOf: oneOrMany(regionId).optional(),
});

export const MarketRecord = namedRecord('market', marketId, {
  kind: kindOf('MARKET'),
  established,
});

export const MembershipRecord = z.strictObject({
  type: z.literal('membership'),
  region: regionId,
  market: marketId,
  from: date.optional(),
  to: date.optional(),
  note,
  excerpts,
});

export const CompanyRecord = namedRecord('company', companyId, {
  kind: kindOf('COMPANY').optional(),
  headquarters: regionId.optional(),
});

export const ProductRecord = namedRecord('product', idMatching(/^product:[a-z0-9][a-z0-9-]*$/, 'a product id like product:wulong-bamboo-shoots'), {
  classifiedAs: oneOrMany(hsId).optional(),
  origin: oneOrMany(regionId).optional(),
});

export const HsRecord = z.strictObject({
  type: z.literal('hs'),
  id: hsId,
  code: z.string().regex(/^(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/, 'must be 2, 4, 6, 8 or 10 digits'),
  edition: z.string().regex(/^HS\d{4}$/, 'must look like HS2022'),
  level: z.union([z.literal(2), z.literal(4), z.literal(6), z.literal(8), z.literal(10)]),
  description: prose,
  name: name.optional(),
  nameZh: name.optional(),
  aliases,
  parent: hsId.optional(),
  section: z.string().regex(/^[IVXL]+$/, 'must be a roman numeral').optional(),
  note,
  excerpts,
})
  // An entry without a name of its own is named by its description.
  .transform((r) => ({ ...r, name: r.name ?? normalizeName(r.description) }));

export const PolicyRecord = namedRecord('policy', policyId, {
  kind: kindOf('POLICY'),
  periodStart: year.optional(),
  periodEnd: year.optional(),
  established,
  appliesIn: oneOrMany(regionId).optional(),
  supports: oneOrMany(anyId).optional(),
});

export const FacilityRecord = z.strictObject({
  type: z.literal('facility'),
  id: facilityId,
  name,
  kind: kindOf('FACILITY'),
  operators: oneOrMany(companyId).optional(),
  locatedIn: oneOrMany(regionId).optional(),
  locationNote: prose.optional(),
  established,
  note,
  excerpts,
});

export const FigureRecord = z.strictObject({
  type: z.literal('figure'),
  id: figureId,
  metric: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case metric like export-value-growth'),
  // A qualitative figure ("achieved independent export for the first time") has no value, unit or
  // qualifier; a quantitative one has value and unit (qualifier defaults to exact). Cross-checked.
  value: z.number().optional(),
  unit: text.optional(),
  qualifier: qualifier.optional(),
  // Left out when the source gives no period ("currently", "cumulatively"); the note says why.
  periodStart: year.optional(),
  periodEnd: year.optional(),
  baselineStart: year.optional(),
  baselineEnd: year.optional(),
  about: oneOrMany(anyId),
  statement: prose,
  note,
  excerpts,
})
  // A stated number without a qualifier is exact; a qualitative figure (no value) has none.
  .transform((r) => (r.value === undefined ? r : { ...r, qualifier: r.qualifier ?? 'exact' }));

export const FlowRecord = z.strictObject({
  type: z.literal('flow'),
  id: flowId,
  direction: z.enum(['EXPORT', 'IMPORT', 'RE_EXPORT', 'RE_IMPORT']),
  trader: oneOrMany(companyId).optional(),
  product: oneOrMany(productId).optional(),
  from: oneOrMany(regionOrMarket).optional(),
  to: oneOrMany(regionOrMarket).optional(),
  reportedBy: regionId.optional(),
  via: oneOrMany(policyId).optional(),
  // A qualitative flow from a text ("the firm exports P to M") may have no value and no period: left
  // out when the source gives none, as for figures (periodStart and periodEnd go together).
  periodStart: year.optional(),
  periodEnd: year.optional(),
  period: z.string().regex(/^\d{4}(?:\d{2})?$/, 'must be YYYY or YYYYMM').optional(),
  value: amount.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD').optional(),
  netWeightKg: amount.optional(),
  quantity: amount.optional(),
  quantityUnit: text.optional(),
  qualifier: qualifier.optional(),
  flag: text.optional(),
  note,
  excerpts,
});

export const LinkRecord = z.strictObject({
  type: z.literal('link'),
  from: anyId,
  rel: z.string().regex(/^[A-Z_]+$/, 'must be a relationship type like SUPPORTS'),
  to: anyId,
  note,
  excerpts,
});

export const RECORD_SCHEMAS = {
  source: SourceRecord,
  excerpt: ExcerptRecord,
  region: RegionRecord,
  market: MarketRecord,
  membership: MembershipRecord,
  company: CompanyRecord,
  product: ProductRecord,
  hs: HsRecord,
  policy: PolicyRecord,
  facility: FacilityRecord,
  figure: FigureRecord,
  flow: FlowRecord,
  link: LinkRecord,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export type CuratedRecord = { [K in RecordType]: z.output<(typeof RECORD_SCHEMAS)[K]> }[RecordType];

/** The record type of a model kind that has none of its own: its label in kebab case (`SeaPort`: `sea-port`). */
export const recordTypeOfLabel = (label: string): string => label.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export interface GenericRecordType {
  label: NodeLabel;
  schema: z.ZodType;
}

/**
 * Records of the model's kinds that no record type above writes (`covered`: the labels the record
 * types write), so that a node kind added to the model (one row in src/model.ts) can be curated at
 * once: a named record with the kind's `kind` (when the model gives it kinds) and when it was
 * established; its relationships come as `link` records, checked against the model's ends.
 */
export function genericRecordTypes(covered: ReadonlySet<string>): Map<string, GenericRecordType> {
  const out = new Map<string, GenericRecordType>();
  for (const k of KIND_NAMES) {
    const row = NODE_KINDS[k];
    if (covered.has(row.label) || row.provenance) continue;
    const type = recordTypeOfLabel(row.label);
    const kind: z.ZodRawShape = row.kinds.length > 0 ? { kind: kindOf(k) } : {};
    out.set(type, { label: row.label, schema: namedRecord(type, idOf([k], `a ${row.label} id`), { ...kind, established }) });
  }
  return out;
}
