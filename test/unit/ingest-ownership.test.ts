/**
 * Ownership (src/ingest/README.md): what a curated record owns, so that a re-import removes what a
 * changed record no longer states. The graph side is tested in test/integration/ingest-reimport.test.ts.
 */
import { parseCuratedLine } from '../../src/ingest/readers/curated';
import { emptyItem } from '../../src/ingest/build';
import { collectRels, staleGroups, toNeo4j } from '../../src/ingest/writer';
import type { RowItem } from '../../src/ingest/types';

const parse = (record: object, line = 1): RowItem => parseCuratedLine(JSON.stringify(record), emptyItem('f.jsonl', line));
const ex = { excerpts: ['excerpt:e'] };

// Every field each record type accepts, and the smallest valid record of that type.
const FULL: Record<string, [object, object]> = {
  source: [
    { type: 'source', id: 'source:s', title: 'T', publisher: 'P', published: '2024', url: 'https://example.org/', file: 'f.txt', kind: 'news', language: 'en', retrieved: '2024-01-02', note: 'N' },
    { type: 'source', id: 'source:s', title: 'T', kind: 'news' },
  ],
  excerpt: [
    { type: 'excerpt', id: 'excerpt:x', source: 'source:s', locator: 'p1', text: 'T', language: 'en', note: 'N' },
    { type: 'excerpt', id: 'excerpt:x', source: 'source:s', text: 'T' },
  ],
  region: [
    { type: 'region', id: 'iso:THA', name: 'Thailand', nameZh: '泰国', aliases: ['Siam'], kind: 'country', iso2: 'TH', iso3: 'THA', m49: '764', partOf: 'm49:035', note: 'N', ...ex },
    { type: 'region', id: 'iso:THA', name: 'Thailand', kind: 'country', ...ex },
  ],
  market: [
    { type: 'market', id: 'market:m', name: 'M', nameZh: 'M', aliases: ['A'], kind: 'trade-bloc', established: '1967', note: 'N', ...ex },
    { type: 'market', id: 'market:m', name: 'M', kind: 'trade-bloc', ...ex },
  ],
  company: [
    { type: 'company', id: 'company:c', name: 'C', nameZh: 'C', aliases: ['A'], kind: 'group', headquarters: 'gb:500000', note: 'N', ...ex },
    { type: 'company', id: 'company:c', name: 'C', ...ex },
  ],
  product: [
    { type: 'product', id: 'product:p', name: 'P', nameZh: 'P', aliases: ['A'], classifiedAs: 'hs2022:0201', origin: 'gb:500000', note: 'N', ...ex },
    { type: 'product', id: 'product:p', name: 'P', ...ex },
  ],
  hs: [
    { type: 'hs', id: 'hs2022:0201', code: '0201', edition: 'HS2022', level: 4, description: 'D', name: 'N', nameZh: 'Z', aliases: ['A'], parent: 'hs2022:02', section: 'I', note: 'N', ...ex },
    { type: 'hs', id: 'hs2022:0201', code: '0201', edition: 'HS2022', level: 4, description: 'D', ...ex },
  ],
  policy: [
    { type: 'policy', id: 'policy:p', name: 'P', nameZh: 'P', aliases: ['A'], kind: 'zone', periodStart: 2017, periodEnd: 2020, established: '2017', appliesIn: 'gb:500000', supports: 'company:c', note: 'N', ...ex },
    { type: 'policy', id: 'policy:p', name: 'P', kind: 'zone', ...ex },
  ],
  facility: [
    { type: 'facility', id: 'facility:f', name: 'F', kind: 'factory', operators: 'company:c', locatedIn: 'iso:THA', locationNote: 'L', established: '2025', note: 'N', ...ex },
    { type: 'facility', id: 'facility:f', name: 'F', kind: 'factory', ...ex },
  ],
  figure: [
    {
      type: 'figure', id: 'figure:f', metric: 'm', value: 1, unit: 'percent', qualifier: 'nearly', periodStart: 2024, periodEnd: 2024,
      baselineStart: 2020, baselineEnd: 2020, about: 'gb:500000', statement: 'S', note: 'N', ...ex,
    },
    { type: 'figure', id: 'figure:f', metric: 'm', about: 'gb:500000', statement: 'S', ...ex },
  ],
  flow: [
    {
      type: 'flow', id: 'flow:f', direction: 'EXPORT', trader: 'company:c', product: 'hs2022:0201', from: 'gb:500000', to: 'iso:THA', reportedBy: 'gb:500000',
      via: 'policy:p', periodStart: 2024, periodEnd: 2024, period: '2024', value: 1, currency: 'USD', netWeightKg: 1, quantity: 1, quantityUnit: 'u',
      qualifier: 'exact', flag: 'F', note: 'N', ...ex,
    },
    { type: 'flow', id: 'flow:f', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, ...ex },
  ],
  membership: [
    { type: 'membership', region: 'iso:THA', market: 'market:m', from: '1967', to: '2020', note: 'N', ...ex },
    { type: 'membership', region: 'iso:THA', market: 'market:m', ...ex },
  ],
  link: [
    { type: 'link', from: 'company:c', rel: 'ACTIVE_IN', to: 'market:m', note: 'N', ...ex },
    { type: 'link', from: 'company:c', rel: 'ACTIVE_IN', to: 'market:m', ...ex },
  ],
};

describe('a curated record owns what its type can carry', () => {
  it.each(Object.keys(FULL))('%s: the smallest record owns every property the fullest one gives, so a dropped one is removed', (type) => {
    const [full, least] = FULL[type]!.map((r) => parse(r));
    expect([full!.errors, least!.errors]).toEqual([[], []]);
    for (const [i, n] of full!.nodes.entries()) {
      expect(least!.nodes[i]!.owned).toEqual(expect.arrayContaining(Object.keys(n.props)));
      expect(Object.keys(n.props)).not.toContain('id');
    }
    const ownedRel = (item: RowItem, relType: string): string[] => item.rels.find((r) => r.type === relType)?.owned ?? [];
    for (const r of full!.rels) {
      // Relationship properties: owned by every statement of that relationship the record type makes.
      const leastOwns = least!.rels.some((x) => x.type === r.type) ? ownedRel(least!, r.type) : r.owned;
      expect(leastOwns).toEqual(expect.arrayContaining(Object.keys(r.props)));
    }
  });

  it('claims the relationships of each field, even an empty one, but not links, memberships or an HS parent', () => {
    const claims = (r: object): string[] => (parse(r).claims ?? []).map((c) => `${c.type} ${c.direction}`);
    expect(claims(FULL.region![1]!)).toEqual(['PART_OF out', 'STATED_IN out']);
    expect(claims(FULL.facility![1]!)).toEqual(['OPERATES in', 'LOCATED_IN out', 'STATED_IN out']);
    expect(claims(FULL.flow![1]!)).toEqual(['TRADER out', 'OF_PRODUCT out', 'FROM out', 'TO out', 'REPORTED_BY out', 'VIA out', 'STATED_IN out']);
    expect(claims(FULL.hs![0]!)).toEqual(['STATED_IN out']);
    expect(claims(FULL.link![0]!)).toEqual([]);
    expect(claims(FULL.membership![0]!)).toEqual([]);
    expect(parse(FULL.link![0]!).rels[0]!.props.statedByLink).toBe(true);
  });
});

describe('the writer', () => {
  it('sends owned properties that are not given as nulls (SET += removes them), years as integers', () => {
    const out = toNeo4j({ metric: 'm', periodStart: 2024 }, ['metric', 'value', 'periodStart']);
    expect(Object.keys(out).sort()).toEqual(['metric', 'periodStart', 'value']);
    expect(out.value).toBeNull();
    expect(String(out.periodStart)).toBe('2024');
    expect(typeof out.periodStart).toBe('object'); // a neo4j Integer
  });

  it('keeps, for each claim, what any record of the import states, a link included', () => {
    const items = [
      parse({ type: 'policy', id: 'policy:p', name: 'P', kind: 'zone', supports: 'company:c', ...ex }, 1),
      parse({ type: 'link', from: 'policy:p', rel: 'SUPPORTS', to: 'gb:500000', ...ex }, 2),
      parse({ type: 'facility', id: 'facility:f', name: 'F', kind: 'factory', operators: 'company:c', ...ex }, 3),
    ];
    const groups = staleGroups(items, collectRels(items));
    expect(Object.fromEntries(groups)).toEqual({
      'out Policy': [{ id: 'policy:p', types: ['APPLIES_IN', 'SUPPORTS', 'STATED_IN'], keep: expect.any(Array) }],
      'in Facility': [{ id: 'facility:f', types: ['OPERATES'], keep: ['OPERATES company:c'] }],
      'out Facility': [{ id: 'facility:f', types: ['LOCATED_IN', 'STATED_IN'], keep: ['STATED_IN excerpt:e'] }],
    });
    expect(groups.get('out Policy')![0]!.keep.sort()).toEqual(['STATED_IN excerpt:e', 'SUPPORTS company:c', 'SUPPORTS gb:500000']);
  });

  it('makes a relationship a link also states accumulate its excerpts instead of owning them', () => {
    const items = [
      parse({ type: 'product', id: 'product:p', name: 'P', classifiedAs: 'hs2022:0201', excerpts: ['excerpt:a'] }, 1),
      parse({ type: 'link', from: 'product:p', rel: 'CLASSIFIED_AS', to: 'hs2022:0201', excerpts: ['excerpt:b'] }, 2),
    ];
    const [rel] = [...collectRels(items).get('CLASSIFIED_AS Product Product')!.values()];
    expect(rel).toMatchObject({ excerptIds: ['excerpt:a', 'excerpt:b'], ownsExcerpts: false, props: { statedByLink: true } });
  });
});
