/**
 * When a sentence says its facts hold: the period ("In 2024", "2025年"), the baseline a change is
 * measured against ("compared to the end of the 13th Five-Year Plan period" = 2020, "year-on-year",
 * "同比"), a frame a paragraph sets for the sentences after it ("During the 14th Five-Year Plan period"
 * = 2021-2025), and words that leave the period open ("currently", "cumulatively", "目前", "累计").
 * Every reading is returned with the words it came from, for the draft's note.
 */

export interface YearSpan {
  start: number;
  end: number;
  /** The words read ("In 2024", "the end of the 13th Five-Year Plan period"). */
  from: string;
  /** Set when only part of the year is meant ("the first 11 months", "前10个月"). */
  partial?: string;
}

export interface SentenceTime {
  period?: YearSpan;
  baseline?: YearSpan | 'previous-year';
  baselineWords?: string;
  /** "currently", "cumulatively": the sentence gives no period, and says so. */
  open?: string;
  /** A five-year-plan frame this sentence opens ("During the 14th Five-Year Plan period"). */
  frame?: YearSpan;
}

/** Five-year plans from the 3rd (1966-1970) on follow each other without gaps. */
export function fiveYearPlan(n: number): { start: number; end: number } | null {
  if (!Number.isInteger(n) || n < 3 || n > 30) return null;
  const start = 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

const ORDINAL_WORDS: Record<string, number> = { thirteenth: 13, fourteenth: 14, fifteenth: 15, twelfth: 12, eleventh: 11 };
const ZH_ORDINALS: Record<string, number> = { 十一: 11, 十二: 12, 十三: 13, 十四: 14, 十五: 15 };

function planNumber(s: string): number | null {
  const d = /(\d+)(?:st|nd|rd|th)/i.exec(s);
  if (d) return Number(d[1]);
  const w = /(thirteenth|fourteenth|fifteenth|twelfth|eleventh)/i.exec(s);
  if (w) return ORDINAL_WORDS[w[1]!.toLowerCase()]!;
  const z = /(十一|十二|十三|十四|十五)五/.exec(s);
  return z ? ZH_ORDINALS[z[1]!]! : null;
}

const PLAN_EN = /(?:the\s+)?(?:end of the\s+)?(\d+(?:st|nd|rd|th)|thirteenth|fourteenth|fifteenth|twelfth|eleventh)\s+Five-Year\s+Plan(?:\s+\(\d{4}-\d{4}\))?\s+period/i;
const PLAN_ZH = /[“"]?(十一|十二|十三|十四|十五)五[”"]?(?:时期|期间|末)?/;

const PARTIAL_EN = /\b(?:in\s+)?(?:the\s+)?(first\s+(?:\w+\s+)?(?:months|quarters?|half)|January(?:\s*-\s*|\s+to\s+|\s+through\s+)\w+|Jan(?:uary)?-\w+)\s+(?:of\s+)?(?:this year|(\d{4}))/i;
const PARTIAL_ZH = /(\d{4})年(前\S{1,3}个月|前三季度|上半年|1-\d{1,2}月|一季度)/;

export function timeOf(sentence: string, documentYear?: number): SentenceTime {
  const t: SentenceTime = {};
  const open = /\b(currently|cumulatively|so far|to date|at present)\b/i.exec(sentence) ?? /(目前|累计|截至目前)/.exec(sentence);
  if (open) t.open = open[1]!;

  // Baseline first, so its year is not read as the period.
  let rest = sentence;
  const planBase = /compared\s+(?:to|with)\s+(the\s+end\s+of\s+the\s+[^,.;]*?Five-Year\s+Plan(?:\s+\(\d{4}-\d{4}\))?\s+period)/i.exec(sentence);
  const yearBase = /compared\s+(?:to|with)\s+((?:the\s+same\s+period\s+(?:of|in)\s+)?(\d{4}))/i.exec(sentence);
  const zhPlanBase = /(?:比|较)\s*[“"]?(十一|十二|十三|十四|十五)五[”"]?末/.exec(sentence);
  if (planBase) {
    const p = fiveYearPlan(planNumber(planBase[1]!) ?? 0);
    if (p) t.baseline = { start: p.end, end: p.end, from: planBase[1]! };
    rest = rest.replace(planBase[0], ' ');
  } else if (zhPlanBase) {
    const p = fiveYearPlan(ZH_ORDINALS[zhPlanBase[1]!]!);
    if (p) t.baseline = { start: p.end, end: p.end, from: zhPlanBase[0] };
    rest = rest.replace(zhPlanBase[0], ' ');
  } else if (yearBase) {
    t.baseline = { start: Number(yearBase[2]), end: Number(yearBase[2]), from: yearBase[1]! };
    rest = rest.replace(yearBase[0], ' ');
  } else if (/\byear[- ]on[- ]year\b|同比|over the same period (?:of )?last year/i.test(sentence)) {
    t.baseline = 'previous-year';
    t.baselineWords = (/\byear[- ]on[- ]year\b|同比|over the same period (?:of )?last year/i.exec(sentence) ?? [''])[0];
  }

  const frame = /\b(?:during|in|throughout)\s+the\s+(\d+(?:st|nd|rd|th))\s+Five-Year\s+Plan(?:\s+\(\d{4}-\d{4}\))?\s+period/i.exec(rest) ?? /[“"]?(十一|十二|十三|十四|十五)五[”"]?(?:时期|期间)/.exec(rest);
  if (frame) {
    const p = fiveYearPlan(planNumber(frame[0]) ?? 0);
    if (p) t.frame = { ...p, from: frame[0] };
  }

  const partial = PARTIAL_EN.exec(rest) ?? PARTIAL_ZH.exec(rest);
  if (partial) {
    const zh = partial[0].includes('年');
    const year = zh ? Number(partial[1]) : partial[2] ? Number(partial[2]) : documentYear;
    if (year) {
      t.period = { start: year, end: year, from: partial[0].trim(), partial: zh ? partial[2]! : partial[1]! };
      return t;
    }
  }
  const years = [...rest.matchAll(/(?:\b(?:in|In|for|For|of|during|During)\s+(\d{4})\b|(\d{4})\s*年)/g)];
  const distinct = [...new Set(years.map((y) => Number(y[1] ?? y[2])))].filter((y) => y >= 1900 && y <= 2100);
  if (distinct.length === 1) {
    t.period = { start: distinct[0]!, end: distinct[0]!, from: years[0]![0].trim() };
    // "In 2024, ..." / "2025年,...": a year that opens the sentence frames the rest of its paragraph
    // ("其中...", "Of these, ...") as a five-year-plan period does.
    if (/^\s*(?:(?:In|During|For)\s+\d{4}\s*,|\d{4}\s*年\s*[,，])/.test(rest) && !t.frame) t.frame = { ...t.period };
  }
  else if (/\bthis year\b|今年/.test(rest) && documentYear) t.period = { start: documentYear, end: documentYear, from: (/\bthis year\b|今年/.exec(rest) ?? [''])[0], partial: 'the year of the document' };
  if (!t.period && frame && t.frame) t.period = undefined;
  return t;
}

export { PLAN_EN, PLAN_ZH };
