/**
 * Arguments of the trade-summary fields (Company.products, Product.exporters, Market.suppliers, ...).
 */
import { ArgsType, Field } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import { ListArgs, listArgs } from '../shared/load';
import { textArg } from '../shared/page';
import { FlowDirection } from './trade-flow.type';

@ArgsType()
export class SummaryArgs extends ListArgs {
  @Field(() => [FlowDirection], { nullable: true, description: 'Flow directions counted (default: EXPORT and RE_EXPORT).' })
  directions?: FlowDirection[] | null;
}

@ArgsType()
export class ProductSummaryArgs extends SummaryArgs {
  @Field(() => String, { nullable: true, description: 'Only flows of products with this HS code prefix (or classified under one), e.g. "8711".' })
  hsPrefix?: string | null;
}

export const EXPORT_DIRECTIONS = [FlowDirection.EXPORT, FlowDirection.RE_EXPORT];
export const IMPORT_DIRECTIONS = [FlowDirection.IMPORT, FlowDirection.RE_IMPORT];

export function summaryParams(ctx: RequestContext, args: SummaryArgs, fallback: FlowDirection[] = EXPORT_DIRECTIONS) {
  return { ...listArgs(ctx, args), directions: args.directions && args.directions.length > 0 ? args.directions : fallback };
}

/** Parameters of the summaries that can be narrowed to an HS prefix. */
export function productSummaryParams(ctx: RequestContext, args: ProductSummaryArgs) {
  const hsPrefix = textArg(args.hsPrefix, 'hsPrefix');
  if (hsPrefix !== null && !/^\d{1,10}$/.test(hsPrefix)) throw badUserInput('`hsPrefix` must be 1 to 10 digits');
  return { ...summaryParams(ctx, args), hsPrefix };
}
