/**
 * The Lucene query built from user text: words, Chinese runs, escaping, fuzziness, bounds.
 */
import { escapeLucene, luceneQueries, tokenize } from '../../src/domain/linkage/lucene';

describe('search text -> Lucene', () => {
  it('splits words and Chinese runs, lower-cases words and keeps inner apostrophes', () => {
    expect(tokenize("Chang’an 长安汽车 Auto-mobile")).toEqual([
      { text: "chang'an", han: false },
      { text: '长安汽车', han: true },
      { text: 'auto', han: false },
      { text: 'mobile', han: false },
    ]);
  });

  it('makes every word required, exact (boosted) or fuzzy, the last also as a prefix', () => {
    expect(luceneQueries('Zongsen group')).toEqual({
      all: '+(zongsen^2 OR zongsen~2) +(group^2 OR group~1 OR group*^0.3)',
      any: '(zongsen^2 OR zongsen~2) (group^2 OR group~1 OR group*^0.3)',
    });
  });

  it('turns Chinese into a phrase and leaves codes and short words unfuzzed', () => {
    expect(luceneQueries('长安 8711 eu').all).toBe('+"长安" +8711^2 +(eu^2 OR eu*^0.3)');
  });

  it('drops every query operator the user types', () => {
    const q = luceneQueries('name:x OR (y~ AND "z") \\ * ?').all;
    expect(q).toBe('+(name^2 OR name~1) +x^2 +or^2 +y^2 +and^2 +z^2');
    expect(escapeLucene('a+b-c:d"e\\f(g)~h*i?j/k')).toBe('a\\+b\\-c\\:d\\"e\\\\f\\(g\\)\\~h\\*i\\?j\\/k');
  });

  it('rejects empty, long and wordy text with BAD_USER_INPUT', () => {
    expect(() => luceneQueries('  -- !! ')).toThrow('`text` must contain at least one letter, digit or Chinese character');
    expect(() => luceneQueries('x'.repeat(201))).toThrow('`text` is too long: at most 200 characters; got 201');
    expect(() => luceneQueries('a b c d e f g h i')).toThrow('`text` has too many words: at most 8; got 9');
  });
});
