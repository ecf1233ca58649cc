/**
 * Arguments of the trade-summary fields (Company.products, Product.exporters, Market.suppliers, ...).
 */
import { ArgsType, Field } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListArgs, listArgs } from '../shared/load';
import { FlowDirection } from './trade-flow.type';

@ArgsType()
export class SummaryArgs extends ListArgs {
  @Field(() => [FlowDirection], { nullable: true, description: 'Flow directions counted (default: EXPORT and RE_EXPORT).' })
  directions?: FlowDirection[] | null;
}

export const EXPORT_DIRECTIONS = [FlowDirection.EXPORT, FlowDirection.RE_EXPORT];
export const IMPORT_DIRECTIONS = [FlowDirection.IMPORT, FlowDirection.RE_IMPORT];

export function summaryParams(ctx: RequestContext, args: SummaryArgs, fallback: FlowDirection[] = EXPORT_DIRECTIONS) {
  return { ...listArgs(ctx, args), directions: args.directions && args.directions.length > 0 ? args.directions : fallback };
}
