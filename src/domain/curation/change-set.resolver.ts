/**
 * Everything of the ChangeSet type: proposing (curators), reviewing (editors), listing open
 * proposals (curators and editors: readers never see a change set), and the changes it made.
 * The role rules are `@Authorized` here and enforced by src/auth/checker.ts.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import neo4j from 'neo4j-driver';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { idArg, pageSize, textArg } from '../../graphql/args';
import { draftRecord } from '../../ingest/records';
import { snapshot } from './state';
import { runNamed } from '../../graphql/loaders';
import { badUserInput } from '../../graphql/relay/bad-input';
import { Change, ChangeSet, ChangeSetStatus } from './change.type';
import { propose } from './proposal';
import { approve, changeSetById, reject } from './review';
import { toChange, toChangeSet } from './values';

export const MAX_COMMENT = 2000;

export function comment(value: string | null | undefined, name: string, required: boolean): string | null {
  const t = value?.trim() ?? '';
  if (t.length > MAX_COMMENT) throw badUserInput(`\`${name}\` is longer than ${MAX_COMMENT} characters`, { argumentName: name });
  if (required && t === '') throw badUserInput(`\`${name}\` must say why`, { argumentName: name });
  return t === '' ? null : t;
}

@Resolver(() => ChangeSet)
export class ChangeSetResolver {
  @Authorized('curator')
  @Mutation(() => ChangeSet, {
    description:
      'Propose a change: curated records (the types and rules of `tradegraph import`, docs/model.md) citing the excerpt that justifies them, with its source when new. Nothing changes in the graph until an editor approves. Invalid records: BAD_USER_INPUT with `extensions.errors` [{path, message}], nothing written.',
  })
  propose(
    @Arg('records', () => [GraphQLJSONObject], { description: 'Curated records, e.g. {type: "company", id: "company:x", name: "X", headquarters: "gb:500000", excerpts: ["excerpt:..."]}.' }) records: Record<string, unknown>[],
    @Arg('excerpt', () => GraphQLJSONObject, { description: 'The justifying excerpt record: {type: "excerpt", id, source, text, locator}.' }) excerpt: Record<string, unknown>,
    @Arg('source', () => GraphQLJSONObject, { nullable: true, description: 'The source record, when the excerpt cites a source the graph does not have yet.' }) source: Record<string, unknown> | null,
    @Arg('summary', () => String, { nullable: true, description: 'What the change is, for the reviewer.' }) summary: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangeSet> {
    return propose(ctx, { records, excerpt, source, summary: textArg(summary, 'summary') });
  }

  @Authorized('editor')
  @Mutation(() => ChangeSet, { description: 'Approve an open change set at the version you reviewed: its records are imported in one transaction and every change recorded. CONFLICT when it was reviewed meanwhile or what it touches changed since it was proposed.' })
  approveChangeSet(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangeSet> {
    return approve(ctx, id, version, comment(note, 'comment', false));
  }

  @Authorized('editor')
  @Mutation(() => ChangeSet, { description: 'Reject an open change set at the version you reviewed, saying why. Nothing changes in the graph.' })
  rejectChangeSet(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment', () => String) note: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangeSet> {
    return reject(ctx, id, version, comment(note, 'comment', true)!);
  }

  @Authorized('curator')
  @Query(() => [ChangeSet], { description: 'Change sets, newest first (curators and editors only).' })
  async changeSets(
    @Arg('status', () => ChangeSetStatus, { nullable: true }) status: ChangeSetStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ChangeSet[]> {
    const rows = await runNamed<{ changeSet: never }>(ctx, 'curation/change-sets', { status: status ?? null, limit: neo4j.int(pageSize('first', first, ctx.config.graphql.maxPageSize)) });
    return rows.map((r) => toChangeSet(r.changeSet));
  }

  @Authorized('curator')
  @Query(() => ChangeSet, { nullable: true, description: 'One change set (curators and editors only).' })
  changeSet(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ChangeSet | null> {
    return changeSetById(ctx, id);
  }

  @Authorized('curator')
  @Query(() => GraphQLJSONObject, { nullable: true, description: 'The curated record that states an entity or fact as the graph has it now: the starting point of a correction (a record owns every field it can carry, so a correction gives them all). Null when no record type writes it.' })
  async recordDraft(@Arg('entity', () => String, { description: 'Global id or graph id.' }) entity: string, @Ctx() ctx: RequestContext): Promise<Record<string, unknown> | null> {
    const id = idArg(entity)!;
    const state = (await snapshot((q, params) => ctx.db.read(q, params) as never, ctx.queries, [id])).get(id);
    return state && state.labels.length > 0 ? (draftRecord(state) ?? null) : null;
  }

  @FieldResolver(() => [Change], { description: 'What approving it changed, in order.' })
  async changes(@Root() cs: ChangeSet, @Ctx() ctx: RequestContext): Promise<Change[]> {
    const rows = await runNamed<{ change: never }>(ctx, 'curation/changes-of-set', { id: cs.id });
    return rows.map((r) => toChange(r.change));
  }
}
