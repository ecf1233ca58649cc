/**
 * The query catalog composes the text that runs: parts written in, slots rendered only from the
 * model's labels and types or range-checked integers. The composed text of every named query is
 * snapshotted (as neo4j/graphql's TCK snapshots its Cypher), so a change to a part shows in every
 * query it reaches; test/integration/query-text.test.ts runs the texts against Neo4j.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { intSlot, labelSlot, QueryCatalog, relTypeSlot, splitStatements, stripComments } from '../../src/neo4j/queries';

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
