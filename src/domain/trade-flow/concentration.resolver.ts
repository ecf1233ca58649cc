/**
 * `concentration`: which products or markets depend on a single exporter (one named query per grouping).
 */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import neo4j, { Node as Neo4jNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { runNamed } from '../../graphql/loaders';
import { badUserInput } from '../../graphql/relay/bad-input';
import { intArg, textArg } from '../shared/page';
import { toValue } from '../shared/to-value';
import { Concentration, ConcentrationBy, ConcentrationFilter, ExporterShare } from './concentration.type';
import { EXPORT_DIRECTIONS } from './summary-args';

const QUERY: Record<ConcentrationBy, string> = {
  [ConcentrationBy.PRODUCT]: 'analysis/concentration-by-product',
  [ConcentrationBy.MARKET]: 'analysis/concentration-by-market',
  [ConcentrationBy.DESTINATION]: 'analysis/concentration-by-destination',
};

interface Row {
  subject: Neo4jNode;
  flowCount: number;
  total: number;
  byValue: boolean;
  exporterCount: number;
  hhi: number;
  shares: { company: Neo4jNode; flows: number; value: number; share: number }[];
}

@Resolver()
export class ConcentrationResolver {
  @Query(() => [Concentration], {
    description: 'Products or markets by exporter concentration (HHI, top exporter share), most concentrated first.',
    complexity: 10,
  })
  async concentration(
    @Arg('by', () => ConcentrationBy) by: ConcentrationBy,
    @Arg('filter', () => ConcentrationFilter, { nullable: true }) filter: ConcentrationFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Concentration[]> {
    const f = filter ?? {};
    const max = ctx.config.graphql.maxPageSize;
    if (first < 0 || first > max) throw badUserInput(`\`first\` must be between 0 and ${max} (the maximum page size); got ${first}`);
    const hsPrefix = textArg(f.hsPrefix, 'hsPrefix');
    if (hsPrefix !== null && !/^\d{1,10}$/.test(hsPrefix)) throw badUserInput('`hsPrefix` must be 1 to 10 digits');
    const maxExporters = intArg(f.maxExporters, 'maxExporters', 1, 1_000_000);
    const rows = await runNamed<Row>(ctx, QUERY[by], {
      directions: f.direction && f.direction.length > 0 ? f.direction : EXPORT_DIRECTIONS,
      yearFrom: intArg(f.yearFrom, 'yearFrom'),
      yearTo: intArg(f.yearTo, 'yearTo'),
      hsPrefix,
      maxExporters: maxExporters === null ? null : neo4j.int(maxExporters),
      limit: neo4j.int(first),
    });
    return rows.map((r) => {
      const exporters: ExporterShare[] = r.shares
        .map((s) => ({ company: toValue(s.company), share: s.share, flowCount: s.flows, value: r.byValue ? s.value : null }))
        .sort((a, b) => b.share - a.share || (a.company.key < b.company.key ? -1 : 1));
      return {
        subject: toValue(r.subject),
        exporterCount: r.exporterCount,
        flowCount: r.flowCount,
        totalValue: r.byValue ? r.total : null,
        basis: r.byValue ? 'VALUE' : 'FLOW_COUNT',
        hhi: r.hhi,
        topExporter: exporters[0] ?? null,
        exporters,
      };
    });
  }
}
