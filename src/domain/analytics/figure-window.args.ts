/**
 * Which figures a period comparison looks at (figureGrowth, periodChange): a metric, a subject,
 * and the baseline and measured periods, as plans (their years) or as explicit years.
 */
import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class FigureWindowArgs {
  @Field(() => String, { nullable: true, description: 'e.g. export-value-growth (figureGrowth) or enterprise-count (periodChange).' })
  metric?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only figures about this entity.' })
  about?: string | null;

  @Field(() => ID, { nullable: true, description: 'A plan (policy with periodStart..periodEnd, e.g. policy:13th-five-year-plan) whose years contain the baseline period.' })
  baselinePlan?: string | null;

  @Field(() => ID, { nullable: true, description: 'A plan whose years contain the measured period.' })
  plan?: string | null;

  @Field(() => Int, { nullable: true })
  baselineFrom?: number | null;

  @Field(() => Int, { nullable: true })
  baselineTo?: number | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;
}
