import path from 'node:path';
import { emptyItem } from '../../src/ingest/build';
import { ImportChecks } from '../../src/ingest/checks';
import { CuratedReader, parseCuratedLine } from '../../src/ingest/readers/curated';
import type { RowItem } from '../../src/ingest/types';
import { genericRecordTypes, recordTypeOfLabel } from '../../src/ingest/readers/curated-schema';
import { NODE_LABELS } from '../../src/model';

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
    expect(item.nodes).toEqual([
      { label: 'Company', id: 'company:changan', props: { name: "Chang'an Automobile", kind: 'enterprise' }, owned: ['name', 'nameZh', 'aliases', 'kind', 'note'] },
    ]);
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
    expect(item.rels).toEqual([{ type: 'EXCERPT_OF', fromId: 'excerpt:e1', toId: 'source:s', props: {}, excerptIds: [], owned: [], ownsExcerpts: true }]);
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

  it('stores a note on every record type: on the node, or on the relationship of a membership or link', () => {
    const note = '  The source does not say. ';
    const records: Record<string, unknown>[] = [
      { type: 'source', id: 'source:s', title: 't', kind: 'secondary-report' },
      { type: 'excerpt', id: 'excerpt:e', source: 'source:s', text: 'x' },
      { type: 'region', id: 'gb:500156', name: 'Wulong', kind: 'district', excerpts: ['excerpt:e'] },
      { type: 'market', id: 'market:m', name: 'M', kind: 'trade-bloc', excerpts: ['excerpt:e'] },
      { type: 'company', id: 'company:c', name: 'C', excerpts: ['excerpt:e'] },
      { type: 'product', id: 'product:p', name: 'P', excerpts: ['excerpt:e'] },
      { type: 'hs', id: 'hs2022:87', code: '87', edition: 'HS2022', level: 2, description: 'Vehicles', excerpts: ['excerpt:e'] },
      { type: 'policy', id: 'policy:p', name: 'P', kind: 'plan', excerpts: ['excerpt:e'] },
      { type: 'facility', id: 'facility:f', name: 'F', kind: 'factory', excerpts: ['excerpt:e'] },
      { type: 'figure', id: 'figure:f', metric: 'm', value: 1, unit: 'u', periodStart: 2024, periodEnd: 2024, about: ['gb:500156'], statement: 's', excerpts: ['excerpt:e'] },
      { type: 'flow', id: 'flow:f', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, excerpts: ['excerpt:e'] },
    ];
    for (const r of records) {
      const item = parse({ ...r, note });
      expect({ type: r.type, errors: item.errors, note: item.nodes[0]?.props.note }).toEqual({ type: r.type, errors: [], note: 'The source does not say.' });
    }
    const membership = parse({ type: 'membership', region: 'iso:THA', market: 'market:m', excerpts: ['excerpt:e'], note });
    expect(membership.rels[0]!.props).toEqual({ note: 'The source does not say.' });
    const link = parse({ type: 'link', from: 'company:c', rel: 'ACTIVE_IN', to: 'market:m', excerpts: ['excerpt:e'], note });
    expect(link.rels[0]).toEqual({
      type: 'ACTIVE_IN',
      fromId: 'company:c',
      toId: 'market:m',
      excerptIds: ['excerpt:e'],
      props: { note: 'The source does not say.', statedByLink: true },
      owned: ['note', 'statedByLink'],
    });
  });

  it("puts a product's note on the product node and on its CLASSIFIED_AS link", () => {
    const item = parse({ type: 'product', id: 'product:beef', name: 'Beef', classifiedAs: 'hs2022:0201', note: 'Form not stated.', excerpts: ['excerpt:e'] });
    expect(item.nodes[0]!.props.note).toBe('Form not stated.');
    expect(item.rels.find((r) => r.type === 'CLASSIFIED_AS')!.props).toEqual({ note: 'Form not stated.' });
  });

  it('accepts a qualitative figure (no value, unit, qualifier or period) and checks value and unit go together', () => {
    const base = { type: 'figure', id: 'figure:q', metric: 'first-independent-export', about: ['product:p'], statement: 'P was exported for the first time.', excerpts: ['excerpt:e'] };
    const ok = parse(base);
    expect(ok.errors).toEqual([]);
    expect(ok.nodes[0]!.props).toEqual({ metric: 'first-independent-export', statement: 'P was exported for the first time.' });
    expect(ok.factValue).toBe('qualitative');
    expect(parse({ ...base, value: 3 }).errors).toEqual(['value and unit go together: both for a quantity, neither for a qualitative fact']);
    expect(parse({ ...base, unit: 'products' }).errors).toEqual(['value and unit go together: both for a quantity, neither for a qualitative fact']);
    expect(parse({ ...base, qualifier: 'at-least' }).errors).toEqual(['qualifier: qualifies a value; a qualitative figure (no value) has none']);
    expect(parse({ ...base, periodStart: 2024 }).errors).toEqual(['periodStart and periodEnd go together']);
    expect(parse({ ...base, baselineStart: 2020, baselineEnd: 2020 }).errors).toEqual(['baselineStart: a baseline needs the period it is compared with']);
    // A stated number without a qualifier is exact.
    expect(parse({ ...base, value: 3, unit: 'products' }).nodes[0]!.props.qualifier).toBe('exact');
  });

  it('allows an open-ended policy period and an established date on markets, facilities and policies', () => {
    const zone = parse({ type: 'policy', id: 'policy:z', name: 'Z', kind: 'zone', periodStart: 2017, established: '2017-03-15', excerpts: ['excerpt:e'] });
    expect(zone.errors).toEqual([]);
    expect(zone.nodes[0]!.props).toMatchObject({ periodStart: 2017, established: '2017-03-15' });
    expect(zone.nodes[0]!.props.periodEnd).toBeUndefined();
    expect(parse({ type: 'policy', id: 'policy:z', name: 'Z', kind: 'zone', periodEnd: 2017, excerpts: ['excerpt:e'] }).errors).toEqual([
      'periodEnd: needs periodStart (a period may be open-ended, not start-less)',
    ]);
    expect(parse({ type: 'market', id: 'market:m', name: 'M', kind: 'trade-bloc', established: '1967', excerpts: ['excerpt:e'] }).nodes[0]!.props.established).toBe('1967');
    expect(parse({ type: 'facility', id: 'facility:f', name: 'F', kind: 'factory', established: '16 May 2025', excerpts: ['excerpt:e'] }).errors).toEqual([
      'established: must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('links a named product only to a broader named product with PART_OF, never into the HS tree', () => {
    expect(parse({ type: 'link', from: 'product:beef', rel: 'PART_OF', to: 'product:consumer-goods', excerpts: ['excerpt:e'] }).errors).toEqual([]);
    for (const [from, to] of [
      ['product:beef', 'hs2022:02'],
      ['hs2022:0201', 'product:consumer-goods'],
    ]) {
      expect(parse({ type: 'link', from, rel: 'PART_OF', to, excerpts: ['excerpt:e'] }).errors).toEqual([expect.stringMatching(/^rel: PART_OF between products joins two named products/)]);
    }
    expect(parse({ type: 'link', from: 'product:beef', rel: 'PART_OF', to: 'product:beef', excerpts: ['excerpt:e'] }).errors).toEqual(['to: a link cannot join product:beef to itself']);
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

describe('record types derived from the model', () => {
  const allLabels = NODE_LABELS as readonly string[];

  it('every kind of the model is written by a record type of its own today (no generic record is in use)', () => {
    expect(genericRecordTypes(new Set(allLabels)).size).toBe(0);
    expect(parse({ type: 'no-such-kind', id: 'x:1' }).errors).toEqual([expect.stringMatching(/^type: must be one of source, excerpt, region, .*link \(got "no-such-kind"\)$/)]);
  });

  it('gives a kind that no record type writes (a kind just added to the model) a named record with its kinds', () => {
    // As if Market had only its row in src/model.ts: the generic record is derived from that row.
    const generic = genericRecordTypes(new Set(allLabels.filter((l) => l !== 'Market')));
    expect([...generic.keys()]).toEqual(['market']);
    const { label, schema } = generic.get('market')!;
    expect(label).toBe('Market');
    const ok = schema.safeParse({ type: 'market', id: 'market:test-bloc', name: '  Test  Bloc ', kind: 'trade-bloc', established: '2001', excerpts: ['excerpt:x-1'] });
    expect(ok.success && ok.data).toEqual({ type: 'market', id: 'market:test-bloc', name: 'Test Bloc', kind: 'trade-bloc', established: '2001', excerpts: ['excerpt:x-1'] });
    const bad = schema.safeParse({ type: 'market', id: 'company:x', name: 'X', kind: 'club', excerpts: [], headquarters: 'gb:500000' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.') || i.code);
    expect(paths).toEqual(expect.arrayContaining(['id', 'kind', 'excerpts', 'unrecognized_keys']));
  });

  it('names a generic record type after its label in kebab case', () => {
    expect(recordTypeOfLabel('Market')).toBe('market');
    expect(recordTypeOfLabel('SeaPort')).toBe('sea-port');
  });
});
