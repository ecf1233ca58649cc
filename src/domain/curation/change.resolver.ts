/**
 * Everything of the Change type: the root `changes` (what curation did, after a seq, since a
 * time, to one entity), and retracting / restoring a fact (editors), each recorded as a Change.
 */
import neo4j from 'neo4j-driver';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { boundedInt, idArg, pageSize } from '../../graphql/args';
import { runNamed } from '../../graphql/loaders';
import { badUserInput } from '../../graphql/relay/bad-input';
import { Change } from './change.type';
import { comment } from './change-set.resolver';
import { restore, retract } from './retraction';
import { toChange } from './values';

const FACT_TYPES = ['Figure', 'TradeFlow'];

function sinceArg(since: string | null | undefined): string | null {
  if (since == null) return null;
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(since) || Number.isNaN(Date.parse(since))) {
    throw badUserInput('`since` must be an ISO date or date-time, e.g. 2026-12-01 or 2026-12-01T10:00:00Z', { argumentName: 'since' });
  }
  return new Date(since).toISOString();
}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => [Change], { description: 'Applied changes, oldest first: after a sequence number (`afterSeq`, as the change feed resumes), since a time, of one entity or fact.' })
  async changes(
    @Arg('since', () => String, { nullable: true, description: 'ISO date or date-time.' }) since: string | null,
    @Arg('entity', () => String, { nullable: true, description: 'Global id or graph id of an entity or fact.' }) entity: string | null,
    @Arg('afterSeq', () => Int, { defaultValue: 0 }) afterSeq: number,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Change[]> {
    const rows = await runNamed<{ change: never }>(ctx, 'curation/changes', {
      afterSeq: neo4j.int(boundedInt('afterSeq', afterSeq, 0, Number.MAX_SAFE_INTEGER)),
      since: sinceArg(since) === null ? null : neo4j.types.DateTime.fromStandardDate(new Date(sinceArg(since)!)),
      entity: idArg(entity),
      limit: neo4j.int(pageSize('first', first, ctx.config.graphql.maxPageSize)),
    });
    return rows.map((r) => toChange(r.change));
  }

  @Authorized('editor')
  @Mutation(() => Change, { description: 'Retract a fact (figure or trade flow): hidden from every default query, kept with its relationships, recorded with who and why; `restoreFact` brings it back.' })
  retractFact(@Arg('fact', () => String, { description: 'Global id or graph id.' }) fact: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: RequestContext): Promise<Change> {
    return retract(ctx, idArg(fact, FACT_TYPES)!, comment(reason, 'reason', true)!);
  }

  @Authorized('editor')
  @Mutation(() => Change, { description: 'Restore a retracted fact, saying why.' })
  restoreFact(@Arg('fact', () => String, { description: 'Global id or graph id.' }) fact: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: RequestContext): Promise<Change> {
    return restore(ctx, idArg(fact, FACT_TYPES)!, comment(reason, 'reason', true)!);
  }
}
