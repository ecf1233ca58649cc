/**
 * What the model gained, exposed in the API, over the SEEDED graph: ACTIVE_IN both ways, notes on
 * entities and edges, `established`, product categories kept apart from the HS tree, and a
 * qualitative figure (no value, unit or qualifier).
 */
import { seedGraph } from '../../src/ingest/seed';
import { useTestGraph } from '../support/neo4j';
import { dataOf, useApi } from '../support/api';

const db = useTestGraph();
const api = useApi(db);

beforeAll(async () => {
  const report = await seedGraph(db());
  if (!report.ok) throw new Error(`seed failed: ${JSON.stringify(report.errors).slice(0, 500)}`);
});

const keys = (list: { key: string }[]) => list.map((x) => x.key);

describe('ACTIVE_IN', () => {
  it('lists where a company is active, with the edge note and provenance, and the reverse on markets and regions', async () => {
    const data = dataOf(
      await api.gql(`{
        company(id: "company:changan-automobile") {
          activeIn { company { key } place { __typename ... on Market { key } ... on Region { key } } note excerptIds excerpts { key } sources { key } }
        }
        market(id: "market:asean") { activeCompanies { company { key } place { ... on Market { key } } note } }
        region(id: "iso:THA") { activeCompanies { company { key } place { ... on Region { key } } } }
      }`),
    );
    const active = data.company.activeIn;
    // Only what a source says of Chang'an alone (its Rayong plant); the founding document's collective
    // sentence about "companies including Chang'an Automobile and Zongshen Group" links no company on its own.
    expect(active).toEqual([
      {
        company: { key: 'company:changan-automobile' },
        place: { __typename: 'Region', key: 'iso:THA' },
        note: expect.stringContaining('Rayong'),
        excerptIds: ['excerpt:people-cn-changan-thailand-2'],
        excerpts: [{ key: 'excerpt:people-cn-changan-thailand-2' }],
        sources: [{ key: 'source:people-cn-2025-05-17-changan-thailand-plant' }],
      },
    ]);
    expect(data.market.activeCompanies).toEqual([]);
    expect(data.region.activeCompanies.map((a: any) => a.company.key)).toEqual(['company:changan-automobile']);
    expect(data.region.activeCompanies[0].place).toEqual({ key: 'iso:THA' });
  });
});

describe('notes and established', () => {
  it('answers note on entities, facts, provenance and edges, and established on markets, facilities and policies', async () => {
    const data = dataOf(
      await api.gql(`{
        market(id: "market:asean") { note established members { member { key } note } }
        facility(id: "facility:changan-rayong-plant") { note established }
        policy(id: "policy:china-chongqing-pilot-free-trade-zone") { note established }
        company(id: "company:changan-automobile") { note }
        product(id: "product:consumer-goods") { note }
        figure(id: "figure:cq-specialties-first-independent-export") { note value unit qualifier statement }
        source(id: "source:cq-foreign-trade-14th-fyp") { note kind excerpts { note } }
      }`),
    );
    expect(data.market.established).toBe('1967-08-08');
    expect(data.market.note).toContain('Bangkok Declaration');
    const thailand = data.market.members.find((m: any) => m.member.key === 'iso:THA');
    expect(thailand.note).toBe('Founding member.');
    expect(data.facility.established).toBe('2025-05-16');
    expect(data.facility.note).toContain('first overseas vehicle factory');
    expect(data.policy.established).toBe('2017-03-15');
    expect(data.policy.note).toEqual(expect.any(String));
    expect(data.product.note).toContain('Category without an HS entry');
    expect(data.figure).toMatchObject({ value: null, unit: null, qualifier: null });
    expect(data.figure.note).toContain('Qualitative');
    expect(data.figure.statement).toContain('for the first time');
    expect(data.source.kind).toBe('official-document');
    expect(data.source.note).toEqual(expect.any(String));
  });
});

describe('product categories vs the HS tree', () => {
  it('keeps categories (PART_OF between named products) out of the HS fields', async () => {
    const data = dataOf(
      await api.gql(`{
        beef: product(id: "product:beef") { hsParent { key } hsAncestors { key } categories { member { key } category { key } note excerpts { key } } }
        goods: product(id: "product:consumer-goods") { hsChildren { key } members { member { key } category { key } } categories { key: note } }
        limited: product(id: "product:consumer-goods") { members(first: 1) { member { key } } }
        heading: product(hsCode: "8711") { hsParent { key } hsAncestors { key } categories { note } members { note } }
      }`),
    );
    expect(data.beef.hsParent).toBeNull();
    expect(data.beef.hsAncestors).toEqual([]);
    expect(data.beef.categories).toHaveLength(1);
    expect(data.beef.categories[0]).toMatchObject({ member: { key: 'product:beef' }, category: { key: 'product:consumer-goods' } });
    expect(data.beef.categories[0].note).toContain('consumption upgrade');
    expect(data.beef.categories[0].excerpts.length).toBeGreaterThan(0);
    expect(data.goods.hsChildren).toEqual([]);
    expect(data.goods.categories).toEqual([]);
    expect(data.goods.members.map((m: any) => m.member.key)).toEqual(['product:beef', 'product:cosmetics', 'product:milk-powder']);
    expect(data.goods.members.every((m: any) => m.category.key === 'product:consumer-goods')).toBe(true);
    expect(data.limited.members).toEqual([{ member: { key: 'product:beef' } }]);
    expect(data.heading.hsParent.key).toMatch(/^hs\d+:87$/);
    expect(keys(data.heading.hsAncestors).every((k) => /^hs\d+:/.test(k))).toBe(true);
    expect(data.heading.categories).toEqual([]);
    expect(data.heading.members).toEqual([]);
  });
});
