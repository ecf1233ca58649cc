/**
 * The README's curation walk-through (```graphql curation blocks), executed as written against the
 * seeded graph over HTTP, each block with the token of the role its first line names (`# as:`),
 * `$id` bound to the id the proposal answered. Each block must answer without errors and with
 * what the README says it shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedGraph } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/paths';
import type { Role } from '../../src/auth';
import { useApi } from '../support/api';
import { AUTH_ENV, post, tokenFor } from '../support/curation';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db, AUTH_ENV);

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql curation\n([\s\S]*?)```/g)].map((m) => m[1]!);
const ALIAS = 'Chongqing Changan Automobile Company Limited';

beforeAll(async () => {
  expect((await seedGraph(db())).ok).toBe(true);
});

const seen: { id?: string } = {};
const expectations: ((data: any) => void)[] = [
  (data) => {
    expect(data.propose).toMatchObject({ status: 'OPEN', version: 1, author: 'readme-curator' });
    seen.id = data.propose.id;
  },
  (data) => {
    expect(data.changeSets.map((c: any) => c.id)).toContain(seen.id);
  },
  (data) => {
    const applied = data.approveChangeSet;
    expect(applied).toMatchObject({ status: 'APPLIED', reviewer: 'readme-editor' });
    const company = applied.changes.find((c: any) => c.entity === 'company:changan-automobile');
    expect(company.after.aliases).toContain(ALIAS);
    expect(company.before.aliases).not.toContain(ALIAS);
    expect(company.relationshipsAdded).toContainEqual({ type: 'STATED_IN', other: 'excerpt:example-changan-registry-1' });
  },
  (data) => {
    expect(data.company.aliases).toContain(ALIAS);
    expect(data.company.history[0]).toMatchObject({ action: 'APPLIED', author: 'readme-curator', reviewer: 'readme-editor', reason: 'the registry names the company so' });
  },
];

describe('README curation walk-through', () => {
  it('has one expectation per block', () => {
    expect(blocks).toHaveLength(expectations.length);
  });

  blocks.forEach((query, i) => {
    it(`block ${i + 1} answers as the README says`, async () => {
      const who = /^# as: (\w+)/.exec(query)?.[1];
      expect(who).toBeDefined();
      const token = who === 'anonymous' ? undefined : await tokenFor(who as Role, `readme-${who}`);
      const res = await post(api.base(), query, /\$id\b/.test(query) ? { id: seen.id } : {}, token);
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expectations[i]!(res.body.data);
    });
  });
});
