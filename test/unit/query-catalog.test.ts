/**
 * The query catalog composes the text that runs: parts written in, slots rendered only from the
 * model's labels and types or range-checked integers. The composed text of every named query is
 * snapshotted (as neo4j/graphql's TCK snapshots its Cypher), so a change to a part shows in every
 * query it reaches; test/integration/query-text.test.ts runs the texts against Neo4j.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { intSlot, labelSlot, MAX_VARIANTS, QueryCatalog, relTypeSlot, splitStatements, stripComments } from '../../src/neo4j/queries';

const catalog = new QueryCatalog();

/** The rendered variants snapshotted for queries with slots (what the app renders, e.g. the writer's). */
const RENDERED: Record<string, Record<string, ReturnType<typeof intSlot>>> = {
  'linkage/paths': { MAX_HOPS: intSlot('hops', 4, 1, 8), K: intSlot('k', 3, 1, 10) },
  'linkage/shortest-paths': { MAX_HOPS: intSlot('hops', 6, 1, 8) },
  'ingest/upsert-nodes': { MERGE_LABEL: labelSlot('Fact'), LABEL: labelSlot('Figure') },
  'ingest/upsert-rels': { TYPE: relTypeSlot('MEMBER_OF'), FROM_LABEL: labelSlot('Region'), TO_LABEL: labelSlot('Market') },
  'ingest/remove-stale-out': { LABEL: labelSlot('Region') },
  'ingest/remove-stale-in': { LABEL: labelSlot('Facility') },
  'ingest/existing-ids': { MERGE_LABEL: labelSlot('Company') },
  'model/id-constraint': { LABEL: labelSlot('Company') },
  'node/page': { LABEL: labelSlot('Market') },
};

describe('composed queries (snapshots)', () => {
  for (const name of catalog.names()) {
    it(name, () => {
      const slots = catalog.slotsOf(name);
      const rendered = RENDERED[name];
      // A template with slots is snapshotted as rendered when this file says how, else as written.
      const text = rendered ? catalog.render(name, rendered) : catalog.get(name);
      expect(text).not.toMatch(/^[ \t]*__[A-Z_]+__[ \t]*$/m); // every part written in
      if (rendered || slots.length === 0) expect(stripComments(text)).not.toMatch(/__[A-Z][A-Z0-9_]*__/); // every slot filled
      expect(text).toMatchSnapshot();
    });
  }
});

describe('rendering', () => {
  let dir: string;
  let tmp: QueryCatalog;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-catalog-'));
    fs.mkdirSync(path.join(dir, 'queries', 'parts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'queries', 'k.cypher'), '// the __K__ shortest\nSHORTEST __K__ ... {1,__MAX_HOPS__}\n');
    fs.writeFileSync(path.join(dir, 'queries', 'hops.cypher'), 'MATCH p = ()-[*..__MAX_HOPS__]-()\n  __A_PART__\n');
    fs.writeFileSync(path.join(dir, 'queries', 'parts', 'a-part.cypher'), '// explains the part\nRETURN p\n');
    tmp = new QueryCatalog(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes only range-checked integers into the query, and leaves comment lines alone', () => {
    const k = (v: number) => intSlot('path count', v, 1, 10_000);
    const hops = (v: number) => intSlot('hop bound', v, 1, 8);
    expect(tmp.render('k', { K: k(20), MAX_HOPS: hops(6) })).toBe('// the __K__ shortest\nSHORTEST 20 ... {1,6}\n');
    expect(tmp.render('hops', { MAX_HOPS: hops(8) })).toBe('MATCH p = ()-[*..8]-()\n  // parts/a-part.cypher\n  RETURN p\n');
    expect(() => hops(9)).toThrow(RangeError);
    expect(() => k(1.5)).toThrow(RangeError);
    expect(() => k(0)).toThrow(RangeError);
    expect(() => tmp.render('k', { MAX_HOPS: hops(3) })).toThrow('missing K');
    expect(() => tmp.render('hops', { MAX_HOPS: hops(3), K: k(2) })).toThrow('unknown K');
    expect(() => tmp.render('k', { K: { text: '1} RETURN 1 //' } as never, MAX_HOPS: hops(3) })).toThrow(TypeError);
  });

  it('writes only the model\'s labels and relationship types', () => {
    expect(labelSlot('Company').text).toBe('Company');
    expect(labelSlot('Fact').text).toBe('Fact');
    expect(relTypeSlot('MEMBER_OF').text).toBe('MEMBER_OF');
    expect(() => labelSlot('Company) DETACH DELETE (n')).toThrow(RangeError);
    expect(() => labelSlot('Migration')).toThrow(RangeError);
    expect(() => relTypeSlot('KNOWS')).toThrow(RangeError);
  });

  it('fails at start-up on a missing part', () => {
    fs.writeFileSync(path.join(dir, 'queries', 'broken.cypher'), 'MATCH (n)\n__NO_SUCH_PART__\n');
    expect(() => new QueryCatalog(dir)).toThrow('Query part not found: parts/no-such-part');
    fs.rmSync(path.join(dir, 'queries', 'broken.cypher'));
  });

  it('splits migrations and recipes into statements with the same comment stripper', () => {
    expect(splitStatements('// a comment; not a statement\nMATCH (n) RETURN n;\n  // another\nRETURN 1;\n')).toEqual(['MATCH (n) RETURN n', 'RETURN 1']);
  });
});

/** Variants the app renders, snapshotted as they run (the parameters' null-ness, booleans and derived flags decide). */
const FLOW_FILTER = { trader: null, directions: null, product: null, hsPrefix: null, from: null, to: null, via: null, reporter: null, yearFrom: null, yearTo: null };
const NO_LOOK = { trader: false, product: false, from: false, to: false, reportedBy: false, via: false, provenance: false };
const VARIANTS: Record<string, [string, Record<string, unknown>]> = {
  'trade-flow/page, root, no filter': ['trade-flow/page', { ids: [''], parentAs: null, filter: FLOW_FILTER, withCount: false, look: NO_LOOK }],
  'trade-flow/page, a company\'s exports to a place, with count and traders': [
    'trade-flow/page',
    { ids: ['c'], parentAs: 'trader', filter: { ...FLOW_FILTER, directions: ['EXPORT'], to: 'iso:THA' }, withCount: true, look: { ...NO_LOOK, trader: true } },
  ],
  'analytics/trade-totals, by destination, one product': ['analytics/trade-totals', { ids: [''], parentAs: null, filter: { ...FLOW_FILTER, product: 'hs:87' }, groupBy: 'DESTINATION' }],
  'fact/page, KEY ascending, single-source, no count': ['fact/page', { type: null, yearFrom: null, yearTo: null, about: null, source: null, minSources: null, maxSources: 1, sort: 'KEY', desc: false, withCount: false }],
  'company/page, by name, with a region': ['company/page', { name: null, kind: null, region: 'iso:CHN', sort: 'NAME', desc: false, withCount: false }],
};

describe('variants (snapshots)', () => {
  for (const [title, [name, params]] of Object.entries(VARIANTS)) {
    it(title, () => {
      const text = catalog.variant(name, params);
      expect(text).not.toMatch(/\/\/\s*@(if|end|flag)\b/); // no guard left
      expect(text).toMatchSnapshot();
    });
  }
});

describe('guards', () => {
  let dir: string;
  let tmp: QueryCatalog;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, 'queries', `${name}.cypher`), text);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-guards-'));
    fs.mkdirSync(path.join(dir, 'queries', 'parts'), { recursive: true });
    write('parts/a-filter', '// explains\nWHERE true\n  AND ($a IS NULL OR n.a = $a)  // @if $a\n  // @if $m.k | $b=true\n  AND n.b = $b\n  // @end\n');
    write('q', 'MATCH (n)\n__A_FILTER__\nRETURN n\n');
    write(
      'u',
      'CALL () {\n  // @if sort=KEY\n  RETURN 1 AS x\n  // @end\n  UNION ALL\n  // @if !sort=KEY & $desc=true\n  RETURN 2 AS x\n  // @end\n  UNION ALL\n  // @if !sort=KEY & $desc=false\n  RETURN 3 AS x\n  // @end\n}\nRETURN x\n',
    );
    tmp = new QueryCatalog(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a guarded line or block only when its parameters say so; the text as written keeps all', () => {
    expect(tmp.get('q')).toContain('// @if $a');
    expect(tmp.variant('q', { a: null, b: null })).toBe('MATCH (n)\n// parts/a-filter.cypher\nWHERE true\nRETURN n\n');
    expect(tmp.variant('q', { a: 'x', b: false })).toBe('MATCH (n)\n// parts/a-filter.cypher\nWHERE true\n  AND ($a IS NULL OR n.a = $a)\nRETURN n\n');
    expect(tmp.variant('q', { a: null, b: true })).toBe('MATCH (n)\n// parts/a-filter.cypher\nWHERE true\n  AND n.b = $b\nRETURN n\n');
    expect(tmp.variant('q', { a: null, b: false, m: { k: 0 } })).toContain('AND n.b = $b');
    expect(tmp.variantWith('q', ['$a'])).toBe(tmp.variant('q', { a: 'y' }));
    expect(() => tmp.variantWith('q', ['$zz'])).toThrow('has no guard on $zz');
  });

  it('depends on null-ness and flags, never on a value\'s text; variants are kept, and bounded', () => {
    const before = tmp.variantCount();
    const one = tmp.variant('q', { a: "x' OR true //", b: null });
    expect(tmp.variant('q', { a: 'another', b: null })).toBe(one);
    expect(one).not.toContain('OR true //');
    expect(tmp.variantCount()).toBeLessThanOrEqual(before + 1);
    expect(MAX_VARIANTS).toBeGreaterThan(0);
  });

  it('drops a UNION left without a branch on a side, and checks derived flags', () => {
    expect(tmp.variant('u', { sort: 'KEY', desc: true })).toBe('CALL () {\n  RETURN 1 AS x\n}\nRETURN x\n');
    expect(tmp.variant('u', { sort: 'NAME', desc: false })).toBe('CALL () {\n  RETURN 3 AS x\n}\nRETURN x\n');
    expect(() => tmp.variant('u', { sort: 'NAME} RETURN 1', desc: false })).toThrow(RangeError);
  });

  it('fails at start-up on an unknown flag or value, an unclosed block, or trade-flows without its parent', () => {
    for (const [text, message] of [
      ['// @if colour=red\nRETURN 1\n// @end\n', 'Unknown flag colour'],
      ['// @if sort=SIDEWAYS\nRETURN 1\n// @end\n', 'has no value SIDEWAYS'],
      ['// @if $a\nRETURN 1\n', 'without `// @end`'],
      ['RETURN 1 // @if a b\n', 'Bad guard'],
      ['// @if anchor=trader\nRETURN 1\n// @end\n', 'without $parentAs'],
    ] as const) {
      write('bad', text);
      expect(() => new QueryCatalog(dir)).toThrow(message);
    }
    fs.rmSync(path.join(dir, 'queries', 'bad.cypher'));
  });

  it('keeps parts/trade-flows\' branches of the conditions set, and compares their reach only when there are several', () => {
    const anchored = (params: Record<string, unknown>) => catalog.variant('trade-flow/page', { look: NO_LOOK, withCount: false, ...params });
    const f = (over: Record<string, unknown>) => ({ ...FLOW_FILTER, ...over });
    const none = anchored({ parentAs: null, filter: f({}) });
    expect(none).toContain('MATCH (f:TradeFlow)');
    expect(none).not.toContain('AS reach');
    const one = anchored({ parentAs: null, filter: f({ product: 'x' }) });
    expect(one).toContain("start.kind = 'product'");
    expect(one).not.toContain("start.kind = 'place'");
    expect(one).not.toContain('AS reach');
    const three = anchored({ parentAs: null, filter: f({ reporter: 'r', from: 'p', product: 'x' }) });
    for (const kind of ['product', 'place', 'reporter']) expect(three).toContain(`start.kind = '${kind}'`);
    expect(three).not.toContain("start.kind = 'trader'");
    expect(three).toContain('ORDER BY reach, i');
    for (const kind of ['product', 'place', 'reporter']) expect(three).toContain(`WHEN '${kind}'`);
    const nested = anchored({ parentAs: 'channel', filter: f({ trader: 't' }) });
    expect(nested).toContain("start.kind = 'channel'");
    expect(nested).toContain("start.kind = 'trader'");
    expect(nested).toContain("WHEN 'trader'");
    expect(() => anchored({ parentAs: 'nonsense', filter: f({}) })).toThrow(RangeError);
  });
});
