/**
 * Stored sort keys (migration 008, cypher/aggregates/sort-keys.cypher): NAME pages read the
 * `company_sort_key` index in order with LIMIT, and answer exactly what sorting by
 * [toLower(name), id] answers, in both directions and across pages (cursors).
 */
import neo4j from 'neo4j-driver';
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { QueryCatalog } from '../../src/neo4j/queries';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db);

// Names that differ by case only, prefixes of each other, empty or missing, non-ASCII, equal names.
const NAMES = ['abc', 'ABC d', 'abcd', 'Abc', '', null, 'Zeta', 'zeta', '重庆长安', 'Ämter', 'a b', 'a', 'A', 'a\tb', 'b', 'ab'];

beforeAll(async () => {
  const rows = NAMES.flatMap((name, i) => [0, 1].map((j) => ({ id: `company:s${String(i).padStart(2, '0')}${j}`, name, kind: 'enterprise' })));
  await db().write('UNWIND $rows AS row CREATE (n:Company {id: row.id, kind: row.kind}) SET n.name = row.name', { rows });
  await refreshAggregates(db());
});

async function expected(desc: boolean): Promise<string[]> {
  const rows = await db().read<{ id: string }>(
    `MATCH (n:Company) RETURN n.id AS id ORDER BY toLower(coalesce(n.name, '')) ${desc ? 'DESC' : 'ASC'}, n.id ${desc ? 'DESC' : 'ASC'}`,
  );
  return rows.map((r) => r.id);
}

async function paged(desc: boolean, size: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: any = dataOf(
      await api.gql(
        `query($first: Int, $after: String, $dir: SortDirection) { companies(first: $first, after: $after, sort: NAME, direction: $dir) { nodes { key } pageInfo { hasNextPage endCursor } } }`,
        { first: size, after, dir: desc ? 'DESC' : 'ASC' },
      ),
    ).companies;
    out.push(...page.nodes.map((n: { key: string }) => n.key));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

describe('NAME pages over the stored sort key', () => {
  it('answers the order of [toLower(name), id], both ways, page by page', async () => {
    for (const desc of [false, true]) {
      const want = await expected(desc);
      expect(want).toHaveLength(NAMES.length * 2);
      expect(await paged(desc, 3)).toEqual(want);
      expect(await paged(desc, 100)).toEqual(want);
    }
  });

  it('keeps the key current when a name changes (after the next import\'s refresh)', async () => {
    await db().write("MATCH (n:Company {id: 'company:s000'}) SET n.name = 'zzz last'");
    await refreshAggregates(db());
    const all = await paged(false, 100);
    // 'zzz last' sorts after 'zeta' (company:s071) now, where 'abc' sorted before it.
    expect(all.indexOf('company:s000')).toBeGreaterThan(all.indexOf('company:s071'));
    expect(all).toEqual(await expected(false));
  });

  it('reads the index in order: no sort, and a page reads about what it returns', async () => {
    const text = new QueryCatalog().get('company/page');
    const params = { name: null, kind: null, region: null, sort: 'NAME', gt: null, lt: null, desc: false, limit: neo4j.int(4), withCount: false };
    const session = db().driver.session({ database: db().name });
    try {
      const profile = (await session.run(`PROFILE ${text}`, params)).summary.profile;
      const ops: { type: string; rows: number }[] = [];
      const walk = (p: any) => {
        ops.push({ type: p.operatorType, rows: p.rows });
        for (const c of p.children ?? []) walk(c);
      };
      walk(profile);
      const seek = ops.find((o) => /NodeIndexSeekByRange/.test(o.type));
      expect(seek).toBeDefined();
      // The range seek stops after the LIMIT's rows (page size + 1), of 32 companies.
      expect(seek!.rows).toBeLessThanOrEqual(4);
      expect(seek!.rows).toBeGreaterThan(0);
      expect(ops.some((o) => /^(Sort|Top|PartialSort|PartialTop)/.test(o.type) && o.rows > 0)).toBe(false);
    } finally {
      await session.close();
    }
  });
});
