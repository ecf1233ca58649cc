/**
 * Quantities stated in a sentence: value, unit, qualifier, and the exact span they were read from.
 *
 * Numbers written in digits ("4,739", "278.1%", "20 billion yuan", "402.2亿元", "$5.9 billion") are
 * read by the patterns below; numbers written in words ("three billion") by `compromise`, which is
 * used for words only: on digits it misreads currency prefixes ("$5.9 billion" -> 0.9 billion).
 * A quantity is kept only with a unit the text gives (or, for a bare "three billion" after
 * "3.5 billion yuan" in the same sentence, the unit carried over, which the note says); years,
 * ordinals ("14th"), durations ("24 hours a day") and numbers inside names ("Hundred Groups") are not
 * quantities. The span (`surface`) is a verbatim slice of the sentence, so a draft figure's number
 * can always be checked against its excerpt.
 */
import nlp from 'compromise';

export type Qualifier = 'exact' | 'approximately' | 'nearly' | 'more-than' | 'at-least' | 'less-than' | 'up-to';

export interface Quantity {
  value: number;
  unit: string;
  qualifier: Qualifier;
  /** Offsets in the sentence of the whole span: qualifier, number, scale and unit. */
  start: number;
  end: number;
  /** The verbatim span ("exceeding 20 billion yuan", "近7000家"). */
  surface: string;
  /** The number as written ("20 billion", "7,000", "three billion"). */
  number: string;
  /** Set when the unit is not written next to the number but carried over from an earlier one. */
  unitCarriedFrom?: string;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mn: 1e6, bn: 1e9 };
const ZH_SCALE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** Currency words after the number (or a symbol before it), English and Chinese. */
const CURRENCY_AFTER: [RegExp, string][] = [
  [/^\s*(?:U\.S\.|US|American)\s+dollars?\b/i, 'USD'],
  [/^\s*(?:dollars?|USD)\b/i, 'USD'],
  [/^\s*(?:yuan|RMB|CNY|renminbi)\b/i, 'CNY'],
  [/^\s*(?:Thai\s+)?baht\b/i, 'THB'],
  [/^\s*(?:euros?|EUR)\b/i, 'EUR'],
  [/^\s*美元/, 'USD'],
  [/^\s*(?:元|人民币)/, 'CNY'],
];
const CURRENCY_BEFORE: [RegExp, string][] = [
  [/(?:US\$|U\.S\.\s?\$|\$)\s*$/, 'USD'],
  [/(?:RMB|CNY|¥|￥)\s*$/, 'CNY'],
];

/** Count nouns that are units ("4,739 enterprises"); up to three words may come between. */
const COUNT_UNITS = new Map<string, string>(
  Object.entries({
    enterprises: 'enterprises', enterprise: 'enterprises', companies: 'companies', firms: 'companies', entities: 'entities',
    exhibitions: 'exhibitions', exhibitors: 'exhibitors', units: 'units', vehicles: 'vehicles', cars: 'vehicles',
    motorcycles: 'motorcycles', automobiles: 'vehicles', gearboxes: 'gearboxes', countries: 'countries', regions: 'regions', projects: 'projects', trains: 'trains',
    containers: 'containers', teus: 'TEU', tons: 'tonnes', tonnes: 'tonnes', people: 'people', employees: 'employees',
    workers: 'workers', stores: 'stores', showrooms: 'showrooms', models: 'models', products: 'products', markets: 'markets',
    suppliers: 'suppliers', orders: 'orders', engines: 'engines',
  }),
);
const DURATIONS = /^(?:hours?|days?|minutes?|seconds?|weeks?|months?|years?|decades?)$/i;
const ZH_COUNT_UNITS: [RegExp, string][] = [
  [/^\s*(?:万)?辆/, 'vehicles'],
  [/^\s*家/, 'enterprises'],
  [/^\s*个国家和地区/, 'countries-and-regions'],
  [/^\s*个国家/, 'countries'],
  [/^\s*个百分点/, 'percentage-points'],
  [/^\s*吨/, 'tonnes'],
];

const QUALIFIER_BEFORE: [RegExp, Qualifier][] = [
  [/\b(?:nearly|almost|close to)\s+$/i, 'nearly'],
  [/\b(?:more than|over|exceeding|exceeded|exceeds|exceed|above|upwards of|in excess of)\s+$/i, 'more-than'],
  [/\b(?:about|approximately|around|roughly|some|an estimated|estimated)\s+$/i, 'approximately'],
  [/\bat least\s+$/i, 'at-least'],
  [/\b(?:less than|fewer than|under|below)\s+$/i, 'less-than'],
  [/\bup to\s+$/i, 'up-to'],
  [/近\s*$/, 'nearly'],
  [/(?:超过|突破|逾|超)\s*$/, 'more-than'],
  [/(?:约|大约|约为)\s*$/, 'approximately'],
  [/(?:至少)\s*$/, 'at-least'],
];
const QUALIFIER_AFTER_ZH: [RegExp, Qualifier][] = [[/^(?:余|多)/, 'more-than']];
const QUALIFIER_AFTER_UNIT_ZH: [RegExp, Qualifier][] = [[/^(?:以上)/, 'more-than']];

const DIGITS = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/gu;

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, spans: Span[]) => spans.some((s) => a.start < s.end && s.start < a.end);

function qualifierBefore(before: string): { qualifier: Qualifier; length: number } {
  for (const [re, q] of QUALIFIER_BEFORE) {
    const m = re.exec(before);
    if (m) return { qualifier: q, length: m[0].length };
  }
  return { qualifier: 'exact', length: 0 };
}

/** The unit right after a number (and its length), or null. `scaled`: a scale word was read. */
function unitAfter(rest: string, zh: boolean, before = ''): { unit: string; length: number } | null {
  if (/^\s*(?:%|％|percent\b|per cent\b)/i.test(rest)) return { unit: 'percent', length: /^\s*(?:%|％|percent|per cent)/i.exec(rest)![0].length };
  if (/^\s*percentage points?\b/i.test(rest)) return { unit: 'percentage-points', length: /^\s*percentage points?/i.exec(rest)![0].length };
  for (const [re, unit] of CURRENCY_AFTER) {
    const m = re.exec(rest);
    if (m) return { unit, length: m[0].length };
  }
  if (zh) {
    for (const [re, unit] of ZH_COUNT_UNITS) {
      const m = re.exec(rest);
      // 家 counts organisations: entities (经营主体) or enterprises (企业), as the noun before says.
      if (m) return { unit: unit === 'enterprises' && /主体[^企]{0,12}$/.test(before) ? 'entities' : unit, length: m[0].length };
    }
    return null;
  }
  // Up to three words (adjectives: "international", "cross-border e-commerce") before a unit noun.
  const words = /^((?:\s+[\p{L}][\p{L}'’.-]*){1,4})/u.exec(rest);
  if (!words) return null;
  let length = 0;
  for (const w of words[1]!.match(/\s+[\p{L}][\p{L}'’.-]*/gu) ?? []) {
    const word = w.trim().toLowerCase().replace(/[.,-]+$/, '');
    // The span ends with the word, not with the sentence's full stop after it.
    const kept = w.replace(/[.,-]+$/, '');
    length += kept.length;
    if (kept.length < w.length && !COUNT_UNITS.has(word)) return null;
    if (DURATIONS.test(word)) return null;
    const unit = COUNT_UNITS.get(word);
    // "334,000 units of vehicles": the noun after "units of" is the unit, when it is one.
    const of = unit === 'units' ? /^\s+of\s+([\p{L}]+)/u.exec(rest.slice(length)) : null;
    if (of && COUNT_UNITS.has(of[1]!.toLowerCase()) && COUNT_UNITS.get(of[1]!.toLowerCase()) !== 'units') return { unit: COUNT_UNITS.get(of[1]!.toLowerCase())!, length: length + of[0].length };
    if (unit) return { unit, length };
    if (/^(?:of|in|to|from|and|or|with|for|by|at|on|a|an|the|more|less|than)$/.test(word)) return null;
  }
  return null;
}

function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** digits x 10^k exactly as written ("4962.4" and 1e8 -> 496240000000, not 496239999999.99994). */
function scaled(digits: string, scale: number): number {
  return Number(`${digits.replace(/,/g, '')}e${Math.round(Math.log10(scale))}`);
}

const isYear = (text: string, value: number) => /^\d{4}$/.test(text) && value >= 1900 && value <= 2100;

export function quantitiesOf(sentence: string, excluded: Span[] = []): Quantity[] {
  const zh = /\p{Script=Han}/u.test(sentence);
  const found: Quantity[] = [];
  for (const m of sentence.matchAll(DIGITS)) {
    const numStart = m.index!;
    let numEnd = numStart + m[0].length;
    const prev = sentence.slice(0, numStart);
    // Part of a longer token: a version, a code, a date, an ordinal, a decimal continued.
    if (/[\p{L}\d.]$/u.test(prev) && !/[\p{Script=Han}]$/u.test(prev) && !/\$$/.test(prev)) continue;
    let after = sentence.slice(numEnd);
    if (/^(?:st|nd|rd|th)\b/i.test(after) || /^\s*(?:millionth|billionth|thousandth)/i.test(after) || /^-(?:year|day|month)/i.test(after)) continue;
    if (/^[\d]/.test(after) || /^\.\d/.test(after)) continue;
    let value = parseDigits(m[0]);
    let number = m[0];
    // Scale: "20 billion", "402.2亿".
    const scale = /^\s*(thousand|million|billion|trillion|mn|bn)\b/i.exec(after);
    const zhScale = /^(万亿|亿|万|千)/.exec(after);
    if (scale) {
      value = scaled(m[0], SCALE[scale[1]!.toLowerCase()]!);
      numEnd += scale[0].length;
      number = sentence.slice(numStart, numEnd);
    } else if (zhScale) {
      value = scaled(m[0], ZH_SCALE[zhScale[1]!]!);
      numEnd += zhScale[0].length;
      number = sentence.slice(numStart, numEnd);
    }
    after = sentence.slice(numEnd);
    let qualifier: Qualifier = 'exact';
    let spanEnd = numEnd;
    if (zh) {
      for (const [re, q] of QUALIFIER_AFTER_ZH) {
        const mm = re.exec(after);
        if (mm) {
          qualifier = q;
          spanEnd += mm[0].length;
          after = sentence.slice(spanEnd);
        }
      }
    }
    let unit: string | null = null;
    let spanStart = numStart;
    for (const [re, u] of CURRENCY_BEFORE) {
      const mm = re.exec(prev);
      if (mm) {
        unit = u;
        spanStart = numStart - mm[0].length;
      }
    }
    if (!unit) {
      const u = unitAfter(after, zh, prev);
      if (u) {
        unit = u.unit;
        spanEnd += u.length;
      }
    }
    if (zh) {
      for (const [re, q] of QUALIFIER_AFTER_UNIT_ZH) {
        const mm = re.exec(sentence.slice(spanEnd));
        if (mm) {
          qualifier = q;
          spanEnd += mm[0].length;
        }
      }
    }
    if (!unit && isYear(m[0], value)) continue;
    const q = qualifierBefore(sentence.slice(0, spanStart));
    if (q.length > 0) {
      qualifier = q.qualifier;
      spanStart -= q.length;
    }
    const span = { start: numStart, end: numEnd };
    if (overlaps(span, excluded)) continue;
    const surface = sentence.slice(spanStart, spanEnd).trim();
    if (unit) found.push({ value, unit, qualifier, start: spanStart, end: spanEnd, surface, number });
    else if (scale || zhScale) found.push({ value, unit: '', qualifier, start: spanStart, end: spanEnd, surface, number });
  }
  found.push(...wordNumbers(sentence, excluded, found));
  found.sort((a, b) => a.start - b.start);
  // A bare scaled amount takes the currency of the amount before it in the sentence ("3.5 billion
  // yuan ..., three billion goes to the U.S."); without one it is not a quantity.
  const out: Quantity[] = [];
  for (const q of found) {
    if (q.unit !== '') {
      out.push(q);
      continue;
    }
    const before = [...out].reverse().find((p) => ['CNY', 'USD', 'EUR', 'THB'].includes(p.unit));
    if (before) out.push({ ...q, unit: before.unit, unitCarriedFrom: before.surface });
  }
  return out;
}

/** Numbers written in words ("three billion"), by compromise; digits are read above. */
function wordNumbers(sentence: string, excluded: Span[], digits: Quantity[]): Quantity[] {
  if (!/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/i.test(sentence)) return [];
  const out: Quantity[] = [];
  const doc = nlp(sentence);
  for (const n of doc.numbers().json({ offset: true }) as { text: string; offset: { start: number; length: number }; number: { num: number | null } }[]) {
    const text = n.text.replace(/[^\p{L}\s-]+$/u, '').replace(/^[^\p{L}]+/u, '');
    if (/\d/.test(n.text) || n.number.num === null || !Number.isFinite(n.number.num) || text === '') continue;
    const start = sentence.indexOf(text, Math.max(0, n.offset.start - 2));
    if (start < 0) continue;
    const end = start + text.length;
    const span = { start, end };
    if (overlaps(span, excluded) || overlaps(span, digits)) continue;
    if (/^(?:one|a|an)$/i.test(text)) continue;
    const after = sentence.slice(end);
    if (/^-(?:year|day|month)/i.test(after)) continue;
    const u = unitAfter(after, false);
    const scaled = /(?:thousand|million|billion|trillion)$/i.test(text);
    if (!u && !scaled) continue;
    const q = qualifierBefore(sentence.slice(0, start));
    out.push({
      value: n.number.num,
      unit: u?.unit ?? '',
      qualifier: q.length > 0 ? q.qualifier : 'exact',
      start: start - q.length,
      end: end + (u?.length ?? 0),
      surface: sentence.slice(start - q.length, end + (u?.length ?? 0)).trim(),
      number: text,
    });
  }
  return out;
}
