/**
 * The generic relationship loader's own logic: one query per (named query, argument set) per tick,
 * rows grouped by parentId in the order asked, argument sets told apart whatever their key order.
 * (The real-database behaviour is covered by test/integration/api-batching.test.ts.)
 */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../src/graphql/context';
import { loadRelation, stableJson } from '../../src/graphql/loaders';

function fakeContext(rows: (params: Record<string, unknown>) => Record<string, unknown>[]) {
  const calls: { cypher: string; params: Record<string, unknown> }[] = [];
  const ctx = {
    queries: { variant: (name: string) => `// ${name}` },
    db: {
      read: async (cypher: string, params: Record<string, unknown>) => {
        calls.push({ cypher, params });
        return rows(params);
      },
    },
    loaders: new Map(),
  } as unknown as RequestContext;
  return { ctx, calls };
}

describe('relationLoader', () => {
  it('batches parents into one query and groups rows by parent', async () => {
    const { ctx, calls } = fakeContext((p) => (p.ids as string[]).flatMap((id) => (id === 'b' ? [] : [{ parentId: id, n: 1 }, { parentId: id, n: 2 }])));
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => loadRelation(ctx, 'x/rel', id, { limit: neo4j.int(5) })));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toEqual({ limit: neo4j.int(5), ids: ['a', 'b', 'c'] });
    expect(a).toEqual([{ parentId: 'a', n: 1 }, { parentId: 'a', n: 2 }]);
    expect(b).toEqual([]);
    expect(c).toHaveLength(2);
  });

  it('keeps one loader per argument set', async () => {
    const { ctx, calls } = fakeContext(() => []);
    await Promise.all([
      loadRelation(ctx, 'x/rel', 'a', { p: 1, q: 2 }),
      loadRelation(ctx, 'x/rel', 'b', { q: 2, p: 1 }),
      loadRelation(ctx, 'x/rel', 'c', { p: 2, q: 2 }),
    ]);
    expect(calls.map((c) => c.params.ids)).toEqual([['a', 'b'], ['c']]);
  });

  it('keys argument sets by value, integers included', () => {
    expect(stableJson({ b: 1, a: [neo4j.int(3)] })).toBe(stableJson({ a: [neo4j.int(3)], b: 1 }));
    expect(stableJson({ limit: neo4j.int(3) })).not.toBe(stableJson({ limit: 3 }));
  });
});
