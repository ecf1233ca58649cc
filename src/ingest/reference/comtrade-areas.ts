/**
 * UN Comtrade's own reporter and partner code list (comtrade-areas.csv, see README.md in this
 * folder for its source, retrieval date and licence).
 *
 * Comtrade's codes are close to UN M49 but not identical: 842 is the USA (M49 840), 251 France
 * (250), 699 India (356), 757 Switzerland (756), 579 Norway (578); 490 "Other Asia, nes", 899
 * "Areas, nes", 97 the EU and 0 World are no countries. A file that leaves the ISO columns empty
 * (comtradeapicall does) still maps 842 to `iso:USA` through this list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../neo4j/queries';

export interface ComtradeArea {
  code: number;
  name: string;
  /** Comtrade's ISO alpha-3 column: an ISO 3166 code for countries, else its own (S19, _X, W00, EUR...). */
  iso3: string;
  iso2: string;
  note: string;
  isGroup: boolean;
  entryYear?: number;
  exitYear?: number;
}

export const COMTRADE_AREAS_FILE = path.join(PROJECT_ROOT, 'src', 'ingest', 'reference', 'comtrade-areas.csv');
export const COMTRADE_AREAS_SOURCE = {
  id: 'source:un-comtrade-reference-areas',
  excerpt: 'excerpt:un-comtrade-reference-areas',
  title: 'UN Comtrade reference files: Reporters.json and partnerAreas.json',
  publisher: 'United Nations Statistics Division (UN Comtrade)',
  url: 'https://comtradeapi.un.org/files/v1/app/reference/partnerAreas.json',
  retrieved: '2025-06-05',
};

let table: Map<number, ComtradeArea> | undefined;

/** Comtrade code -> its entry (loaded once). */
export function comtradeAreas(): Map<number, ComtradeArea> {
  if (table) return table;
  const rows = parse(fs.readFileSync(COMTRADE_AREAS_FILE, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  table = new Map();
  for (const r of rows) {
    const year = (s: string | undefined): number | undefined => (s ? Number(s) : undefined);
    table.set(Number(r.code), {
      code: Number(r.code),
      name: r.name!,
      iso3: r.iso3!,
      iso2: r.iso2!,
      note: r.note!,
      isGroup: r.isGroup === 'true',
      entryYear: year(r.entryYear),
      exitYear: year(r.exitYear),
    });
  }
  return table;
}

export function comtradeArea(code: number): ComtradeArea | undefined {
  return comtradeAreas().get(code);
}
