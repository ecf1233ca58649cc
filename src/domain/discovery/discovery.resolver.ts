/**
 * Discovery root fields: `metrics`, `units`, `periods`, `sourceKinds` (cypher/queries/discovery/).
 * Each is one aggregation over its label, so it costs a scan of the figures, flows or sources: a
 * complexity of 25 each keeps a request from asking for many of them at once with other heavy fields.
 */
import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { runNamed } from '../../graphql/loaders';
import { plainProps } from '../shared/to-value';
import { MetricCount, PeriodCount, SourceKindCount, UnitCount } from './discovery.types';

const COST = 25;

async function rows<T>(ctx: RequestContext, name: string): Promise<T[]> {
  const raw = await runNamed<Record<string, unknown>>(ctx, name);
  return raw.map((r) => plainProps(r) as T);
}

const sorted = (list: (string | null)[]): string[] => list.filter((s): s is string => typeof s === 'string').sort();

@Resolver()
export class DiscoveryResolver {
  @Query(() => [MetricCount], { description: 'The figure metrics in the graph, most figures first, with their units.', complexity: COST })
  async metrics(@Ctx() ctx: RequestContext): Promise<MetricCount[]> {
    return (await rows<MetricCount>(ctx, 'discovery/metrics')).map((m) => ({ ...m, units: sorted(m.units) }));
  }

  @Query(() => [UnitCount], { description: 'The units values are stated in (figure units, flow currencies and quantity units), most used first.', complexity: COST })
  units(@Ctx() ctx: RequestContext): Promise<UnitCount[]> {
    return rows<UnitCount>(ctx, 'discovery/units');
  }

  @Query(() => [PeriodCount], { description: 'The periods figures and flows are stated for, latest first; facts without a period last.', complexity: COST })
  periods(@Ctx() ctx: RequestContext): Promise<PeriodCount[]> {
    return rows<PeriodCount>(ctx, 'discovery/periods');
  }

  @Query(() => [SourceKindCount], { description: 'The kinds of source in the graph, with sources and excerpts counted.', complexity: COST })
  async sourceKinds(@Ctx() ctx: RequestContext): Promise<SourceKindCount[]> {
    return (await rows<SourceKindCount>(ctx, 'discovery/source-kinds')).map((k) => ({ ...k, languages: sorted(k.languages) }));
  }
}
