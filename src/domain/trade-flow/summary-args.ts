/**
 * Arguments of the trade-summary fields (Company.products, Product.exporters, Market.suppliers, ...):
 * they narrow the parent's flows with the same filter as tradeFlows (parts/trade-flows).
 */
import { ArgsType, Field } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListArgs, listArgs } from '../shared/load';
import { flowParams } from './trade-flow.repository';
import { EXPORT_DIRECTIONS, FlowDirection } from './trade-flow.type';

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

/** `$limit` and `$filter` of a summary query: the directions asked (or `fallback`), the HS prefix when it has one. */
export function summaryParams(ctx: RequestContext, args: ProductSummaryArgs, fallback: FlowDirection[] = EXPORT_DIRECTIONS) {
  const direction = args.directions && args.directions.length > 0 ? args.directions : fallback;
  return { ...listArgs(ctx, args), filter: flowParams({ direction, hsPrefix: args.hsPrefix }) };
}
