/**
 * Review: an editor approves or rejects an open change set at the version they saw. Approval
 * imports the change set's records (src/ingest/records.ts: the import pipeline, one transaction)
 * and, in that same transaction, after taking the curation lock: checks the change set is still
 * open at that version and that nothing it touches changed since it was proposed (optimistic
 * versioning: a conflicting approval is refused with CONFLICT, never last-writer-wins), then
 * records what changed. A failure anywhere rolls all of it back.
 */
import type { GraphQLError } from 'graphql';
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import { importRecords } from '../../ingest/records';
import { run } from '../../neo4j/database';
import { ChangeAction, ChangeSet, ChangeSetStatus } from './change.type';
import { conflict, invalidRecords } from './errors';
import { digest } from './state';
import { toChangeSet } from './values';
import { lockAndRead, recordChanges } from './write';

export async function changeSetById(ctx: RequestContext, id: string): Promise<ReturnType<typeof toChangeSet> | null> {
  const [row] = await ctx.db.read(ctx.queries.get('curation/change-set'), { id });
  return row ? toChangeSet(row.changeSet as never) : null;
}

/** Why a change set cannot be reviewed at `version`, or undefined when it can. */
function notReviewable(cs: ChangeSet, version: number): GraphQLError | undefined {
  if (cs.status !== ChangeSetStatus.OPEN) return conflict(`Change set ${cs.id} was already ${cs.status} by ${cs.reviewer ?? 'someone'} at ${cs.reviewedAt ?? '?'}`);
  if (cs.version !== version) return conflict(`Change set ${cs.id} is at version ${cs.version}, not ${version}: reload it and review again`);
  return undefined;
}

async function openChangeSet(ctx: RequestContext, id: string, version: number) {
  const cs = await changeSetById(ctx, id);
  if (!cs) throw badUserInput(`No change set ${id}`, { argumentName: 'id' });
  const why = notReviewable(cs, version);
  if (why) throw why;
  return cs;
}

export async function approve(ctx: RequestContext, id: string, version: number, comment: string | null): Promise<ChangeSet> {
  const cs = await openChangeSet(ctx, id, version);
  const base = cs.base;
  let refused: GraphQLError | undefined;
  const result = await importRecords(ctx.db, cs.records, {
    inTransaction: async (tx, write) => {
      refused = undefined; // per attempt: the driver may retry the transaction
      const locked = await lockAndRead(tx, ctx.queries, cs.entities);
      const [now] = await run(tx, ctx.queries.get('curation/change-set'), { id });
      refused = notReviewable(toChangeSet(now!.changeSet as never), version);
      const moved = cs.entities.filter((e) => digest(locked.before.get(e)) !== base[e]);
      if (!refused && moved.length > 0) {
        refused = conflict(`Change set ${id} conflicts with changes made since it was proposed (${moved.join(', ')} changed): nothing applied; propose it again against the current graph`);
      }
      if (refused) throw refused;
      const counts = await write();
      const changes = await recordChanges(tx, ctx.queries, locked, cs.entities, {
        action: ChangeAction.APPLIED,
        changeSet: id,
        author: cs.author,
        reviewer: ctx.user.sub,
        reason: comment,
      });
      await run(tx, ctx.queries.get('curation/change-set-review'), {
        id,
        version: neo4j.int(version),
        status: ChangeSetStatus.APPLIED,
        reviewer: ctx.user.sub,
        comment,
        appliedSeq: changes.length ? neo4j.int(changes[changes.length - 1]!.seq) : null,
      });
      return counts;
    },
  });
  if (refused) throw refused;
  // The records were valid when proposed; the graph may have changed since (a referenced entity gone).
  if (!result.report.ok) {
    const whole = result.errors.find((e) => e.index < 0);
    if (whole) throw new Error(`approving ${id} failed and was rolled back: ${whole.message}`);
    throw invalidRecords(result.errors.map((e) => ({ path: ['changeSet', 'records', e.index], message: e.message })));
  }
  return (await changeSetById(ctx, id))!;
}

export async function reject(ctx: RequestContext, id: string, version: number, comment: string): Promise<ChangeSet> {
  await openChangeSet(ctx, id, version);
  const row = await ctx.db.executeWrite(async (tx) => {
    await run(tx, ctx.queries.get('curation/lock'));
    const [r] = await run(tx, ctx.queries.get('curation/change-set-review'), {
      id,
      version: neo4j.int(version),
      status: ChangeSetStatus.REJECTED,
      reviewer: ctx.user.sub,
      comment,
      appliedSeq: null,
    });
    return r;
  });
  if (!row) throw notReviewable((await changeSetById(ctx, id))!, version) ?? conflict(`Change set ${id} changed while it was reviewed`);
  return toChangeSet(row.changeSet as never);
}
