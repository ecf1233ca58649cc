/**
 * Products: root list and lookups (graph id, HS code + edition), HS tree, classification, origins,
 * exporters and importers, destinations, flows, figures.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, Info, InputType, Int, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/relay/bad-input';
import { connectionType } from '../../graphql/relay/connection';
import type { NodeValue } from '../../graphql/relay/node';
import { runNamed } from '../../graphql/loaders';
import { PageArgs, SortDirection } from '../../graphql/relay/page';
import { FigureArgs } from '../figure/figure.inputs';
import { FigureConnection, figuresAbout } from '../figure/figure.resolver';
import { ListArgs, listArgs, loadNode, loadNodes, loadObjects, NodeRow } from '../shared/load';
import { nodeByKey } from '../shared/node.resolver';
import { idArg, intArg, rootConnection, textArg } from '../shared/page';
import { Classification, CompanyTrade, PlaceTrade, RegionLink } from '../shared/summaries';
import { EntityValue, toValue } from '../shared/to-value';
import { IMPORT_DIRECTIONS, SummaryArgs, summaryParams } from '../trade-flow/summary-args';
import { FlowArgs } from '../trade-flow/trade-flow.inputs';
import { loadTradeSummaries, nestedFlowPage } from '../trade-flow/trade-flow.repository';
import { TradeFlowConnection } from '../trade-flow/trade-flow.resolver';
import { Product } from './product.type';

export const ProductConnection = connectionType(Product, 'Product');

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

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'Products: HS entries and named products.', complexity: 2 })
  products(
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.NAME }) sort: ProductSort,
    @Arg('direction', () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const f = filter ?? {};
    const hsPrefix = textArg(f.hsPrefix, 'hsPrefix');
    if (hsPrefix !== null && !/^\d{1,10}$/.test(hsPrefix)) throw badUserInput('`hsPrefix` must be 1 to 10 digits');
    const params = {
      name: textArg(f.name, 'name'),
      hsPrefix,
      hsEdition: textArg(f.hsEdition, 'hsEdition'),
      hsLevel: intArg(f.hsLevel, 'hsLevel', 0, 12),
      named: f.named ?? null,
      origin: idArg(f.origin, ['Region']),
    };
    return rootConnection(ctx, info, 'product/page', params, page, { sort, direction });
  }

  @Query(() => Product, { nullable: true, description: 'One product by graph id (hs2022:8711, product:...) or by HS code (latest edition unless `edition`).' })
  async product(
    @Arg('id', () => String, { nullable: true }) id: string | undefined,
    @Arg('hsCode', () => String, { nullable: true }) hsCode: string | undefined,
    @Arg('edition', () => String, { nullable: true, description: 'HS edition, e.g. HS2022.' }) edition: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<EntityValue | null> {
    if (id != null) return nodeByKey(ctx, idArg(id, ['Product'])!, 'Product');
    const code = textArg(hsCode, 'hsCode');
    if (code === null) throw badUserInput('Pass `id` or `hsCode`');
    const rows = await runNamed<Omit<NodeRow, 'parentId'>>(ctx, 'product/by-hs-code', { hsCode: code.replace(/\./g, ''), edition: textArg(edition, 'edition') });
    return rows[0] ? toValue(rows[0].node) : null;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The HS entry directly above (heading of a subheading, chapter of a heading).' })
  hsParent(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNode(ctx, 'product/parent', p.key);
  }

  @FieldResolver(() => [Product], { description: 'Every HS entry above, nearest first.' })
  hsAncestors(@Root() p: NodeValue, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'product/ancestors', p.key);
  }

  @FieldResolver(() => [Product], { description: 'HS entries directly below, by code.' })
  hsChildren(@Root() p: NodeValue, @Args() list: ListArgs, @Ctx() ctx: RequestContext) {
    return loadNodes(ctx, 'product/children', p.key, listArgs(ctx, list));
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

  @FieldResolver(() => [CompanyTrade], { description: 'Companies exporting it (HS sub-entries and classified products included), most flows first.' })
  exporters(@Root() p: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'product/traders', p.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => [CompanyTrade], { description: 'Companies importing it, most flows first.' })
  importers(@Root() p: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'product/traders', p.key, summaryParams(ctx, args, IMPORT_DIRECTIONS));
  }

  @FieldResolver(() => [PlaceTrade], { description: 'Where its flows go (exports by default): regions and markets.' })
  destinations(@Root() p: NodeValue, @Args() args: SummaryArgs, @Ctx() ctx: RequestContext) {
    return loadTradeSummaries(ctx, 'product/destinations', p.key, summaryParams(ctx, args));
  }

  @FieldResolver(() => TradeFlowConnection, { description: 'Trade flows of this product, its HS sub-entries and classified named products.', complexity: 2 })
  tradeFlows(
    @Root() p: NodeValue,
    @Args() args: FlowArgs,
    @Arg('viaClassification', () => Boolean, {
      defaultValue: true,
      description: 'For a named product, also the flows recorded under the HS entries it is classified as (customs data is recorded by HS code).',
    })
    viaClassification: boolean,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return nestedFlowPage(ctx, info, 'trade-flow/of-product', p.key, args, { viaClassification });
  }

  @FieldResolver(() => FigureConnection, { description: 'Figures about this product.', complexity: 2 })
  figures(@Root() p: NodeValue, @Args() args: FigureArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return figuresAbout(ctx, info, p.key, args);
  }
}
