/**
 * Turns what a user typed into a Lucene query for the `entity_names` full-text index, safely.
 *
 * The text is cut into words (letters and digits, apostrophes inside words kept: "Chang'an") and
 * runs of Chinese characters; every other character is dropped, and each word is escaped anyway,
 * so no user input can change the query's structure. Per word:
 *   - an exact term, boosted (exact matches rank first);
 *   - a fuzzy term `word~N` for typo tolerance ("Zongsen" finds "Zongshen"): one edit for words of
 *     4-6 letters, two from 7; none for short words or words with digits (codes must match exactly);
 *   - for the last word, a low-boosted prefix `word*` so a half-typed name still finds something.
 * A run of Chinese characters becomes a phrase, which the 'cjk' analyzer turns into bigrams in order.
 * Fuzzy and prefix terms bypass the analyzer, so words are lower-cased here as the index is.
 */
import { badUserInput } from '../../graphql/relay/bad-input';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 8;

export interface SearchToken {
  text: string;
  han: boolean;
}

const TOKEN = /\p{Script=Han}+|[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const HAN = /^\p{Script=Han}/u;

export function tokenize(text: string): SearchToken[] {
  const normalized = text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'");
  return [...normalized.matchAll(TOKEN)].map((m) => ({ text: HAN.test(m[0]) ? m[0] : m[0].toLowerCase(), han: HAN.test(m[0]) }));
}

/** Backslash-escapes every character Lucene's query syntax gives a meaning to. */
export function escapeLucene(term: string): string {
  return term.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, (c) => `\\${c}`);
}

/**
 * How words match. Names (`entity_names`): fuzzy terms for typos, a prefix on the last word only.
 * Passages (`source_text`, what sources say): no fuzzy terms (in running text they match unrelated
 * words: "find~1" is "kind"), a prefix on every word instead, so "order" finds "orders".
 */
export type MatchMode = 'names' | 'passages';

function clause(token: SearchToken, last: boolean, mode: MatchMode): string {
  const t = escapeLucene(token.text);
  if (token.han) return `"${t}"`;
  const parts = [`${t}^2`];
  const letters = !/\d/.test(token.text);
  if (mode === 'names' && letters && token.text.length >= 4) parts.push(`${t}~${token.text.length >= 7 ? 2 : 1}`);
  if ((last || mode === 'passages') && token.text.length >= 3 && letters) parts.push(`${t}*^0.3`);
  else if (last && mode === 'names' && token.text.length >= 2) parts.push(`${t}*^0.3`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

export interface LuceneQueries {
  /** Every word must match (exactly or fuzzily): tried first. */
  all: string;
  /** Any word may match: the fallback when no entity matches every word. */
  any: string;
}

export function luceneQueries(text: string, mode: MatchMode = 'names'): LuceneQueries {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`\`text\` is too long: at most ${MAX_SEARCH_LENGTH} characters; got ${text.length}`, { argumentName: 'text' });
  }
  const tokens = tokenize(text);
  if (tokens.length === 0) throw badUserInput('`text` must contain at least one letter, digit or Chinese character', { argumentName: 'text' });
  if (tokens.length > MAX_SEARCH_WORDS) {
    throw badUserInput(`\`text\` has too many words: at most ${MAX_SEARCH_WORDS}; got ${tokens.length}`, { argumentName: 'text' });
  }
  const clauses = tokens.map((t, i) => clause(t, i === tokens.length - 1, mode));
  // Passages: the words as a phrase rank first ("find orders" before a text with "find" and "orders" apart).
  const latin = tokens.filter((t) => !t.han);
  const phrase = mode === 'passages' && latin.length > 1 ? ` "${latin.map((t) => escapeLucene(t.text)).join(' ')}"^4` : '';
  return { all: clauses.map((c) => `+${c}`).join(' ') + phrase, any: clauses.join(' ') + phrase };
}
