/**
 * Reading a V8 CPU profile (`node --cpu-prof`; pure, unit-tested): time per function (self) and
 * per package or source folder (self, and inclusive: a sample counts once for every area on its
 * stack), as Markdown tables.
 */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (node_modules/<name> or @scope/name), source folder (src/graphql), or V8 category of a frame. */
export function areaOf(url: string, functionName: string, root: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (file.startsWith('node:')) return `node:${file.slice(5).split('/')[0]}`;
  const rel = file.startsWith(root) ? file.slice(root.length + 1) : file;
  const segs = rel.replace(/^dist\//, '').split('/');
  return segs.length > 2 ? segs.slice(0, 2).join('/') : segs.slice(0, -1).join('/') || rel;
}

export function summarizeProfile(p: CpuProfile, root: string, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per node: each sample's delta goes to the node sampled (the next sample's delta, V8's convention).
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;

  const fnSelf = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const areaIncl = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') continue;
    const area = areaOf(n.callFrame.url, n.callFrame.functionName, root);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${area}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    fnSelf.set(fn, (fnSelf.get(fn) ?? 0) + us);
    areaSelf.set(area, (areaSelf.get(area) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (f.functionName === '(root)') continue;
      seen.add(areaOf(f.url, f.functionName, root));
    }
    for (const a of seen) areaIncl.set(a, (areaIncl.get(a) ?? 0) + us);
  }
  const pct = (us: number) => (busy > 0 ? ((100 * us) / busy).toFixed(1) : '0.0');
  const ms = (us: number) => (us / 1000).toFixed(0);
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const out = [
    `busy ${ms(busy)} ms of ${ms(total)} ms sampled (idle ${total > 0 ? ((100 * idle) / total).toFixed(1) : '0.0'}% of the time)`,
    '',
    '| function (self) | ms | % of busy |',
    '|---|---:|---:|',
    ...rows(fnSelf).map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${ms(v)} | ${pct(v)} |`),
    '',
    '| package or folder | self ms | self % | inclusive ms | inclusive % |',
    '|---|---:|---:|---:|---:|',
    ...rows(areaIncl).map(([k, v]) => `| ${k} | ${ms(areaSelf.get(k) ?? 0)} | ${pct(areaSelf.get(k) ?? 0)} | ${ms(v)} | ${pct(v)} |`),
  ];
  return out.join('\n') + '\n';
}
