/**
 * Sentences -> draft records: figures (quantitative and qualitative), facilities, trade flows and
 * SUPPORTS links, each citing the excerpt of its sentence; plus what the reviewer must decide
 * (ambiguous names, names the graph does not know yet).
 *
 * The draft never says more than its sentence:
 * - every figure's number is a span of its excerpt (`Quantity.surface`, quoted in the note);
 * - "respectively" pairs values with subjects only when the counts agree; otherwise every value is
 *   about all of the listed subjects, and the note says the pairing is the reviewer's;
 * - a sentence that names several companies and several places ("companies including A and B have
 *   factories in X, Y and other locations") gives one collective facility, never a company-place
 *   pair; a flow with several traders or products and several destinations stays one flow;
 * - a period is recorded only when the text gives one (or its paragraph frames it), never after
 *   "currently" or "cumulatively".
 */
import type { Lexicon, Mention } from './lexicon';
import { normalizeText } from './lexicon';
import { timeOf, type SentenceTime, type YearSpan } from './periods';
import { quantitiesOf, type Quantity } from './quantities';
import type { Sentence } from './segment';

export type DraftRecord = Record<string, unknown> & { type: string; excerpts?: string[] };

export interface FacilityRef {
  id: string;
  operators: string[];
  locations: string[];
}

export interface ExtractOptions {
  /** Excerpt and record id prefix, e.g. `cq-fyp` -> excerpt:cq-fyp-p1-s2. */
  prefix: string;
  /** The region the document is about, for "the city", "enterprises" without a named place. */
  subject?: string;
  /** The document's year (from `published`), for "this year". */
  documentYear?: number;
  facilities?: FacilityRef[];
}

export interface ReviewItem {
  excerpt: string;
  kind: 'ambiguous-name' | 'unknown-name' | 'unpaired-values';
  text: string;
}

export interface SentenceFacts {
  sentence: Sentence;
  excerptId: string;
  mentions: Mention[];
}

export interface Extraction {
  records: DraftRecord[];
  review: ReviewItem[];
  /** Every entity id the draft matched in the text, with the surfaces it was matched by. */
  matched: Map<string, Set<string>>;
  sentences: SentenceFacts[];
}

const GROWTH = /\b(increase[sd]?|increasing|grew|grow(?:th|ing|s)?|rose|rise|up|higher|jump(?:ed)?|surge[sd]?)\b|增长|增速|增加|提升|上升/i;
const EXPORT = /\bexport(?:s|ed|ing)?\b|出口|出海/i;
const IMPORT = /\bimport(?:s|ed|ing)?\b|进口/i;
const TRADE = /\bimport(?:s)? and export(?:s)?\b|\bforeign trade\b|进出口|外贸/i;
const FIRST_TIME = /\bfor the first time\b|首次/i;
const FACILITY = /\b(?:have|has|had)\s+(?:established|built|set up|opened)\s+((?:\w+\s+){0,2}?(?:factories|factory|plants?|production bases?|bases?))\s+(in\s+.+?)(?=,\s*(?:deeply|which|where|while|and\s+(?:is|are|has|have))|[.;]|$)/i;
const SHIP = /\b(?:export(?:s|ed)?|ship(?:s|ped)?|sold|sells?|sell)\b(?:(?!\bfrom\b).)*?\bto\b/i;
const SHIP_ZH = /(?:出口到|出口至|出口|销往|运往)/;
const SUPPORT = /\b(?:support(?:s|ed|ing)?|help(?:s|ed|ing)?|assist(?:s|ed|ing)?|provid(?:es|ed|ing)\s+enterprises)\b|支持|帮助|助力/i;
const ENTERPRISES = /\benterprises\b|企业/i;
const RESPECTIVELY = /\brespectively\b|分别/i;
const PLAN_AS_TIME = /Five-Year Plan(?:\s+\(\d{4}-\d{4}\))?\s+period|五.{0,2}(?:时期|期间|末)/i;

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'x';

function metricOf(q: Quantity, sentence: string, before: string): string {
  const dir = TRADE.test(before) ? 'trade' : EXPORT.test(before) ? 'export' : IMPORT.test(before) ? 'import' : TRADE.test(sentence) ? 'trade' : EXPORT.test(sentence) ? 'export' : IMPORT.test(sentence) ? 'import' : '';
  const pre = dir ? `${dir}-` : '';
  if (q.unit === 'percent' || q.unit === 'percentage-points') {
    if (/\bshare\b|占比|比重|占全国/.test(before.slice(-40))) return `${pre}share`;
    if (GROWTH.test(sentence)) {
      // "4,739 enterprises ..., representing a 26% increase": the growth of the count before it.
      const count = /(\d[\d,.]*)\s+(?:[\p{L}-]+\s+){0,3}?(enterprises|entities|companies|vehicles|exhibitions)\b/iu.exec(before);
      if (count) return `${singular(count[2]!.toLowerCase())}-count-growth`;
      return `${pre}value-growth`;
    }
    return `${pre}percent`;
  }
  if (['CNY', 'USD', 'EUR', 'THB'].includes(q.unit)) {
    if (/\borders?\b|订单/.test(sentence)) return /intended|意向/.test(sentence) ? 'intended-orders-value' : 'orders-value';
    if (/\binvest/i.test(sentence) || /投资/.test(sentence)) return 'investment-value';
    return dir ? `${dir}-value` : 'value';
  }
  if (q.unit === 'vehicles' || q.unit === 'motorcycles' || q.unit === 'units') return dir ? `${dir}-volume` : `${singular(q.unit)}-count`;
  return `${singular(q.unit)}-count`;
}

const singular = (unit: string): string => unit.replace(/ies$/, 'y').replace(/s$/, '');

const periodFields = (p: YearSpan | undefined) => (p ? { periodStart: p.start, periodEnd: p.end } : {});

/** Mentions a fact can be about: not the plans used as time frames ("the 14th Five-Year Plan period"). */
function subjects(mentions: Mention[], text: string): Mention[] {
  return mentions.filter((m) => m.id !== null && !(m.label === 'Policy' && PLAN_AS_TIME.test(text.slice(m.start, m.end + 25))));
}

function uniq<T>(a: T[]): T[] {
  return [...new Set(a)];
}

interface Context {
  opts: ExtractOptions;
  frame?: YearSpan;
  records: DraftRecord[];
  review: ReviewItem[];
  ids: Set<string>;
}

function newId(ctx: Context, base: string): string {
  let id = base;
  for (let i = 2; ctx.ids.has(id); i++) id = `${base}-${i}`;
  ctx.ids.add(id);
  return id;
}

function timeNote(time: SentenceTime, period: YearSpan | undefined, framed: boolean): string[] {
  const notes: string[] = [];
  if (period && !framed) notes.push(`period from "${period.from}"${period.partial ? ` (only ${period.partial} of the year: not a full-year figure)` : ''}`);
  if (period && framed) notes.push(`period from the paragraph's frame "${period.from}" (the sentence itself gives none)`);
  if (!period && time.open) notes.push(`no period: the text says "${time.open}"`);
  if (!period && !time.open) notes.push('no period: the text gives none');
  return notes;
}

function figuresOf(ctx: Context, s: SentenceFacts, time: SentenceTime): void {
  const text = s.sentence.text;
  const excluded = s.mentions.map((m) => ({ start: m.start, end: m.end }));
  const quantities = quantitiesOf(normalizeText(text), excluded);
  const framed = !time.period && !time.open && ctx.frame !== undefined;
  const period = time.period ?? (time.open ? undefined : ctx.frame);
  const allProducts = s.mentions.filter((m) => m.label === 'Product' && m.id !== null);
  const others = subjects(s.mentions, text).filter((m) => m.label !== 'Product').map((m) => m.id!);
  // "respectively" / "分别" pairs the values and the products of its own clause (clauses end at ";").
  const clauses = [...text.matchAll(/[^;；]+[;；]?/g)].map((c) => ({ start: c.index!, end: c.index! + c[0].length, respectively: RESPECTIVELY.test(c[0]) }));
  const clauseOf = (at: number) => clauses.find((c) => at >= c.start && at < c.end) ?? clauses[0]!;
  const groups = new Map<string, Quantity[]>();
  for (const q of quantities) {
    const key = `${clauses.indexOf(clauseOf(q.start))}|${q.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }

  for (const q of quantities) {
    const clause = clauseOf(q.start);
    const respectively = clause.respectively;
    const group = groups.get(`${clauses.indexOf(clause)}|${q.unit}`)!;
    const products = respectively ? allProducts.filter((m) => m.start >= clause.start && m.end <= clause.end) : allProducts;
    const notes = [`Draft (tradegraph extract): as written "${q.surface}"`];
    let about: string[];
    const listed = respectively ? products : allProducts;
    if (respectively && group.length > 1 && products.length === group.length) {
      about = uniq([products[group.indexOf(q)]!.id!, ...others]);
      notes.push(`"respectively": value ${group.indexOf(q) + 1} of ${group.length} paired with "${products[group.indexOf(q)]!.surface}"`);
    } else {
      about = uniq([...listed.map((m) => m.id!), ...others]);
      if (respectively && group.length > 1) {
        notes.push(`"respectively" pairs ${group.length} values with ${products.length} listed products: which value is whose is for the reviewer, so every value is about all of them`);
        if (group.indexOf(q) === 0) ctx.review.push({ excerpt: s.excerptId, kind: 'unpaired-values', text: `${group.map((g) => g.surface).join(' / ')} "respectively" against ${products.map((p) => p.surface).join(', ') || 'no known product'}` });
      }
    }
    if (about.length === 0 && ctx.opts.subject) {
      about = [ctx.opts.subject];
      notes.push(`about the document's subject ${ctx.opts.subject}: the sentence names no known entity`);
    }
    if (about.length === 0) continue;
    if (q.unitCarriedFrom) notes.push(`unit ${q.unit} carried over from "${q.unitCarriedFrom}" earlier in the sentence`);
    notes.push(...timeNote(time, period, framed));
    const isChange = q.unit === 'percent' && GROWTH.test(text);
    const unpaired = respectively && group.length > 1 && products.length !== group.length;
    const record: DraftRecord = {
      type: 'figure',
      id: newId(ctx, `figure:${ctx.opts.prefix}-p${s.sentence.paragraph}-s${s.sentence.sentence}-${slug(q.number)}`),
      metric: metricOf(q, text, text.slice(0, q.start)),
      value: q.value,
      unit: q.unit,
      qualifier: q.qualifier,
      ...periodFields(period),
    };
    if (isChange && period && time.baseline) {
      const base = time.baseline === 'previous-year' ? { start: period.start - 1, end: period.end - 1, from: time.baselineWords ?? 'year-on-year' } : time.baseline;
      record.baselineStart = base.start;
      record.baselineEnd = base.end;
      notes.push(`baseline from "${base.from}" read as ${base.start === base.end ? base.start : `${base.start}-${base.end}`}`);
    }
    record.about = about;
    record.statement = text.trim();
    record.excerpts = [s.excerptId];
    record.note = `${notes.join('; ')}.`;
    // Values "respectively" of subjects the draft cannot pair are the same fact with different values
    // until a person pairs them: written commented out, for the reviewer to fix and uncomment.
    if (unpaired) record.pending = 'pair this value with its subject, then uncomment';
    ctx.records.push(record);
  }
}

function qualitativeOf(ctx: Context, s: SentenceFacts, time: SentenceTime, subjectIds: string[]): void {
  const text = normalizeText(s.sentence.text);
  const framed = !time.period && !time.open && ctx.frame !== undefined;
  const period = time.period ?? (time.open ? undefined : ctx.frame);
  const first = FIRST_TIME.exec(text);
  if (first && subjectIds.length > 0) {
    const words = text
      .slice(0, first.index)
      .replace(/[^\p{L}\s-]/gu, ' ')
      .trim()
      .split(/\s+/)
      .filter((w) => !/^(?:the|a|an|its|their|has|have|had|was|were|achieved|achieve|made|for)$/i.test(w))
      .slice(-2);
    const metric = /首次/.test(first[0]) ? 'first-time' : `first-${words.map(slug).join('-')}`;
    ctx.records.push({
      type: 'figure',
      id: newId(ctx, `figure:${ctx.opts.prefix}-p${s.sentence.paragraph}-s${s.sentence.sentence}-${metric}`),
      metric,
      ...periodFields(period),
      about: subjectIds,
      statement: text.trim(),
      excerpts: [s.excerptId],
      note: `Draft (tradegraph extract): qualitative (an event, no quantity): "${first[0]}"; ${timeNote(time, period, framed).join('; ')}.`,
    });
  }

  const fac = FACILITY.exec(text);
  if (fac) {
    const where = { start: fac.index + fac[0].indexOf(fac[2]!), end: fac.index + fac[0].length };
    const operators = uniq(s.mentions.filter((m) => m.label === 'Company' && m.id).map((m) => m.id!)).sort();
    const locations = uniq(s.mentions.filter((m) => m.label === 'Region' && m.id && m.start >= where.start && m.end <= where.end).map((m) => m.id!)).sort();
    if (operators.length > 0 && locations.length > 0) {
      const known = ctx.opts.facilities?.find((f) => sameSet(f.operators, operators) && sameSet(f.locations, locations));
      const collective = operators.length > 1 || locations.length > 1;
      const facilityId = known?.id ?? newId(ctx, `facility:${slug(operators.map((o) => o.split(':')[1]).join('-'))}-${slug(fac[1]!)}`);
      if (!known) {
        ctx.records.push({
          type: 'facility',
          id: facilityId,
          name: `${fac[1]!.trim()} (${operators.length} operator${operators.length > 1 ? 's' : ''}) ${fac[2]!.trim()}`,
          kind: /warehouse/i.test(fac[1]!) ? 'warehouse' : 'factory',
          operators,
          locatedIn: locations,
          locationNote: fac[2]!.trim(),
          excerpts: [s.excerptId],
          note: `Draft (tradegraph extract): one record for what the sentence says${collective ? ' of the companies and places together; it does not say which company is where, so no company is linked to a place on its own' : ''}.`,
        });
      }
      ctx.records.push({
        type: 'figure',
        id: newId(ctx, `figure:${ctx.opts.prefix}-p${s.sentence.paragraph}-s${s.sentence.sentence}-facilities-established`),
        metric: /overseas/i.test(fac[1]!) ? 'overseas-factories-established' : 'factories-established',
        ...periodFields(period),
        about: uniq([...operators, facilityId, ...subjectIds.filter((id) => !operators.includes(id))]),
        statement: text.trim(),
        excerpts: [s.excerptId],
        note: `Draft (tradegraph extract): qualitative (no count); facility ${known ? `matched to ${known.id} (same operators and places)` : 'proposed'}; ${timeNote(time, period, framed).join('; ')}.`,
      });
    }
  }

  const ship = SHIP.exec(text) ?? (s.sentence.language === 'zh' ? SHIP_ZH.exec(text) : null);
  if (ship) flowsOf(ctx, s, text, ship, period);

  if (SUPPORT.test(text) && ENTERPRISES.test(text)) {
    const policies = s.mentions.filter((m) => m.label === 'Policy' && m.id && !PLAN_AS_TIME.test(text.slice(m.start, m.end + 25)));
    const places = s.mentions.filter((m) => m.label === 'Region' && m.id);
    const target = places[0]?.id ?? ctx.opts.subject;
    for (const p of policies) {
      if (!target) break;
      ctx.records.push({
        type: 'link',
        from: p.id!,
        rel: 'SUPPORTS',
        to: target,
        excerpts: [s.excerptId],
        note: `Draft (tradegraph extract): the sentence says it supports enterprises it does not name${places[0] ? ` (of ${places[0].surface})` : `; ${target} is the document's subject`}.`,
      });
    }
  }
}

const NEGATION = /\b(?:not|n't|never|no longer|hardly|neither|nor)\b|不|未|没有|并非/i;

function flowsOf(ctx: Context, s: SentenceFacts, text: string, ship: RegExpExecArray, period: YearSpan | undefined): void {
  const verbAt = ship.index;
  // "do not export much to the U.S.": a negated or hedged verb states no flow.
  if (NEGATION.test(text.slice(Math.max(0, verbAt - 25), verbAt + ship[0].length))) return;
  const toAt = ship.index + ship[0].length;
  const traders = uniq(s.mentions.filter((m) => m.label === 'Company' && m.id && m.start < verbAt).map((m) => m.id!));
  const products = uniq(s.mentions.filter((m) => m.label === 'Product' && m.id && m.end <= toAt + 60).map((m) => m.id!));
  const places = uniq(s.mentions.filter((m) => (m.label === 'Region' || m.label === 'Market') && m.id && m.start >= toAt - (s.sentence.language === 'zh' ? 0 : 0)).map((m) => m.id!));
  const origins = uniq(s.mentions.filter((m) => m.label === 'Region' && m.id && m.start < verbAt && !places.includes(m.id!)).map((m) => m.id!));
  if (places.length === 0 || (traders.length === 0 && products.length === 0)) return;
  const quantities = quantitiesOf(text, s.mentions.map((m) => ({ start: m.start, end: m.end })));
  const amount = quantities.find((q) => ['CNY', 'USD', 'EUR', 'THB'].includes(q.unit) && q.end <= verbAt + 20);
  const count = quantities.find((q) => !['CNY', 'USD', 'EUR', 'THB', 'percent', 'percentage-points'].includes(q.unit));
  // One flow per destination only when one trader (or none) ships one product (or none named):
  // otherwise the sentence says it of the lists together, and so does the draft.
  const split = traders.length <= 1 && products.length <= 1 && !amount && !count;
  const groups = split ? places.map((p) => [p]) : [places];
  for (const to of groups) {
    const notes = ['Draft (tradegraph extract): a trade flow as the sentence states it'];
    const record: DraftRecord = {
      type: 'flow',
      id: newId(ctx, `flow:${ctx.opts.prefix}-p${s.sentence.paragraph}-s${s.sentence.sentence}-${slug(to.map((t) => t.split(':')[1]).join('-'))}`),
      direction: 'EXPORT',
    };
    if (traders.length > 0) record.trader = traders;
    if (products.length > 0) record.product = products;
    if (origins.length > 0) record.from = origins;
    record.to = to;
    if (period) Object.assign(record, periodFields(period));
    if (amount) {
      record.value = amount.value;
      record.currency = amount.unit;
      record.qualifier = amount.qualifier;
      notes.push(`value as written "${amount.surface}"`);
    } else if (count) {
      record.quantity = count.value;
      record.quantityUnit = count.unit;
      record.qualifier = count.qualifier;
      notes.push(`quantity as written "${count.surface}"`);
    } else notes.push('qualitative: the text gives no value or quantity');
    if (!split && (traders.length > 1 || products.length > 1) && to.length > 1) notes.push('said of the traders, products and destinations together: no pair is asserted on its own');
    notes.push(period ? `period from "${period.from}"` : 'no period: the text gives none');
    record.excerpts = [s.excerptId];
    record.note = `${notes.join('; ')}.`;
    ctx.records.push(record);
  }
}

/**
 * Two draft figures with the same metric, unit, subjects and period but different values contradict
 * each other as records (the import refuses them): the text spoke of two things the draft could not
 * tell apart ("机电产品" and total exports, both about Chongqing). The later one is written commented
 * out, for the reviewer to give it its own subject or metric.
 */
function markConflicts(records: DraftRecord[]): void {
  const seen = new Map<string, DraftRecord>();
  for (const r of records) {
    if (r.type !== 'figure' || r.pending) continue;
    const key = [r.metric, r.unit ?? '', [...(r.about as string[])].sort().join('+'), r.periodStart, r.periodEnd, r.baselineStart, r.baselineEnd].join('|');
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else if (first.value !== r.value || first.qualifier !== r.qualifier) r.pending = `same metric, unit, subjects and period as ${String(first.id)}: give it its own subject or metric, then uncomment`;
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Capitalized phrases and quoted names the graph does not know: for the reviewer, never records. */
function unknownNames(text: string, mentions: Mention[]): string[] {
  const taken = (start: number, end: number) => mentions.some((m) => start < m.end && m.start < end);
  const out: string[] = [];
  for (const m of text.matchAll(/[“"„«「]([^”"“»」]{3,60})[”"“»」]/gu)) {
    const start = m.index! + 1;
    if (!taken(start, start + m[1]!.length)) out.push(m[1]!.replace(/[,，]$/, ''));
  }
  for (const m of text.matchAll(/\b(?:[A-Z][\p{L}'’-]+(?:\s+(?:of|and|&)\s+|\s+)){1,5}[A-Z][\p{L}'’-]+/gu)) {
    if (m.index === 0 && !/\s/.test(m[0])) continue;
    if (!taken(m.index!, m.index! + m[0].length)) out.push(m[0]);
  }
  return uniq(out);
}

export function extractFacts(sentences: Sentence[], lexicon: Lexicon, opts: ExtractOptions): Extraction {
  const ctx: Context = { opts, records: [], review: [], ids: new Set() };
  const matched = new Map<string, Set<string>>();
  const facts: SentenceFacts[] = [];
  let paragraph = 0;
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      ctx.frame = undefined;
    }
    const text = normalizeText(sentence.text);
    const mentions = lexicon.mentions(text);
    const excerptId = `excerpt:${opts.prefix}-p${sentence.paragraph}-s${sentence.sentence}`;
    const s: SentenceFacts = { sentence, excerptId, mentions };
    facts.push(s);
    for (const m of mentions) {
      if (m.id) {
        const set = matched.get(m.id) ?? new Set<string>();
        set.add(m.surface);
        matched.set(m.id, set);
      } else ctx.review.push({ excerpt: excerptId, kind: 'ambiguous-name', text: `"${m.surface}" names ${m.candidates.join(', ')}` });
    }
    for (const name of unknownNames(text, mentions)) ctx.review.push({ excerpt: excerptId, kind: 'unknown-name', text: name });
    const time = timeOf(text, opts.documentYear);
    if (time.frame) ctx.frame = time.frame;
    const subjectIds = uniq(subjects(mentions, text).map((m) => m.id!));
    figuresOf(ctx, s, time);
    qualitativeOf(ctx, s, time, subjectIds);
  }
  markConflicts(ctx.records);
  // A record refers to the facility it proposes or matched: count that as matched too.
  for (const r of ctx.records) {
    if (r.type === 'figure') for (const id of r.about as string[]) if (id.startsWith('facility:') && !matched.has(id)) matched.set(id, new Set(['(described)']));
  }
  return { records: ctx.records, review: ctx.review, matched, sentences: facts };
}
