/**
 * The GraphQL types of curation: a proposal (`ChangeSet`) and what an applied change did to one
 * entity or fact (`Change`), with its relationships added and removed.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ChangeSetStatus {
  OPEN = 'open',
  APPLIED = 'applied',
  REJECTED = 'rejected',
}
registerEnumType(ChangeSetStatus, { name: 'ChangeSetStatus', description: 'Where a proposal stands: open (under review), applied, rejected.' });

export enum ChangeAction {
  APPLIED = 'applied',
  RETRACTED = 'retracted',
  RESTORED = 'restored',
}
registerEnumType(ChangeAction, { name: 'ChangeAction', description: 'What made a change: an approved change set, a retraction, a restore.' });

@ObjectType({ description: 'A proposed change: curated records (as `tradegraph import` reads them) with the excerpt and source that justify it, and its review. Readers do not see it; the graph shows it once an editor approves it.' })
export class ChangeSet {
  @Field(() => ID, { description: 'changeset:<uuid>' })
  id!: string;

  @Field(() => ChangeSetStatus)
  status!: ChangeSetStatus;

  @Field(() => Int, { description: 'Goes up with every review; approve and reject take the version the reviewer saw (optimistic versioning).' })
  version!: number;

  @Field({ description: 'Who proposed it (the token subject).' })
  author!: string;

  @Field({ description: 'When it was proposed (ISO date-time).' })
  createdAt!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [GraphQLJSONObject], { description: 'The curated records, in import order: the source (if new), the excerpt, then the changes.' })
  records!: Record<string, unknown>[];

  @Field(() => [String], { description: 'Graph ids the records touch.' })
  entities!: string[];

  @Field(() => String, { nullable: true })
  reviewer!: string | null;

  @Field(() => String, { nullable: true })
  reviewComment!: string | null;

  @Field(() => String, { nullable: true })
  reviewedAt!: string | null;
}

@ObjectType({ description: 'A relationship a change added or removed.' })
export class RelationshipChange {
  @Field({ description: 'Relationship type, e.g. HEADQUARTERED_IN.' })
  type!: string;

  @Field({ description: 'OUT: from the changed entity to `other`; IN: from `other` to it.' })
  direction!: string;

  @Field({ description: 'Graph id of the other end.' })
  other!: string;

  @Field(() => GraphQLJSONObject)
  properties!: Record<string, unknown>;
}

@ObjectType({ description: 'What one applied change set, retraction or restore did to one entity or fact: who, when, why, properties before and after, relationships added and removed.' })
export class Change {
  @Field(() => Int, { description: 'Position in the graph-wide sequence of changes (commit order; the change feed resumes after it).' })
  seq!: number;

  @Field({ description: 'When it was applied (ISO date-time).' })
  at!: string;

  @Field({ description: 'Graph id of the entity or fact changed.' })
  entity!: string;

  @Field(() => ChangeAction)
  action!: ChangeAction;

  @Field(() => String, { nullable: true, description: 'The change set applied (none for a retraction or restore).' })
  changeSet!: string | null;

  @Field({ description: 'Who proposed it (the change set author; for a retraction, the editor).' })
  author!: string;

  @Field(() => String, { nullable: true, description: 'Who approved it (or retracted, restored).' })
  reviewer!: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment, or the reason of a retraction or restore." })
  reason!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The changed properties as they were (absent: not set); `labels` when the labels changed.' })
  before!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'The changed properties as they are now.' })
  after!: Record<string, unknown>;

  @Field(() => [RelationshipChange])
  relationshipsAdded!: RelationshipChange[];

  @Field(() => [RelationshipChange])
  relationshipsRemoved!: RelationshipChange[];
}
