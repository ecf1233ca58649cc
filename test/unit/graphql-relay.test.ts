/**
 * Relay helpers: global ids, keyset cursors and page arguments (pure logic).
 */
import { toGlobalId } from 'graphql-relay';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../../src/graphql/relay/cursor';
import { decodeGlobalId, graphIdOf } from '../../src/graphql/relay/global-id';
import { SortDirection, toPage } from '../../src/graphql/relay/page';
import { toConnection } from '../../src/graphql/relay/connection';

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return (e as GraphQLError).extensions?.code;
  }
  return 'no error';
}

describe('global ids', () => {
  it('round-trips Type:graphId and checks the type', () => {
    const id = toGlobalId('Region', 'iso:THA');
    expect(decodeGlobalId(id)).toEqual({ type: 'Region', graphId: 'iso:THA' });
    expect(decodeGlobalId(id, ['Region', 'Market']).graphId).toBe('iso:THA');
    expect(codeOf(() => decodeGlobalId(id, ['Company']))).toBe('BAD_USER_INPUT');
  });

  it('rejects malformed ids with BAD_USER_INPUT', () => {
    for (const bad of ['', 'abc', '!!!', toGlobalId('Region', 'iso:THA') + 'A', 'x'.repeat(1000), Buffer.from('noseparator').toString('base64')]) {
      expect(codeOf(() => decodeGlobalId(bad))).toBe('BAD_USER_INPUT');
    }
  });

  it('accepts raw graph ids where an argument names an entity', () => {
    expect(graphIdOf('company:changan-automobile')).toBe('company:changan-automobile');
    expect(graphIdOf(toGlobalId('Company', 'company:x'))).toBe('company:x');
    expect(codeOf(() => graphIdOf("' OR 1=1 //"))).toBe('BAD_USER_INPUT');
  });
});

describe('cursors', () => {
  it('round-trips the sort key under the same sort only', () => {
    const c = encodeCursor('NAME', ['thailand', 'iso:THA']);
    expect(decodeCursor(c, 'NAME', 2)).toEqual(['thailand', 'iso:THA']);
    expect(codeOf(() => decodeCursor(c, 'KEY', 2))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeCursor(c, 'NAME', 3))).toBe('BAD_USER_INPUT');
  });

  it('rejects garbage', () => {
    for (const bad of ['', 'nope!', Buffer.from('{"s":"NAME","k":[{},"x"]}').toString('base64url'), Buffer.from('[1]').toString('base64url'), 'a'.repeat(5000)]) {
      expect(codeOf(() => decodeCursor(bad, 'NAME', 2))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('pages', () => {
  const spec = { sort: 'NAME', direction: SortDirection.ASC, keyLength: 2, maxPageSize: 50 };

  it('turns first/after into a forward keyset scan', () => {
    const after = encodeCursor('NAME', ['b', 'id:b']);
    const page = toPage({ first: 10, after }, spec);
    expect(page.params.gt).toEqual(['b', 'id:b']);
    expect(page.params.lt).toBeNull();
    expect(page.params.desc).toBe(false);
    expect(page.params.limit.toNumber()).toBe(11);
  });

  it('turns last/before into a reversed scan, and flips bounds for descending sorts', () => {
    const before = encodeCursor('NAME', ['m', 'id:m']);
    const back = toPage({ last: 5, before }, spec);
    expect(back).toMatchObject({ backward: true, params: { lt: ['m', 'id:m'], gt: null, desc: true } });
    const desc = toPage({ first: 5, after: before }, { ...spec, direction: SortDirection.DESC });
    expect(desc.params).toMatchObject({ lt: ['m', 'id:m'], gt: null, desc: true });
  });

  it('rejects page sizes above the maximum, negative sizes, and first with last', () => {
    expect(codeOf(() => toPage({ first: 51 }, spec))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => toPage({ last: -1 }, spec))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => toPage({ first: 1, last: 1 }, spec))).toBe('BAD_USER_INPUT');
  });

  it('builds pageInfo from the extra row', () => {
    const page = toPage({ first: 2 }, spec);
    const rows = ['a', 'b', 'c'].map((k) => ({ node: k, key: [k, `id:${k}`] }));
    const conn = toConnection(rows, page, 3);
    expect(conn.nodes).toEqual(['a', 'b']);
    expect(conn.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const back = toConnection(rows, toPage({ last: 2 }, spec));
    // Backward scans come in descending order; the connection restores the requested order.
    expect(back.nodes).toEqual(['b', 'a']);
    expect(back.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
