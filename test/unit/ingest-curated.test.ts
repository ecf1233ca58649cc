import path from 'node:path';
import { emptyItem } from '../../src/ingest/build';
import { ImportChecks } from '../../src/ingest/checks';
import { CuratedReader, parseCuratedLine } from '../../src/ingest/readers/curated';
import type { RowItem } from '../../src/ingest/types';

const FIX = path.join(__dirname, '..', 'fixtures', 'ingest', 'curated');
const opts = { hsEdition: 'HS2022', createMissing: false };

function parse(obj: unknown): RowItem {
  return parseCuratedLine(JSON.stringify(obj), emptyItem('f.jsonl', 7));
}

async function readAll(file: string): Promise<RowItem[]> {
  const out: RowItem[] = [];
  for await (const item of new CuratedReader().read(file, opts)) out.push(item);
  return out;
}

describe('curated records', () => {
  it('turns a company into a node, its headquarters and its provenance edges, with a normalized name', () => {
    const item = parse({ type: 'company', id: 'company:changan', name: ' Chang’an  Automobile', kind: 'enterprise', headquarters: 'gb:500000', excerpts: ['excerpt:e1', 'excerpt:e2'] });
    expect(item.errors).toEqual([]);
    expect(item.nodes).toEqual([{ label: 'Company', id: 'company:changan', props: { name: "Chang'an Automobile", kind: 'enterprise' } }]);
    expect(item.rels.map((r) => [r.type, r.fromId, r.toId, r.excerptIds])).toEqual([
      ['HEADQUARTERED_IN', 'company:changan', 'gb:500000', ['excerpt:e1', 'excerpt:e2']],
      ['STATED_IN', 'company:changan', 'excerpt:e1', []],
      ['STATED_IN', 'company:changan', 'excerpt:e2', []],
    ]);
  });

  it('keeps excerpt text verbatim (no trim, no quote normalization)', () => {
    const text = '  “Chang’an”  exports\u00a0grew. ';
    const item = parse({ type: 'excerpt', id: 'excerpt:e1', source: 'source:s', text });
    expect(item.nodes[0]!.props.text).toBe(text);
    expect(item.rels).toEqual([{ type: 'EXCERPT_OF', fromId: 'excerpt:e1', toId: 'source:s', props: {}, excerptIds: [] }]);
  });

  it('reports every field error of a record, not only the first', () => {
    const item = parse({ type: 'flow', id: 'flow:x', direction: 'SIDEWAYS', periodStart: 2024, periodEnd: 2023.5, value: -1, excerpts: [], colour: 'red' });
    expect(item.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^direction: /),
        expect.stringMatching(/^periodEnd: must be a whole year/),
        expect.stringMatching(/^value: must not be negative/),
        expect.stringMatching(/^excerpts: every record except a source must cite at least one excerpt/),
        expect.stringMatching(/Unrecognized key.*colour/),
      ]),
    );
    expect(item.nodes).toEqual([]);
  });

  it('allows a negative figure only as a percent change', () => {
    const base = { type: 'figure', id: 'figure:f', metric: 'export-value-growth', unit: 'percent', periodStart: 2024, periodEnd: 2024, about: ['gb:500000'], statement: 's', excerpts: ['excerpt:e'] };
    expect(parse({ ...base, value: -3.5 }).errors).toEqual([]);
    expect(parse({ ...base, unit: 'enterprises', value: -3 }).errors).toEqual(['value: must not be negative (only a change in percent can be), got -3']);
  });

  it('checks HS ids, levels and parents against each other', () => {
    const item = parse({ type: 'hs', id: 'hs2017:8711', code: '871120', edition: 'HS2022', level: 4, description: 'x', parent: 'hs2022:88', excerpts: ['excerpt:e'] });
    expect(item.errors).toEqual([
      'id: must be hs2022:871120 for code 871120 of HS2022',
      'level: 4 does not match the 6-digit code 871120',
      'parent: must be hs2022:8711 for code 871120',
    ]);
  });

  it('rejects links with relationship types outside the model', () => {
    expect(parse({ type: 'link', from: 'policy:p', rel: 'LIKES', to: 'company:c', excerpts: ['excerpt:e'] }).errors).toEqual([
      'rel: LIKES is not a relationship type a link can state (docs/model.md)',
    ]);
  });

  it('reads the good fixture without errors, skipping comments and blank lines', async () => {
    const items = [...(await readAll(path.join(FIX, 'good', '01-sources.jsonl'))), ...(await readAll(path.join(FIX, 'good', '02-graph.jsonl')))];
    expect(items.flatMap((i) => i.errors)).toEqual([]);
    expect(items.map((i) => i.line).slice(0, 3)).toEqual([2, 3, 4]);
    const wulong = items.find((i) => i.key === 'gb:500156')!;
    expect(wulong.nodes[0]!.props.name).toBe('Wulong');
  });

  it('lists every error of the bad fixture with its line', async () => {
    const items = await readAll(path.join(FIX, 'bad.jsonl'));
    const errs = items.flatMap((i) => i.errors.map((e) => `${i.line}: ${e}`));
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3: excerpts: every record/),
        expect.stringMatching(/^4: name: must not be empty/),
        expect.stringMatching(/^4: .*Unrecognized key.*excerpt/),
        expect.stringMatching(/^5: periodStart 2025 is after periodEnd 2024/),
        expect.stringMatching(/^5: value: must not be negative/),
        expect.stringMatching(/^10: type: must be one of/),
        expect.stringMatching(/^11: source: /),
        expect.stringMatching(/^12: not valid JSON/),
        expect.stringMatching(/^15: value: /),
      ]),
    );
  });
});

describe('import checks', () => {
  const item = (line: number, obj: unknown): RowItem => parseCuratedLine(JSON.stringify(obj), emptyItem('f.jsonl', line));
  const market = { type: 'market', id: 'market:asean', name: 'ASEAN', kind: 'trade-bloc', excerpts: ['excerpt:e'] };

  it('treats an identical repetition as harmless and a different one as a conflict naming both lines', () => {
    const checks = new ImportChecks();
    expect(checks.add(item(1, market)).status).toBe('new');
    expect(checks.add(item(2, market)).status).toBe('repeat');
    const third = checks.add(item(3, { ...market, name: 'ASEAN bloc' }));
    expect(third).toEqual({ status: 'conflict', errors: ['market:asean is defined twice with different content: here and at f.jsonl:1'] });
  });

  it('finds conflicting facts: same dimensions, different values', () => {
    const checks = new ImportChecks();
    const flow = { type: 'flow', direction: 'EXPORT', from: 'gb:500000', to: 'market:asean', periodStart: 2024, periodEnd: 2024, currency: 'USD', excerpts: ['excerpt:e'] };
    checks.add(item(1, { ...flow, id: 'flow:a', value: 10 }));
    expect(checks.add(item(2, { ...flow, id: 'flow:b', value: 10 })).status).toBe('new');
    const res = checks.add(item(3, { ...flow, id: 'flow:c', value: 12 }));
    expect(res.status).toBe('conflict');
    expect(res.errors).toEqual(['conflicting facts: flow:c states 12 where the fact at f.jsonl:1 states 10 for the same dimensions']);
  });

  it('finds conflicting facts also after spilling to disk', async () => {
    const checks = new ImportChecks(1);
    const flow = { type: 'flow', direction: 'EXPORT', from: 'gb:500000', periodStart: 2024, periodEnd: 2024, excerpts: ['excerpt:e'] };
    checks.add(item(1, { ...flow, id: 'flow:a', value: 10 }));
    checks.add(item(2, { ...flow, id: 'flow:b', value: 10, to: 'market:x' }));
    expect(checks.add(item(3, { ...flow, id: 'flow:c', value: 12 })).status).toBe('new');
    expect(await checks.finish()).toEqual([{ file: 'f.jsonl', line: 3, message: 'conflicting facts: this record states 12 where the fact at f.jsonl:1 states 10 for the same dimensions' }]);
  });

  it('remembers unresolved references with their first place and count, forward references resolve', () => {
    const checks = new ImportChecks();
    checks.add(item(1, { type: 'company', id: 'company:c', name: 'C', headquarters: 'gb:500000', excerpts: ['excerpt:e'] }));
    checks.add(item(2, { type: 'excerpt', id: 'excerpt:e', source: 'source:s', text: 't' }));
    checks.add(item(3, { type: 'company', id: 'company:d', name: 'D', headquarters: 'gb:500000', excerpts: ['excerpt:e'] }));
    expect(Object.fromEntries(checks.unresolved())).toEqual({
      'gb:500000': { file: 'f.jsonl', line: 1, count: 2 },
      'source:s': { file: 'f.jsonl', line: 2, count: 1 },
    });
  });
});
