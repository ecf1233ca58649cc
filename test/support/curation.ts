/**
 * Helpers for the curation and auth suites: tokens per role, GraphQL over HTTP with a bearer
 * token, the small base graph (test/fixtures/curation/base.jsonl) and a correction of it.
 */
import path from 'node:path';
import { issueToken, Role } from '../../src/auth';
import { loadConfig } from '../../src/config';
import { runImport } from '../../src/ingest';
import type { Database } from '../../src/neo4j/database';
import { PROJECT_ROOT } from '../../src/paths';

export const AUTH_SECRET = 'curation-tests-shared-secret-0123456789';
export const AUTH_ENV = { AUTH_JWT_SECRET: AUTH_SECRET };
export const BASE_FILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'curation', 'base.jsonl');

export function tokenFor(role: Role, sub: string = role): Promise<string> {
  return issueToken(loadConfig({ ...AUTH_ENV, NODE_ENV: 'test' }).auth, { sub, roles: [role], expiresIn: '1h' });
}

export interface Answer {
  status: number;
  body: { data?: any; errors?: any[] };
}

export async function post(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

export function codeOf(a: Answer): string | undefined {
  return a.body.errors?.[0]?.extensions?.code;
}

export async function importBase(db: Database): Promise<void> {
  const report = await runImport(db, { format: 'curated', paths: [BASE_FILE] });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
}

/** A correction: a new source and excerpt, the figure's revised value, the company's move. */
export const NEW_SOURCE = {
  type: 'source',
  id: 'source:test-annual-report',
  title: 'Acme Motors annual report 2024',
  kind: 'synthetic',
  url: 'https://example.org/acme-2024',
  note: 'Made up for the curation tests.',
};
export const NEW_EXCERPT = {
  type: 'excerpt',
  id: 'excerpt:test-annual-report-1',
  source: 'source:test-annual-report',
  locator: 'page 3',
  text: 'In 2024 Acme Motors exported 1.3 million vehicles from its new headquarters in Thailand.',
};
export const CORRECTION = [
  {
    type: 'figure',
    id: 'figure:acme-2024-vehicle-exports',
    metric: 'vehicle-exports',
    value: 1.3,
    unit: 'million vehicles',
    periodStart: 2024,
    periodEnd: 2024,
    about: ['company:acme-motors'],
    statement: 'Acme Motors exported 1.3 million vehicles in 2024.',
    excerpts: ['excerpt:test-annual-report-1'],
  },
  { type: 'company', id: 'company:acme-motors', name: 'Acme Motors', headquarters: 'iso:THA', excerpts: ['excerpt:test-gazette-1', 'excerpt:test-annual-report-1'] },
];

export const PROPOSE = `mutation Propose($records: [JSONObject!]!, $excerpt: JSONObject!, $source: JSONObject, $summary: String) {
  propose(records: $records, excerpt: $excerpt, source: $source, summary: $summary) { id status version author entities }
}`;
export const APPROVE = `mutation Approve($id: ID!, $version: Int!, $comment: String) {
  approveChangeSet(id: $id, version: $version, comment: $comment) { id status version reviewer reviewComment changes { seq entity } }
}`;
