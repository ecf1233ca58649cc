/**
 * Retraction: an editor hides a fact from every default query, with a reason, the way staging
 * hides a fact not yet published (its Fact/Figure/TradeFlow labels give way to RetractedFact,
 * which no API query names: cypher/curation/retract.cypher). The node and its relationships stay,
 * the Change records who and why, and `restoreFact` brings it back. Nothing is lost.
 */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import { run } from '../../neo4j/database';
import { Change, ChangeAction } from './change.type';
import { CURATION_LABELS } from '../../model';
import { conflict } from './errors';
import { toChange } from './values';
import { lockAndRead, recordChanges } from './write';

const RETRACTED = CURATION_LABELS.retracted;

async function changeLabels(ctx: RequestContext, id: string, action: ChangeAction.RETRACTED | ChangeAction.RESTORED, reason: string): Promise<Change> {
  const query = action === ChangeAction.RETRACTED ? 'curation/retract' : 'curation/restore';
  const recorded = await ctx.db.executeWrite(async (tx) => {
    const locked = await lockAndRead(tx, ctx.queries, [id]);
    const labels = locked.before.get(id)?.labels ?? [];
    if (labels.length === 0 || !(labels.includes('Fact') || labels.includes(RETRACTED))) throw badUserInput(`${id} is not a fact (a figure or trade flow)`, { argumentName: 'fact' });
    if (action === ChangeAction.RETRACTED && labels.includes(RETRACTED)) throw conflict(`${id} is already retracted`);
    if (action === ChangeAction.RESTORED && !labels.includes(RETRACTED)) throw conflict(`${id} is not retracted`);
    const done = await run(tx, ctx.queries.get(query), { id, reason, by: ctx.user.sub });
    if (done.length === 0) throw conflict(`${id} cannot be restored: a live fact has its id (imported again since the retraction)`);
    const [change] = await recordChanges(tx, ctx.queries, locked, [id], { action, changeSet: null, author: ctx.user.sub, reviewer: ctx.user.sub, reason });
    return change!.seq;
  });
  const [row] = await ctx.db.read(ctx.queries.get('curation/changes'), { afterSeq: neo4j.int(recorded - 1), since: null, entity: id, limit: neo4j.int(1) });
  return toChange(row!.change as never);
}

export const retract = (ctx: RequestContext, id: string, reason: string) => changeLabels(ctx, id, ChangeAction.RETRACTED, reason);
export const restore = (ctx: RequestContext, id: string, reason: string) => changeLabels(ctx, id, ChangeAction.RESTORED, reason);
