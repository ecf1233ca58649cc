/**
 * The built-in country reference table: ISO 3166-1 numeric (= UN M49 for countries) <-> alpha-3
 * <-> alpha-2 and names in English and Chinese, from the `i18n-iso-countries` npm package, which
 * is cited as the Source of every country created from it (`createMissing`).
 */
import countries from 'i18n-iso-countries';
import { node, rel } from '../build';
import type { RowItem } from '../types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const PACKAGE_VERSION: string = (require('i18n-iso-countries/package.json') as { version: string }).version;

export interface CountryRef {
  iso2: string;
  iso3: string;
  /** Three-digit ISO 3166-1 numeric / M49 code, e.g. "156". */
  m49: string;
  name: string;
  nameZh?: string;
  aliases: string[];
}

export const REFERENCE_SOURCE_ID = 'source:i18n-iso-countries';
export const REFERENCE_EXCERPT_ID = 'excerpt:i18n-iso-countries-table';

function byAlpha2(iso2: string): CountryRef | undefined {
  const iso3 = countries.alpha2ToAlpha3(iso2);
  const m49 = countries.alpha2ToNumeric(iso2);
  if (!iso3 || !m49) return undefined;
  const official = countries.getName(iso2, 'en') ?? iso3;
  const name = countries.getName(iso2, 'en', { select: 'alias' }) ?? official;
  const all = (countries.getName(iso2, 'en', { select: 'all' }) as unknown as string[] | undefined) ?? [];
  return {
    iso2,
    iso3,
    m49: m49.padStart(3, '0'),
    name,
    nameZh: countries.getName(iso2, 'zh') ?? undefined,
    aliases: [...new Set(all.filter((a) => a !== name))],
  };
}

/** By ISO 3166-1 numeric code (number or string, with or without leading zeros). */
export function countryByNumeric(code: string | number): CountryRef | undefined {
  const s = String(code).trim();
  if (!/^\d{1,3}$/.test(s)) return undefined;
  const iso2 = countries.numericToAlpha2(s.padStart(3, '0'));
  return iso2 ? byAlpha2(iso2) : undefined;
}

export function countryByAlpha3(iso3: string): CountryRef | undefined {
  const iso2 = countries.alpha3ToAlpha2(iso3.trim().toUpperCase());
  return iso2 ? byAlpha2(iso2) : undefined;
}

/** The region node (and provenance) for a country of the reference table. */
export function countryItem(c: CountryRef, file: string, line: number): RowItem {
  const id = `iso:${c.iso3}`;
  return {
    file,
    line,
    key: id,
    nodes: [node('Region', id, { name: c.name, nameZh: c.nameZh, aliases: c.aliases.length > 0 ? c.aliases : undefined, kind: 'country', iso2: c.iso2, iso3: c.iso3, m49: c.m49 })],
    rels: [rel('STATED_IN', id, REFERENCE_EXCERPT_ID)],
    errors: [],
  };
}

/** The Source and Excerpt that created countries cite. */
export function referenceItems(file: string): RowItem[] {
  return [
    {
      file,
      line: 0,
      key: REFERENCE_SOURCE_ID,
      nodes: [
        node('Source', REFERENCE_SOURCE_ID, {
          title: 'ISO 3166-1 country codes and names (i18n-iso-countries)',
          publisher: 'i18n-iso-countries npm package, after ISO 3166-1',
          url: 'https://github.com/michaelwittig/node-i18n-iso-countries',
          kind: 'reference-data',
          language: 'en',
          file: `i18n-iso-countries@${PACKAGE_VERSION}`,
        }),
      ],
      rels: [],
      errors: [],
    },
    {
      file,
      line: 0,
      key: REFERENCE_EXCERPT_ID,
      nodes: [
        node('Excerpt', REFERENCE_EXCERPT_ID, {
          text: `i18n-iso-countries ${PACKAGE_VERSION}: codes.json (alpha-2, alpha-3, numeric) and langs/en.json, langs/zh.json (names)`,
          locator: 'codes.json; langs/en.json; langs/zh.json',
          language: 'en',
        }),
      ],
      rels: [rel('EXCERPT_OF', REFERENCE_EXCERPT_ID, REFERENCE_SOURCE_ID)],
      errors: [],
    },
  ];
}
