/**
 * The document intake's pure parts: reading formats, sentences, quantities, periods, name matching,
 * and what a draft must never say.
 */
import { parseDocument, paragraphsOf } from '../../src/extract/document';
import { extractFacts } from '../../src/extract/facts';
import { Lexicon } from '../../src/extract/lexicon';
import { timeOf } from '../../src/extract/periods';
import { quantitiesOf } from '../../src/extract/quantities';
import { sentencesOf } from '../../src/extract/segment';

const lexicon = new Lexicon([
  { id: 'company:a', label: 'Company', name: 'Alpha Motors', aliases: ['Alpha'] },
  { id: 'company:b', label: 'Company', name: 'Beta Group', nameZh: '贝塔集团' },
  { id: 'iso:THA', label: 'Region', name: 'Thailand', nameZh: '泰国' },
  { id: 'iso:VNM', label: 'Region', name: 'Viet Nam', aliases: ['Vietnam'] },
  { id: 'iso:USA', label: 'Region', name: 'United States of America', aliases: ['U.S.'] },
  { id: 'm49:001', label: 'Region', name: 'World' },
  { id: 'gb:500156', label: 'Region', name: 'Wulong District', aliases: ['Wulong'] },
  { id: 'product:cars', label: 'Product', name: 'Automobiles', nameZh: '汽车' },
  { id: 'product:shoots', label: 'Product', name: 'Wulong bamboo shoots' },
  { id: 'product:engines', label: 'Product', name: 'General purpose engines' },
]);

describe('documents', () => {
  it('reads front matter (dates as days), Markdown and HTML into paragraphs', () => {
    const md = parseDocument('---\ntitle: T\npublished: 2024-01-16\n---\n# Head\n\nOne **two**.\nThree.\n\nFour.', 'a.md');
    expect(md.meta).toEqual({ title: 'T', published: '2024-01-16' });
    expect(md.paragraphs).toEqual(['Head', 'One two. Three.', 'Four.']);
    const html = parseDocument('<html><head><title>x</title><script>bad()</script></head><body><p>A <a href="http://x">link</a>.</p><p>B</p></body></html>', 'a.html');
    expect(html.paragraphs).toEqual(['A link.', 'B']);
    expect(() => parseDocument('---\nauthor: x\n---\nBody', 'a.txt')).toThrow('a.txt: front matter: unknown field "author"');
  });

  it('takes one paragraph per line when a text has no blank line, and joins Chinese lines without a space', () => {
    expect(paragraphsOf('One.\nTwo.\n')).toEqual(['One.', 'Two.']);
    expect(paragraphsOf('重庆\n出口。\n\nNext')).toEqual(['重庆出口。', 'Next']);
  });
});

describe('sentences', () => {
  it('cuts sentences with locators, keeps abbreviations and opening quotes where they belong', () => {
    const s = sentencesOf(['CHONGQING, Jan. 16 (Xinhua) -- It grew. Mr. Li said so.', '全年进口总额2419.5亿元。“33618”体系进一步融合。']);
    expect(s.map((x) => [x.locator, x.text, x.language])).toEqual([
      ['paragraph 1, sentence 1', 'CHONGQING, Jan. 16 (Xinhua) -- It grew.', 'en'],
      ['paragraph 1, sentence 2', 'Mr. Li said so.', 'en'],
      ['paragraph 2, sentence 1', '全年进口总额2419.5亿元。', 'zh'],
      ['paragraph 2, sentence 2', '“33618”体系进一步融合。', 'zh'],
    ]);
  });
});

describe('quantities', () => {
  const q = (s: string) => quantitiesOf(s).map((x) => [x.value, x.unit, x.qualifier, x.surface]);
  it('reads value, scale, unit and qualifier, English and Chinese, exactly as written', () => {
    expect(q('generating intended orders exceeding 20 billion yuan.')).toEqual([[20000000000, 'CNY', 'more-than', 'exceeding 20 billion yuan']]);
    expect(q('Chongqing has nearly 7,000 cross-border e-commerce entities.')).toEqual([[7000, 'entities', 'nearly', 'nearly 7,000 cross-border e-commerce entities']]);
    expect(q('a total export value of 43.11 billion yuan ($5.9 billion)')).toEqual([
      [43110000000, 'CNY', 'exact', '43.11 billion yuan'],
      [5900000000, 'USD', 'exact', '$5.9 billion'],
    ]);
    expect(q('机电产品出口4962.4亿元,占比88.8%')).toEqual([
      [496240000000, 'CNY', 'exact', '4962.4亿元'],
      [88.8, 'percent', 'exact', '88.8%'],
    ]);
    expect(q('经营主体突破5000家,近180个国家和地区')).toEqual([
      [5000, 'entities', 'more-than', '突破5000家'],
      [180, 'countries-and-regions', 'nearly', '近180个国家和地区'],
    ]);
  });

  it('is no quantity: years, ordinals, durations, numbers without a unit', () => {
    expect(q('During the 14th Five-Year Plan period, in 2024, 24 hours a day, its 28.59 millionth vehicle, top 10')).toEqual([]);
  });

  it('reads spelled-out numbers (compromise) and carries a currency only within the sentence, saying so', () => {
    const [a, b] = quantitiesOf("out of the group's 3.5 billion yuan in annual exports, three billion goes to the U.S.");
    expect([a!.value, a!.unit]).toEqual([3500000000, 'CNY']);
    expect([b!.value, b!.unit, b!.surface, b!.unitCarriedFrom]).toEqual([3000000000, 'CNY', 'three billion', '3.5 billion yuan']);
    expect(quantitiesOf('It made three billion.')).toEqual([]);
  });
});

describe('periods', () => {
  it('reads the period, a five-year-plan baseline, year-on-year, frames and open periods', () => {
    const a = timeOf('In 2024, exports increased by 278.1% compared to the end of the 13th Five-Year Plan period.');
    expect([a.period?.start, a.baseline]).toEqual([2024, { start: 2020, end: 2020, from: 'the end of the 13th Five-Year Plan period' }]);
    expect(timeOf('2025年重庆外贸进出口总额8006.8亿元,同比增长12%。')).toMatchObject({ period: { start: 2025 }, baseline: 'previous-year' });
    expect(timeOf('During the 14th Five-Year Plan period, Chongqing grew.').frame).toMatchObject({ start: 2021, end: 2025 });
    expect(timeOf('Currently, Chongqing has nearly 7,000 entities.')).toEqual({ open: 'Currently' });
    expect(timeOf('exports in the first 11 months of 2023 rose').period).toMatchObject({ start: 2023, partial: 'first 11 months' });
  });
});

describe('name matching', () => {
  it('matches names, aliases and Chinese names on word boundaries; proper nouns keep their capital', () => {
    const m = (s: string) => lexicon.mentions(s).map((x) => [x.id, x.surface]);
    expect(m("The world's largest: Alpha Motors sells Automobiles in Vietnam.")).toEqual([
      ['company:a', 'Alpha Motors'],
      ['product:cars', 'Automobiles'],
      ['iso:VNM', 'Vietnam'],
    ]);
    expect(m('贝塔集团向泰国出口汽车')).toEqual([
      ['company:b', '贝塔集团'],
      ['iso:THA', '泰国'],
      ['product:cars', '汽车'],
    ]);
    // A place inside a product's name is mentioned too.
    expect(m('Wulong bamboo shoots were exported.')).toEqual([
      ['product:shoots', 'Wulong bamboo shoots'],
      ['gb:500156', 'Wulong'],
    ]);
  });
});

describe('drafts say no more than the text', () => {
  const draft = (...paragraphs: string[]) => extractFacts(sentencesOf(paragraphs), lexicon, { prefix: 't', subject: 'gb:500000' });

  it('keeps a collective sentence collective: one facility with every operator and place, no pair', () => {
    const x = draft('Currently, companies including Alpha Motors and Beta Group have established overseas factories in Thailand, Vietnam, and other locations.');
    const facilities = x.records.filter((r) => r.type === 'facility');
    expect(facilities).toHaveLength(1);
    expect(facilities[0]).toMatchObject({ operators: ['company:a', 'company:b'], locatedIn: ['iso:THA', 'iso:VNM'], locationNote: 'in Thailand, Vietnam, and other locations' });
    expect(x.records.filter((r) => r.type === 'link')).toEqual([]);
    expect(x.records.find((r) => r.type === 'figure')!.periodStart).toBeUndefined();
  });

  it('drafts a qualitative flow where the text gives no figure, and none from a negated verb', () => {
    const x = draft('Alpha Motors exports General purpose engines to the U.S.', 'Beta Group does not export Automobiles to Thailand.');
    const flows = x.records.filter((r) => r.type === 'flow');
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ trader: ['company:a'], product: ['product:engines'], to: ['iso:USA'] });
    expect(flows[0]!.value).toBeUndefined();
  });

  it('pairs "respectively" only when the counts agree, and leaves the rest pending for review', () => {
    const paired = draft('In 2024, exports of Automobiles and Wulong bamboo shoots grew by 10% and 20% respectively.');
    expect(paired.records.filter((r) => r.type === 'figure').map((r) => [r.value, r.about, r.pending])).toEqual([
      [10, ['product:cars', 'gb:500156'], undefined],
      [20, ['product:shoots', 'gb:500156'], undefined],
    ]);
    const unpaired = draft('In 2024, exports of Automobiles grew by 10% and 20% respectively.');
    expect(unpaired.records.filter((r) => r.type === 'figure').every((r) => typeof r.pending === 'string')).toBe(true);
  });
});
