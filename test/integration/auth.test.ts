/**
 * Every mutation (and every role-restricted query) tried with every role, over HTTP against the
 * real Neo4j: the least role a field needs and every role above it get through the auth check
 * (here to a BAD_USER_INPUT about the made-up arguments), every role below gets FORBIDDEN (403),
 * no identity gets UNAUTHENTICATED (401), never a 500. The fields come from the schema itself, so
 * a new mutation without a rule here fails this suite; the schema test below checks that each has
 * an `@Authorized` rule at all.
 */
import { getMetadataStorage } from 'type-graphql';
import { ROLES, Role } from '../../src/auth';
import { buildAppSchema } from '../../src/graphql/schema';
import { useApi } from '../support/api';
import { AUTH_ENV, codeOf, post, tokenFor } from '../support/curation';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db, AUTH_ENV);
const closed = useApi(db, { ...AUTH_ENV, AUTH_ANONYMOUS_READ: 'false' });

/** The least role of each restricted field, with a request that reaches its resolver. */
const MUTATIONS: Record<string, { role: Role; doc: string }> = {
  propose: { role: 'curator', doc: 'mutation { propose(records: [{type: "company"}], excerpt: {type: "excerpt"}) { id } }' },
  approveChangeSet: { role: 'editor', doc: 'mutation { approveChangeSet(id: "changeset:none", version: 1) { id } }' },
  rejectChangeSet: { role: 'editor', doc: 'mutation { rejectChangeSet(id: "changeset:none", version: 1, comment: "no") { id } }' },
  retractFact: { role: 'editor', doc: 'mutation { retractFact(fact: "figure:none", reason: "no") { seq } }' },
  restoreFact: { role: 'editor', doc: 'mutation { restoreFact(fact: "figure:none", reason: "no") { seq } }' },
};
const QUERIES: Record<string, { role: Role; doc: string }> = {
  changeSets: { role: 'curator', doc: '{ changeSets { id } }' },
  changeSet: { role: 'curator', doc: '{ changeSet(id: "changeset:none") { id } }' },
  recordDraft: { role: 'curator', doc: '{ recordDraft(entity: "company:none") }' },
};

const tokens = new Map<Role, string>();
beforeAll(async () => {
  for (const role of ROLES) tokens.set(role, await tokenFor(role, `${role}-matrix`));
});

describe('every mutation x every role', () => {
  it('the schema has exactly the mutations this suite knows', async () => {
    const schema = await buildAppSchema();
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  for (const [name, rule] of Object.entries({ ...MUTATIONS, ...QUERIES })) {
    it(`${name}: ${rule.role} and above get through, the rest are refused`, async () => {
      const anonymous = await post(api.base(), rule.doc);
      expect([anonymous.status, codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
      for (const role of ROLES) {
        const res = await post(api.base(), rule.doc, {}, tokens.get(role));
        const allowed = ROLES.indexOf(role) >= ROLES.indexOf(rule.role);
        if (allowed) {
          // Through the auth check: what is left is the client's made-up arguments, or nothing found.
          expect([role, codeOf(res) ?? 'ok']).not.toEqual([role, expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN|INTERNAL_SERVER_ERROR/)]);
          expect(res.status).toBeLessThan(500);
        } else {
          expect([role, res.status, codeOf(res)]).toEqual([role, 403, 'FORBIDDEN']);
        }
      }
    });
  }

  it('nothing was written by any of them', async () => {
    const [row] = await db().read<{ n: number }>('MATCH (n) WHERE n:ChangeSet OR n:Change RETURN count(n) AS n');
    expect(row!.n).toBe(0);
  });
});

describe('the rules live in one place', () => {
  it('every Mutation and Subscription field has an @Authorized role rule', async () => {
    const schema = await buildAppSchema();
    const storage = getMetadataStorage();
    const roots = [...storage.mutations, ...storage.subscriptions];
    const fields = [...Object.keys(schema.getMutationType()?.getFields() ?? {}), ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {})];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      const defs = roots.filter((r) => r.schemaName === field);
      expect(defs.length).toBeGreaterThan(0);
      for (const def of defs) {
        const rule = storage.authorizedFields.find((a) => a.fieldName === def.methodName && (a.target === def.target || def.target.prototype instanceof a.target));
        expect([field, rule?.roles.length ?? 0]).toEqual([field, 1]);
        expect(ROLES).toContain(rule!.roles[0]);
      }
    }
  });
});

describe('anonymous reading off', () => {
  it('a request without a token is refused (401); a reader token reads', async () => {
    const none = await post(closed.base(), '{ figures(first: 1) { totalCount } }');
    expect([none.status, codeOf(none)]).toEqual([401, 'UNAUTHENTICATED']);
    const reader = await post(closed.base(), '{ figures(first: 1) { totalCount } }', {}, tokens.get('reader'));
    expect(reader.status).toBe(200);
    expect(reader.body.data.figures.totalCount).toBe(0);
  });
});
