/**
 * Everything of the Product type: the root list `products`, the lookups (graph id, HS code +
 * edition), the Named fields (NamedFields), the HS tree, categories, classification, origins,
 * exporters and importers, destinations, flows.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Int, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { loadByKey } from '../../graphql/loaders';
import { badUserInput } from '../../graphql/relay/bad-input';
import type { NodeValue } from '../../graphql/relay/node';
import { ListArgs, listArgs, loadNode, loadNodes, loadObjects, NodeRow } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { NamedFields } from '../shared/named.resolver';
import { hsPrefixArg, idArg, intArg, textArg } from '../../graphql/args';
import { RootList } from '../shared/root-list.resolver';
import { Category, Classification, CompanyTrade, PlaceTrade, RegionLink } from '../shared/summaries';
import { EntityValue, toValue } from '../shared/to-value';
import { SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { flowPage, flowPageRequest, loadTradeSummaries } from '../trade-flow/trade-flow.repository';
import { pageWithParent } from '../shared/with-parent';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { IMPORT_DIRECTIONS } from '../trade-flow/trade-flow.type';
import { Product } from './product.type';

export enum ProductSort {
  NAME = 'NAME',
  HS_CODE = 'HS_CODE',
  KEY = 'KEY',
}
registerEnumType(ProductSort, { name: 'ProductSort', description: 'NAME, HS_CODE (named products last) or KEY; ties broken by graph id.' });

@InputType('ProductFilter')
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, Chinese name or an alias.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'HS digits: entries whose code starts with them, and named products classified under one.' })
  hsPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'HS edition, e.g. HS2022.' })
  hsEdition?: string | null;

  @Field(() => Int, { nullable: true, description: '2 chapter, 4 heading, 6 subheading, 8/10 national line.' })
  hsLevel?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: named products only; false: HS entries only.' })
  named?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Region id: products originating in it or inside it.' })
  origin?: string | null;
}

// `product(id) { tradeFlows }`: the lookup and the first page in one query.
pageWithParent('Product', 'tradeFlows', (ctx, info, a, key) => flowPageRequest(ctx, info, a as unknown as FlowArgs, { as: 'product', key }));

@Resolver(() => Product)
export class ProductResolver extends RootList({
  type: Product,
  typeName: 'Product',
  list: 'products',
  description: 'Products: HS entries and named products.',
  query: 'product/page',
  filter: ProductFilter,
  params: (f) => ({
    name: textArg(f.name, 'name'),
    hsPrefix: hsPrefixArg(f.hsPrefix),
    hsEdition: textArg(f.hsEdition, 'hsEdition'),
    hsLevel: intArg(f.hsLevel, 'hsLevel', 0, 12),
    named: f.named ?? null,
    origin: idArg(f.origin, ['Region']),
  }),
  sort: ProductSort,
  defaultSort: ProductSort.NAME,
  base: NamedFields(Product),
}) {
  @Query(() => Product, { nullable: true, description: 'One product by graph id (hs2022:8711, product:...) or by HS code (latest edition unless `edition`).' })
  async product(
    @Arg('id', () => String, { nullable: true }) id: string | undefined,
    @Arg('hsCode', () => String, { nullable: true }) hsCode: string | undefined,
    @Arg('edition', () => String, { nullable: true, description: 'HS edition, e.g. HS2022.' }) edition: string | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityValue | null> {
    if (id != null) return nodeByKey(ctx, idArg(id, ['Product'])!, 'Product', info);
    const code = textArg(hsCode, 'hsCode');
    if (code === null) throw badUserInput('Pass `id` or `hsCode`');
    const rows = await loadByKey<NodeRow>(ctx, 'product/by-hs-code', { hsCode: code.replace(/\./g, ''), edition: textArg(edition, 'edition') });
    return rows[0] ? toValue(rows[0].node) : null;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The HS entry directly above (heading of a subheading, chapter of a heading); null for a named product (see categories).' })
  hsParent(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'product/parent', p.key);
  }

  @FieldResolver(() => [Product], { description: 'Every HS entry above, nearest first (HS entries only).' })
  hsAncestors(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'product/ancestors', p.key);
  }

  @FieldResolver(() => [Product], { description: 'HS entries directly below, by code (HS entries only; a category\'s products: members).' })
  hsChildren(@Root() p: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'product/children', p.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [Category], { description: 'Broader named products this named product is PART_OF (its categories, e.g. consumer goods for beef), with excerpts and note.' })
  categories(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'product/categories', p.key);
  }

  @FieldResolver(() => [Category], { description: 'Narrower named products PART_OF this named product (a category\'s members), by name.' })
  members(@Root() p: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'product/members', p.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [Classification], { description: 'HS entries this named product is classified under.' })
  classifiedAs(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'product/classified-as', p.key);
  }

  @FieldResolver(() => [Classification], { description: 'Named products classified under this HS entry or an entry below it.' })
  classifies(@Root() p: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'product/classifies', p.key, listArgs(ctx, list));
  }

  @FieldResolver(() => [RegionLink], { description: 'Regions the product originates in (specialties).' })
  origins(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadObjects(ctx, 'product/origins', p.key);
  }

  @FieldResolver(() => [CompanyTrade], { description: 'Companies exporting it (the flows of Product.tradeFlows), most flows first.' })
  exporters(@Root() p: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'product/traders', p.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => [CompanyTrade], { description: 'Companies importing it (the flows of Product.tradeFlows), most flows first.' })
  importers(@Root() p: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'product/traders', p.key, summaryParams(ctx, args, IMPORT_DIRECTIONS));
  }

  @FieldResolver(() => [PlaceTrade], { description: 'Where its flows go (exports by default): regions and markets.' })
  destinations(@Root() p: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'product/destinations', p.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => TradeFlowConnection, {
    description: 'Trade flows of this product: its HS sub-entries, the named products classified under them and, for a named product, the HS entries it is classified as (the product filter of tradeFlows).',
    complexity: 2,
  })
  tradeFlows(@Root() p: NodeValue, @Args() args: FlowArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return flowPage(ctx, info, args, { as: 'product', key: p.key });
  }
}
