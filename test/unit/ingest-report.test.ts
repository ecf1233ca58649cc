import { formatReport, ImportReport } from '../../src/ingest';

const base: ImportReport = { ok: true, files: ['a.csv'], rows: 3, rejected: 0, errors: [], errorCount: 0, counts: {}, written: true, dryRun: false, skipped: {}, notices: [] };

describe('formatReport', () => {
  it('lists labels before relationship types, with totals', () => {
    const text = formatReport({
      ...base,
      counts: { STATED_IN: { created: 2, updated: 0, unchanged: 1 }, TradeFlow: { created: 2, updated: 1, unchanged: 0 } },
    });
    expect(text.split('\n')).toEqual([
      'Import of a.csv: 3 record(s), 0 rejected: written',
      '  TradeFlow  created       2  updated       1  unchanged       0',
      '  STATED_IN  created       2  updated       0  unchanged       1',
      '  total      created       4  updated       1  unchanged       1',
    ]);
  });

  it('says when nothing was written and lists errors with file:line, identical ones grouped, noting a capped list', () => {
    const text = formatReport({
      ...base,
      ok: false,
      written: false,
      rejected: 1353,
      errors: [
        { file: 'a.csv', line: 2, message: 'row has 48 fields but the header has 47', count: 1352 },
        { file: 'a.csv', line: 4, message: 'Trade Value (US$) is empty', count: 1 },
      ],
      errorCount: 1400,
    });
    expect(text).toBe(
      [
        'Import of a.csv: 3 record(s), 1353 rejected: REJECTED, nothing written',
        '1400 error(s) (47 more not listed):',
        '  1,352 rows: row has 48 fields but the header has 47; first at a.csv:2',
        '  a.csv:4: Trade Value (US$) is empty',
      ].join('\n'),
    );
  });

  it('lists skipped rows per reason, notices and the run', () => {
    const text = formatReport({
      ...base,
      rows: 5,
      skipped: { 'partner is World (0)': 2 },
      notices: [{ file: 'a.csv', line: 3, message: 'commodity code lost its leading zero: restored', count: 2 }],
      run: { id: 'run-1', outcome: 'published', resumed: true, publishedIn: 'one transaction' },
    });
    expect(text.split('\n')).toEqual([
      'Import of a.csv: 5 record(s), 0 rejected: written',
      '  run run-1: resumed, published (published in one transaction)',
      '2 row(s) skipped, not imported:',
      '  2 row(s): partner is World (0)',
      'Notices:',
      '  2 rows: commodity code lost its leading zero: restored; first at a.csv:3',
    ]);
  });

  it('describes a dry run', () => {
    expect(formatReport({ ...base, written: false, dryRun: true })).toBe('Import of a.csv: 3 record(s), 0 rejected: valid (dry run, nothing written)');
  });
});
