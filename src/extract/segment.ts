/**
 * Paragraphs -> sentences with stable locators, by ICU's sentence rules (`Intl.Segmenter`, built
 * into Node), in English and Chinese; and Chinese word boundaries by ICU's dictionary (the same
 * segmenter at word granularity), used to check that a matched Chinese name is a whole word.
 *
 * A sentence keeps its text exactly as in the paragraph (trailing spaces dropped), so an excerpt is
 * a verbatim slice of the document. Locators are `paragraph N, sentence M`, counted from 1.
 */

export type Language = 'en' | 'zh';

export interface Sentence {
  paragraph: number;
  sentence: number;
  locator: string;
  text: string;
  language: Language;
}

const HAN = /\p{Script=Han}/gu;
const LETTER = /[\p{L}]/gu;

/** 'zh' when Chinese characters are at least a third of the letters, else 'en'. */
export function languageOf(text: string): Language {
  const letters = text.match(LETTER)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  return letters > 0 && han / letters >= 1 / 3 ? 'zh' : 'en';
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: Language, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${language}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/** Opening quotes and brackets ICU leaves at the end of the sentence before the one they open. */
const OPENERS = /[\s“‘「『《（(]+$/u;

function pieces(p: string, lang: Language): string[] {
  const out: string[] = [];
  let carry = '';
  for (const { segment } of segmenter(lang, 'sentence').segment(p)) {
    const s = carry + segment;
    const opener = OPENERS.exec(s.replace(/\s+$/u, ''));
    if (opener && opener[0].trim() !== '' && opener.index > 0) {
      out.push(s.slice(0, opener.index));
      carry = s.slice(opener.index).replace(/^\s+/u, '');
    } else {
      out.push(s);
      carry = '';
    }
  }
  if (carry.trim() !== '') out.push(carry);
  return lang === 'en' ? joinAbbreviations(out) : out;
}

/**
 * ICU (as Node ships it) breaks after every abbreviation ("CHONGQING, Jan. | 16 (Xinhua)", "Mr. | Li"):
 * a piece ending in a short capitalized abbreviation is joined to the next one when that one cannot
 * start a sentence (a digit, a lower-case letter or a bracket) or the abbreviation is a title.
 */
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.\s*$/u;
const TITLE = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/u;

function joinAbbreviations(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && ABBREVIATION.test(prev) && (/^[\p{Ll}\d(]/u.test(part) || TITLE.test(prev))) out[out.length - 1] = prev + part;
    else out.push(part);
  }
  return out;
}

export function sentencesOf(paragraphs: string[], language?: Language): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, i) => {
    const lang = language ?? languageOf(p);
    let n = 0;
    for (const segment of pieces(p, lang)) {
      const text = segment.replace(/\s+$/u, '');
      if (text.trim() === '') continue;
      n += 1;
      out.push({ paragraph: i + 1, sentence: n, locator: `paragraph ${i + 1}, sentence ${n}`, text, language: lang });
    }
  });
  return out;
}

/** Offsets where Chinese words start or end in `text` (ICU word boundaries). */
export function wordBoundaries(text: string): Set<number> {
  const bounds = new Set<number>([0, text.length]);
  for (const { index, segment } of segmenter('zh', 'word').segment(text)) {
    bounds.add(index);
    bounds.add(index + segment.length);
  }
  return bounds;
}
