/**
 * Text normalization for names and labels. Excerpt text is never passed through here: an excerpt
 * is a verbatim quote and stays byte-for-byte what the source said.
 */

// Typographic quotes that people paste from word processors and web pages, mapped to ASCII so
// that "Chang’an" and "Chang'an" are one name (U+2018/9/A/B, U+2032; U+201C/D/E/F, U+2033, «»).
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Trim, Unicode NFC, collapse inner whitespace runs, ASCII quotes. */
export function normalizeName(s: string): string {
  return s.normalize('NFC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/g, ' ').trim();
}

/** Trim and NFC only (statements, notes, codes): quotes inside prose are kept. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').trim();
}

export const TYPOGRAPHIC_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/;

/** A lowercase slug for ids built from file names: "Comtrade 2022 (CN).csv" -> "comtrade-2022-cn-csv". */
export function slugify(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'file'
  );
}
