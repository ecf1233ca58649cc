/**
 * Full-text search over the real Neo4j index (migration 003): ranking, kinds, typos, Chinese, pinyin.
 */
import { useTestGraph } from '../support/neo4j';
import { createLinkageFixture } from './linkage-fixture';
import { failure, gqlOver, ok } from '../support/execute';

const db = useTestGraph();
const gql = gqlOver(db);

beforeAll(async () => {
  await createLinkageFixture(db());
});

async function hits(text: string, extra = ''): Promise<any[]> {
  const [args, fields] = extra.includes(' matchedIn') ? [extra.replace(' matchedIn', ''), ' matchedIn'] : [extra, ''];
  const data = ok(await gql(`query($text: String!) { search(text: $text${args}) { key kind name nameZh score node { id key }${fields} } }`, { text }));
  return data.search;
}

describe('search', () => {
  it('finds an entity by its English name, with kind, names, score and the node', async () => {
    const [top] = await hits('Zongshen Group');
    expect(top).toMatchObject({ key: 'company:zongshen-group', kind: 'COMPANY', name: 'Zongshen Group', nameZh: '宗申集团', node: { key: 'company:zongshen-group' } });
    expect(top.score).toBeGreaterThan(0);
  });

  it('tolerates typos (Lucene fuzzy terms)', async () => {
    expect((await hits('Zongsen'))[0].key).toBe('company:zongshen-group');
    expect((await hits('Thailnd'))[0].key).toBe('iso:THA');
  });

  it('matches Chinese names and Chinese aliases', async () => {
    expect((await hits('长安'))[0].key).toBe('company:changan-automobile');
    expect((await hits('跨境电商'))[0].key).toBe('policy:cross-border-e-commerce');
    expect((await hits('重庆'))[0].key).toBe('gb:500000');
    expect((await hits('渝'))[0].key).toBe('gb:500000');
  });

  it('matches pinyin and English aliases', async () => {
    expect((await hits('Changan Qiche'))[0].key).toBe('company:changan-automobile');
    expect((await hits('Taiguo'))[0].key).toBe('iso:THA');
    expect((await hits('Vietnam'))[0].key).toBe('iso:VNM');
  });

  it('ranks exact matches first and lists several kinds, best first; name matches before what sources say', async () => {
    const found = await hits('Wulong', ' matchedIn');
    expect(found.slice(0, 2).map((h) => h.key)).toEqual(['gb:500156', 'product:wulong-bamboo-shoots']);
    expect(found[0].score).toBeGreaterThan(found[1].score);
    // Then the excerpt that mentions Wulong, found by its text.
    expect(found.map((h) => h.key)).toContain('excerpt:fyp-3');
    const names = found.filter((h) => h.matchedIn.includes('name')).length;
    expect(found.slice(names).every((h) => !h.matchedIn.includes('name'))).toBe(true);
  });

  it('restricts to kinds and honours first', async () => {
    expect((await hits('Wulong', ', kinds: [PRODUCT]')).map((h) => h.key)).toEqual(['product:wulong-bamboo-shoots']);
    expect(await hits('Wulong', ', first: 1')).toHaveLength(1);
  });

  it('falls back to any word when no entity has every word', async () => {
    expect((await hits('Zongshen spaceships'))[0].key).toBe('company:zongshen-group');
  });

  it('is safe with Lucene syntax in the text', async () => {
    expect((await hits('Zongshen) OR name:*'))[0].key).toBe('company:zongshen-group');
  });

  it('searches what sources say: figure statements, excerpt text with what each excerpt states', async () => {
    const figures = await hits('exports grew', ', kinds: [FIGURE] matchedIn');
    const byStatement = figures.filter((h) => h.matchedIn.includes('statement'));
    expect(byStatement.map((h) => h.key).sort()).toEqual(['figure:agri-growth', 'figure:auto-growth', 'figure:moto-growth']);
    // The others are stated by a matching excerpt ("Automobile exports grew 278.1% ...").
    expect(figures.every((h) => h.kind === 'FIGURE')).toBe(true);
    expect(figures.filter((h) => !h.matchedIn.includes('statement')).every((h) => h.matchedIn.join() === 'stated')).toBe(true);
    const scores = figures.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const data = ok(
      await gql(`{ search(text: "factories in Thailand") { key kind matchedIn excerpts { key text source { key } } } }`),
    );
    const [top] = data.search;
    expect(top).toMatchObject({ key: 'excerpt:fyp-2', kind: 'EXCERPT', matchedIn: ['text'] });
    expect(top.excerpts).toEqual([{ key: 'excerpt:fyp-2', text: expect.stringContaining('factories in Thailand'), source: { key: expect.stringMatching(/^source:/) } }]);
  });

  it('rejects empty text and big pages with BAD_USER_INPUT', async () => {
    expect(failure(await gql(`{ search(text: "!!") { key } }`)).code).toBe('BAD_USER_INPUT');
    expect(failure(await gql(`{ search(text: "x", first: 501) { key } }`)).message).toBe('`first` must be an integer from 1 to 500; got 501');
  });
});
