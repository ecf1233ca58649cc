/**
 * Proposals: curated records plus the excerpt (and, when new, the source) that justify them,
 * validated by the import's own rules (src/ingest/records.ts: the function that validates a
 * `.jsonl` line, then a dry run of the import against the graph), kept as a ChangeSet.
 */
import crypto from 'node:crypto';
import type { RequestContext } from '../../graphql/context';
import { importRecords, recordErrors } from '../../ingest/records';
import { CURATION_LABELS } from '../../model';
import { invalidRecords, RecordProblem } from './errors';
import { digests, snapshot } from './state';
import { toChangeSet } from './values';
import type { ChangeSet } from './change.type';

export const MAX_RECORDS = 100;

export interface ProposalInput {
  records: Record<string, unknown>[];
  excerpt: Record<string, unknown>;
  source?: Record<string, unknown> | null;
  summary?: string | null;
}

type Path = (string | number)[];

/** The records in import order (a new source, the excerpt, the changes) and where each came from. */
export function inImportOrder(p: ProposalInput): { records: Record<string, unknown>[]; where: Path[] } {
  const records = [...(p.source ? [p.source] : []), p.excerpt, ...p.records];
  const where: Path[] = [...(p.source ? [['source']] : []), ['excerpt'], ...p.records.map((_, i) => ['records', i])];
  return { records, where };
}

/** `field.sub: message` (the import's wording) as a path under the record's own. */
function located(where: Path, message: string): RecordProblem {
  const m = /^([A-Za-z][\w]*(?:\.[\w]+)*): (.*)$/s.exec(message);
  if (!m || m[1] === 'record') return { path: where, message };
  return { path: [...where, ...m[1]!.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))], message: m[2]! };
}

/** What the justification requires besides the records' own validity. */
function justificationProblems(p: ProposalInput): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (p.records.length === 0) out.push({ path: ['records'], message: 'must hold at least one record' });
  if (p.records.length > MAX_RECORDS) out.push({ path: ['records'], message: `at most ${MAX_RECORDS} records per change set` });
  if (p.excerpt.type !== 'excerpt') out.push({ path: ['excerpt', 'type'], message: 'must be "excerpt": the excerpt that justifies the change' });
  if (p.source && p.source.type !== 'source') out.push({ path: ['source', 'type'], message: 'must be "source": the source of the excerpt' });
  if (p.source && p.excerpt.source !== p.source.id) out.push({ path: ['excerpt', 'source'], message: `must be ${String(p.source.id)}, the source given with it` });
  p.records.forEach((r, i) => {
    if (r.type === 'source' || r.type === 'excerpt') return;
    const cited = Array.isArray(r.excerpts) ? (r.excerpts as unknown[]) : [];
    if (!cited.includes(p.excerpt.id)) out.push({ path: ['records', i, 'excerpts'], message: `must cite the justifying excerpt ${String(p.excerpt.id)}` });
  });
  return out;
}

/** The graph ids a record's import may change: its node, a membership's region, a link's `from`. */
export function touchedIds(records: Record<string, unknown>[]): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    const id = r.type === 'membership' ? r.region : r.type === 'link' ? r.from : r.id;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

/** Every problem of the proposal, or none: field checks per record, then the dry run against the graph. */
export async function proposalProblems(ctx: RequestContext, p: ProposalInput): Promise<RecordProblem[]> {
  const { records, where } = inImportOrder(p);
  const problems = justificationProblems(p);
  records.forEach((r, i) => problems.push(...recordErrors(r).map((m) => located(where[i]!, m))));
  if (problems.length > 0) return problems;
  const dry = await importRecords(ctx.db, records, { dryRun: true });
  return dry.errors.map((e) => located(where[e.index] ?? ['records'], e.message));
}

export async function propose(ctx: RequestContext, p: ProposalInput): Promise<ChangeSet> {
  const problems = await proposalProblems(ctx, p);
  if (problems.length > 0) throw invalidRecords(problems);
  const { records } = inImportOrder(p);
  const entities = touchedIds(records);
  const states = await snapshot((q, params) => ctx.db.read(q, params) as never, ctx.queries, entities);
  const retracted = entities.filter((e) => states.get(e)?.labels.includes(CURATION_LABELS.retracted));
  if (retracted.length > 0) {
    throw invalidRecords(retracted.map((e) => ({ path: ['records'], message: `${e} is retracted: restore it (restoreFact) before proposing a change to it` })));
  }
  const base = digests(states);
  const [row] = await ctx.db.write(ctx.queries.get('curation/change-set-create'), {
    id: `changeset:${crypto.randomUUID()}`,
    author: ctx.user.sub,
    summary: p.summary ?? null,
    records: JSON.stringify(records),
    base: JSON.stringify(base),
    entities,
  });
  return toChangeSet(row!.changeSet as never);
}
