/**
 * zod schemas of the curated .jsonl records (docs/model.md, "The curated format"), one per `type`.
 * Strict objects: a misspelt field ("excerpt" for "excerpts") is an error, not silently dropped.
 */
import { z } from 'zod';

const idMatching = (re: RegExp, what: string) => z.string().regex(re, `must be ${what}`);

const sourceId = idMatching(/^source:[a-z0-9][a-z0-9.-]*$/, 'a source id like source:cq-foreign-trade-14th-fyp');
const excerptId = idMatching(/^excerpt:[a-z0-9][a-z0-9.-]*$/, 'an excerpt id like excerpt:cq-fyp-p1-s2');
const regionId = idMatching(/^(?:iso:[A-Z]{3}|m49:\d{3}|gb:\d{6})$/, 'a region id (iso:THA, m49:035, gb:500156)');
const marketId = idMatching(/^market:[a-z0-9][a-z0-9-]*$/, 'a market id like market:asean');
const companyId = idMatching(/^company:[a-z0-9][a-z0-9-]*$/, 'a company id like company:changan-automobile');
const hsId = idMatching(/^hs\d{4}:(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10}|TOTAL)$/, 'an HS id like hs2022:8711');
const productId = idMatching(/^(?:product:[a-z0-9][a-z0-9-]*|hs\d{4}:(?:\d{2,10}|TOTAL))$/, 'a product id (product:slug or hs2022:8711)');
const policyId = idMatching(/^policy:[a-z0-9][a-z0-9-]*$/, 'a policy id like policy:cross-border-e-commerce');
const facilityId = idMatching(/^facility:[a-z0-9][a-z0-9-]*$/, 'a facility id like facility:slug');
const figureId = idMatching(/^figure:[a-z0-9][a-z0-9-]*$/, 'a figure id like figure:slug');
const flowId = idMatching(/^flow:[A-Za-z0-9][A-Za-z0-9:._-]*$/, 'a flow id like flow:slug');
/** Any entity a figure can be about or a link can join; the pipeline checks the pattern. */
const anyId = z.string().regex(/^[a-z]+[0-9]*:\S+$/, 'must be an id like scheme:code');
const regionOrMarket = z.string().regex(/^(?:iso:[A-Z]{3}|m49:\d{3}|gb:\d{6}|market:[a-z0-9][a-z0-9-]*)$/, 'must be a region or market id');

const oneOrMany = <T extends z.ZodType>(s: T) =>
  z.union([s, z.array(s).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const text = z.string().trim().min(1, 'must not be empty');
const aliases = z.array(text).optional();
const date = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const year = z.number().int('must be a whole year').min(1800).max(2200);
const excerpts = z.array(excerptId).min(1, 'every record except a source must cite at least one excerpt');
const amount = z.number().nonnegative('must not be negative');
const qualifier = z.enum(['exact', 'approximately', 'nearly', 'more-than', 'at-least', 'less-than', 'up-to']);
/** A curator's judgement call (what the source does not say, how it was read); every record may have one. */
const note = text.optional();
/** When a market, facility or policy came into being (founded, signed, opened, approved): a year or an ISO date. */
const established = date.optional();

export const SourceRecord = z.strictObject({
  type: z.literal('source'),
  id: sourceId,
  title: text,
  publisher: text.optional(),
  published: date.optional(),
  url: z.url().optional(),
  file: text.optional(),
  kind: z.enum(['official-document', 'news', 'secondary-report', 'official-statistics', 'customs-data', 'reference-data', 'synthetic']),
  language: text.optional(),
  retrieved: date.optional(),
  note,
});

export const ExcerptRecord = z.strictObject({
  type: z.literal('excerpt'),
  id: excerptId,
  source: sourceId,
  locator: text.optional(),
  // Verbatim: not trimmed, only required to say something.
  text: z.string().refine((s) => s.trim().length > 0, 'must not be empty'),
  language: text.optional(),
  note,
});

export const RegionRecord = z.strictObject({
  type: z.literal('region'),
  id: regionId,
  name: text,
  nameZh: text.optional(),
  aliases,
  kind: z.enum(['world', 'continent', 'subregion', 'country', 'province', 'municipality', 'district', 'county', 'area']),
  iso2: z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters').optional(),
  iso3: z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters').optional(),
  m49: z.string().regex(/^\d{3}$/, 'must be a three-digit string like "156"').optional(),
  gbCode: z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code').optional(),
  partOf: oneOrMany(regionId).optional(),
  note,
  excerpts,
});

export const MarketRecord = z.strictObject({
  type: z.literal('market'),
  id: marketId,
  name: text,
  nameZh: text.optional(),
  aliases,
  kind: z.enum(['trade-bloc', 'trade-agreement', 'economic-zone']),
  established,
  note,
  excerpts,
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

export const CompanyRecord = z.strictObject({
  type: z.literal('company'),
  id: companyId,
  name: text,
  nameZh: text.optional(),
  aliases,
  kind: z.enum(['enterprise', 'group']).optional(),
  headquarters: regionId.optional(),
  note,
  excerpts,
});

export const ProductRecord = z.strictObject({
  type: z.literal('product'),
  id: idMatching(/^product:[a-z0-9][a-z0-9-]*$/, 'a product id like product:wulong-bamboo-shoots'),
  name: text,
  nameZh: text.optional(),
  aliases,
  classifiedAs: oneOrMany(hsId).optional(),
  origin: oneOrMany(regionId).optional(),
  note,
  excerpts,
});

export const HsRecord = z.strictObject({
  type: z.literal('hs'),
  id: hsId,
  code: z.string().regex(/^(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/, 'must be 2, 4, 6, 8 or 10 digits'),
  edition: z.string().regex(/^HS\d{4}$/, 'must look like HS2022'),
  level: z.union([z.literal(2), z.literal(4), z.literal(6), z.literal(8), z.literal(10)]),
  description: text,
  name: text.optional(),
  nameZh: text.optional(),
  aliases,
  parent: hsId.optional(),
  section: z.string().regex(/^[IVXL]+$/, 'must be a roman numeral').optional(),
  note,
  excerpts,
});

export const PolicyRecord = z.strictObject({
  type: z.literal('policy'),
  id: policyId,
  name: text,
  nameZh: text.optional(),
  aliases,
  kind: z.enum(['plan', 'program', 'brand', 'platform', 'trade-form', 'zone', 'corridor', 'mechanism']),
  periodStart: year.optional(),
  periodEnd: year.optional(),
  established,
  appliesIn: oneOrMany(regionId).optional(),
  supports: oneOrMany(anyId).optional(),
  note,
  excerpts,
});

export const FacilityRecord = z.strictObject({
  type: z.literal('facility'),
  id: facilityId,
  name: text,
  kind: z.enum(['factory', 'warehouse', 'office']),
  operators: oneOrMany(companyId).optional(),
  locatedIn: oneOrMany(regionId).optional(),
  locationNote: text.optional(),
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
  statement: text,
  note,
  excerpts,
});

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
