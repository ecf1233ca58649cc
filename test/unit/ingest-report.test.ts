import { formatReport, ImportReport } from '../../src/ingest';

const base: ImportReport = { ok: true, files: ['a.csv'], rows: 3, rejected: 0, errors: [], errorCount: 0, counts: {}, written: true, dryRun: false };

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

  it('says when nothing was written and lists errors with file:line, noting a capped list', () => {
    const text = formatReport({
      ...base,
      ok: false,
      written: false,
      rejected: 2,
      errors: [{ file: 'a.csv', line: 4, message: 'Trade Value (US$) is empty' }],
      errorCount: 1200,
    });
    expect(text).toBe(
      ['Import of a.csv: 3 record(s), 2 rejected: REJECTED, nothing written', '1200 error(s) (first 1 shown):', '  a.csv:4: Trade Value (US$) is empty'].join('\n'),
    );
  });

  it('describes a dry run', () => {
    expect(formatReport({ ...base, written: false, dryRun: true })).toBe('Import of a.csv: 3 record(s), 0 rejected: valid (dry run, nothing written)');
  });
});
