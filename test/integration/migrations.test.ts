import { loadMigrations, migrate, migrationsApplied } from '../../src/neo4j/migrations';
import { ensureModelSchema } from '../../src/neo4j/model-schema';
import { SEARCHABLE_LABELS } from '../../src/model';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();

async function schemaSnapshot(): Promise<string[]> {
  const constraints = await db().read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  const indexes = await db().read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
  return [...constraints.map((c) => `constraint ${c.name}`), ...indexes.map((i) => `index ${i.name}`)];
}

describe('migrations against the real Neo4j', () => {
  it('have created a uniqueness constraint on id for every node kind', async () => {
    const rows = await db().read<{ label: string }>(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN labelsOrTypes[0] AS label",
    );
    expect(rows.map((r) => r.label).sort()).toEqual(
      ['Company', 'Excerpt', 'Facility', 'Fact', 'ImportRun', 'Market', 'Migration', 'Policy', 'Product', 'Region', 'Source'].sort(),
    );
  });

  it('are recorded in the graph, one node per file', async () => {
    const files = loadMigrations().map((m) => m.id);
    const rows = await db().read<{ id: string }>('MATCH (m:Migration) RETURN m.id AS id ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(files);
    expect(await migrationsApplied(db())).toBe(true);
  });

  it('applied twice change nothing', async () => {
    const before = await schemaSnapshot();
    const result = await migrate(db());
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toHaveLength(loadMigrations().length);
    expect(await schemaSnapshot()).toEqual(before);
  });

  it('refuse a migration edited after it was applied', async () => {
    const [first, ...rest] = loadMigrations();
    const edited = { ...first!, checksum: 'edited' };
    await expect(migrate(db(), [edited, ...rest])).rejects.toThrow(/was changed after it was applied/);
  });

  it('enforce unique ids', async () => {
    await db().write("CREATE (:Company {id: 'company:dup-test', name: 'A'})");
    await expect(db().write("CREATE (:Company {id: 'company:dup-test', name: 'B'})")).rejects.toThrow(/already exists/);
  });

  it('keep the full-text index to the model\'s searchable kinds, and write nothing when it is current', async () => {
    const indexLabels = async () =>
      (await db().read<{ labels: string[] }>("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = 'entity_names' RETURN labelsOrTypes AS labels"))[0]?.labels.sort();
    expect(await indexLabels()).toEqual([...SEARCHABLE_LABELS].sort());
    expect(await ensureModelSchema(db())).toEqual({ constrained: [], searchIndexCreated: false });

    // A graph whose index predates a searchable kind (as if the model gained one): rebuilt to the model.
    await db().write('DROP INDEX entity_names');
    await db().write("CREATE FULLTEXT INDEX entity_names FOR (n:Company|Product) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}");
    expect(await ensureModelSchema(db())).toEqual({ constrained: [], searchIndexCreated: true });
    expect(await indexLabels()).toEqual([...SEARCHABLE_LABELS].sort());
    const rows = await db().read<{ props: string[] }>("SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'entity_names' RETURN properties AS props");
    expect(rows).toEqual([{ props: ['name', 'nameZh', 'aliases'] }]);
  });
});
