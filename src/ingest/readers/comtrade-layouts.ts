/**
 * The two UN Comtrade file layouts, detected from the header, mapped to one set of fields.
 *
 * - legacy bulk download: `Classification,Year,Period,...,Trade Flow Code,...,Trade Value (US$),...,Flag`
 * - current API / bulk: `typeCode,freqCode,refPeriodId,...,flowCode,...,cmdCode,...,primaryValue,...`
 *
 * A user's file may hold only some of the columns (an API query with a column selection, a
 * spreadsheet export): only the fields a flow cannot do without are required.
 */

export type Layout = 'legacy' | 'api';

/** The fields the reader uses; each maps to the column names that may carry it, per layout. */
export const FIELDS = {
  classification: { legacy: ['Classification'], api: ['classificationCode'] },
  year: { legacy: ['Year'], api: ['refYear'] },
  period: { legacy: ['Period'], api: ['period', 'refPeriodId'] },
  flow: { legacy: ['Trade Flow Code', 'Trade Flow'], api: ['flowCode'] },
  aggrLevel: { legacy: ['Aggregate Level'], api: ['aggrLevel'] },
  reporterCode: { legacy: ['Reporter Code'], api: ['reporterCode'] },
  reporterIso: { legacy: ['Reporter ISO'], api: ['reporterISO'] },
  reporterDesc: { legacy: ['Reporter'], api: ['reporterDesc'] },
  partnerCode: { legacy: ['Partner Code'], api: ['partnerCode'] },
  partnerIso: { legacy: ['Partner ISO'], api: ['partnerISO'] },
  partnerDesc: { legacy: ['Partner'], api: ['partnerDesc'] },
  partner2Code: { legacy: ['2nd Partner Code'], api: ['partner2Code', 'prtner2Code'] },
  customsCode: { legacy: ['Customs Proc. Code'], api: ['customsCode'] },
  motCode: { legacy: ['Mode of Transport Code'], api: ['motCode'] },
  cmdCode: { legacy: ['Commodity Code'], api: ['cmdCode'] },
  cmdDesc: { legacy: ['Commodity'], api: ['cmdDesc'] },
  qtyUnit: { legacy: ['Qty Unit'], api: ['qtyUnitAbbr'] },
  qty: { legacy: ['Qty'], api: ['qty'] },
  netWgt: { legacy: ['Netweight (kg)'], api: ['netWgt'] },
  value: { legacy: ['Trade Value (US$)'], api: ['primaryValue'] },
  cif: { legacy: ['CIF Trade Value (US$)', 'CIF TradeValue'], api: ['cifvalue'] },
  fob: { legacy: ['FOB Trade Value (US$)'], api: ['fobvalue'] },
  flag: { legacy: ['Flag'], api: ['legacyEstimationFlag'] },
} as const satisfies Record<string, Record<Layout, readonly string[]>>;

export type Field = keyof typeof FIELDS;

/** One of each group is needed; the first name is what the error message mentions. */
const REQUIRED: Field[][] = [['period', 'year'], ['flow'], ['reporterCode', 'reporterIso'], ['partnerCode', 'partnerIso'], ['cmdCode'], ['value']];

export interface HeaderMap {
  layout: Layout;
  index: Partial<Record<Field, number>>;
  width: number;
}

/**
 * Header names compared without case, spaces and punctuation: real files spell the same column
 * `Trade Flow Code` or `TradeFlow Code`, `Trade Value (US$)` or `TradeValueUS`, `refYear` or `RefYear`.
 */
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function detectLayout(header: string[]): { map?: HeaderMap; error?: string } {
  const names = header.map(norm);
  const has = (n: string): boolean => names.includes(norm(n));
  let layout: Layout | undefined;
  if (has('cmdCode') || has('flowCode') || has('primaryValue')) layout = 'api';
  else if (has('Commodity Code') || has('Trade Flow Code') || has('Trade Value (US$)')) layout = 'legacy';
  if (!layout) {
    return { error: 'not a UN Comtrade header: expected the legacy layout (Classification,Year,Period,...,Commodity Code,...,Trade Value (US$)) or the API layout (...,flowCode,...,cmdCode,...,primaryValue)' };
  }
  const index: Partial<Record<Field, number>> = {};
  for (const [field, alts] of Object.entries(FIELDS) as [Field, Record<Layout, readonly string[]>][]) {
    for (const alt of alts[layout]) {
      const i = names.indexOf(norm(alt));
      if (i !== -1) {
        index[field] = i;
        break;
      }
    }
  }
  const missing = REQUIRED.filter((group) => group.every((f) => index[f] === undefined)).map((group) => group.map((f) => FIELDS[f][layout][0]).join(' or '));
  if (missing.length > 0) return { error: `${layout} Comtrade header lacks required column(s): ${missing.join('; ')}` };
  return { map: { layout, index, width: header.length } };
}

/** Classification code -> HS edition ("HS" = as reported: the edition the caller names). */
export const HS_EDITIONS: Record<string, string> = {
  H0: 'HS1992',
  H1: 'HS1996',
  H2: 'HS2002',
  H3: 'HS2007',
  H4: 'HS2012',
  H5: 'HS2017',
  H6: 'HS2022',
};

/** Classifications Comtrade also publishes, which tradegraph does not import (it keeps the HS tree only). */
export const OTHER_CLASSIFICATIONS: Record<string, string> = {
  S1: 'SITC Rev. 1',
  S2: 'SITC Rev. 2',
  S3: 'SITC Rev. 3',
  S4: 'SITC Rev. 4',
  SS: 'SITC (as reported)',
  B4: 'BEC Rev. 4',
  B5: 'BEC Rev. 5',
  EB: 'EBOPS',
  EB02: 'EBOPS 2002',
  EB10: 'EBOPS 2010',
};

/** Legacy trade flow codes and names, and API flow codes, to the model's directions. */
export const FLOWS: Record<string, { code: 'X' | 'M' | 'RX' | 'RM'; direction: 'EXPORT' | 'IMPORT' | 'RE_EXPORT' | 'RE_IMPORT' }> = {
  '1': { code: 'M', direction: 'IMPORT' },
  '2': { code: 'X', direction: 'EXPORT' },
  '3': { code: 'RX', direction: 'RE_EXPORT' },
  '4': { code: 'RM', direction: 'RE_IMPORT' },
  import: { code: 'M', direction: 'IMPORT' },
  export: { code: 'X', direction: 'EXPORT' },
  're-export': { code: 'RX', direction: 'RE_EXPORT' },
  're-import': { code: 'RM', direction: 'RE_IMPORT' },
  m: { code: 'M', direction: 'IMPORT' },
  x: { code: 'X', direction: 'EXPORT' },
  rx: { code: 'RX', direction: 'RE_EXPORT' },
  rm: { code: 'RM', direction: 'RE_IMPORT' },
};
