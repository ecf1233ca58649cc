/**
 * Entity matching: finds the graph's entities in a sentence by their names, Chinese names and aliases.
 *
 * - Latin names match whole words, case-insensitively; proper nouns (regions, markets, companies)
 *   must keep their capital ("World" the region is not "world's largest"). Curly apostrophes are
 *   straight ones ("Chang’an" = "Chang'an"); a product or policy name in the plural also matches its
 *   singular ("agricultural product export value").
 * - Chinese names match where ICU's dictionary puts word boundaries on both ends (segment.ts), so
 *   "重庆" matches in "重庆汽车出口" but a name is never matched inside another word. One-character
 *   names (the alias "渝") are not matched: they are abbreviations inside other words.
 * - The longest match wins; matches never overlap. A surface that names two entities is ambiguous:
 *   reported, never resolved by guessing.
 */
import { wordBoundaries } from './segment';

export interface LexiconEntry {
  id: string;
  label: string;
  name: string;
  nameZh?: string | null;
  aliases?: string[];
}

export interface Mention {
  /** The entity, or null when the surface names several (see `candidates`). */
  id: string | null;
  candidates: string[];
  label: string;
  start: number;
  end: number;
  surface: string;
  /** Found inside a longer mention (a place in a product's name). */
  nested?: boolean;
}

interface Surface {
  text: string;
  /** Lower-cased (Latin) for comparison. */
  folded: string;
  han: boolean;
  caseSensitive: boolean;
  ids: Set<string>;
  label: string;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const PROPER = new Set(['Region', 'Market', 'Company']);

export const normalizeText = (s: string): string => s.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'");

export class Lexicon {
  private readonly surfaces: Surface[];
  readonly labels = new Map<string, string>();
  readonly names = new Map<string, string>();

  constructor(entries: LexiconEntry[]) {
    const byText = new Map<string, Surface>();
    const add = (raw: string, e: LexiconEntry): void => {
      const text = normalizeText(raw.trim());
      const han = HAN.test(text);
      if (han ? [...text].length < 2 : text.length < 3) return;
      const caseSensitive = !han && PROPER.has(e.label) && /^\p{Lu}/u.test(text);
      const key = `${caseSensitive ? 'C' : 'i'}\u0000${caseSensitive || han ? text : text.toLowerCase()}`;
      let s = byText.get(key);
      if (!s) {
        s = { text, folded: han || caseSensitive ? text : text.toLowerCase(), han, caseSensitive, ids: new Set(), label: e.label };
        byText.set(key, s);
      }
      s.ids.add(e.id);
    };
    for (const e of entries) {
      this.labels.set(e.id, e.label);
      this.names.set(e.id, e.name);
      const all = [e.name, ...(e.nameZh ? [e.nameZh] : []), ...(e.aliases ?? [])];
      for (const n of all) {
        add(n, e);
        if (!PROPER.has(e.label) && /[a-z]{3}s$/i.test(n) && !HAN.test(n)) add(n.slice(0, -1), e);
      }
    }
    this.surfaces = [...byText.values()].sort((a, b) => b.text.length - a.text.length);
  }

  get size(): number {
    return this.labels.size;
  }

  has(id: string): boolean {
    return this.labels.has(id);
  }

  /** Every non-overlapping mention in `text`, in text order. `text` should be normalizeText'ed. */
  mentions(text: string): Mention[] {
    const lower = text.toLowerCase();
    const bounds = HAN.test(text) ? wordBoundaries(text) : null;
    const found: Mention[] = [];
    const taken: boolean[] = new Array(text.length).fill(false);
    for (const s of this.surfaces) {
      const hay = s.han || s.caseSensitive ? text : lower;
      for (let at = hay.indexOf(s.folded); at >= 0; at = hay.indexOf(s.folded, at + 1)) {
        const end = at + s.folded.length;
        if (s.han) {
          if (!bounds || !bounds.has(at) || !bounds.has(end)) continue;
        } else if ((at > 0 && WORD_CHAR.test(text[at - 1]!)) || (end < text.length && WORD_CHAR.test(text[end]!))) continue;
        if (taken.slice(at, end).some(Boolean)) continue;
        for (let i = at; i < end; i++) taken[i] = true;
        const ids = [...s.ids].sort();
        found.push({ id: ids.length === 1 ? ids[0]! : null, candidates: ids, label: s.label, start: at, end, surface: text.slice(at, end) });
      }
    }
    // Places named inside a longer name are mentioned too ("Shizhu" in "Shizhu water shield"): the
    // text says the word, and a specialty's place is what an analyst follows.
    for (const outer of [...found]) {
      if (outer.label === 'Region') continue;
      const inner = outer.surface;
      for (const s of this.surfaces) {
        if (s.label !== 'Region' || s.han !== HAN.test(inner) || s.text.length >= inner.length) continue;
        const at = (s.caseSensitive || s.han ? inner : inner.toLowerCase()).indexOf(s.folded);
        if (at < 0) continue;
        const end = at + s.folded.length;
        if (!s.han && ((at > 0 && WORD_CHAR.test(inner[at - 1]!)) || (end < inner.length && WORD_CHAR.test(inner[end]!)))) continue;
        if (found.some((m) => m.start === outer.start + at && m.label === 'Region')) continue;
        const ids = [...s.ids].sort();
        found.push({ id: ids.length === 1 ? ids[0]! : null, candidates: ids, label: s.label, start: outer.start + at, end: outer.start + end, surface: inner.slice(at, end), nested: true });
      }
    }
    return found.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}
