/** The human-readable summary of an import, for the CLI. */
import type { ImportReport } from './index';

export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  const what = r.files.length === 1 ? r.files[0] : `${r.files.length} files`;
  const verdict = !r.ok
    ? r.written
      ? 'FAILED while writing; the batches committed before the failure are written'
      : r.run?.outcome === 'rolled-back'
        ? 'REJECTED, rolled back: nothing of it is visible'
        : 'REJECTED, nothing written'
    : r.written
      ? r.rejected > 0
        ? `written without the ${r.rejected} rejected row(s)`
        : 'written'
      : r.dryRun
        ? 'valid (dry run, nothing written)'
        : 'valid, nothing written';
  lines.push(`Import of ${what}: ${r.rows} record(s), ${r.rejected} rejected: ${verdict}`);
  if (r.run) {
    const how = r.run.publishedIn ? ` (published in ${r.run.publishedIn})` : '';
    lines.push(`  run ${r.run.id}: ${r.run.resumed ? 'resumed, ' : ''}${r.run.outcome}${how}`);
  }
  const skipped = Object.entries(r.skipped ?? {});
  if (skipped.length > 0) {
    lines.push(`${skipped.reduce((n, [, c]) => n + c, 0)} row(s) skipped, not imported:`);
    for (const [reason, n] of skipped) lines.push(`  ${n} row(s): ${reason}`);
  }
  const keys = Object.keys(r.counts);
  if (keys.length > 0) {
    const width = Math.max(...keys.map((k) => k.length));
    const total = { created: 0, updated: 0, unchanged: 0 };
    for (const k of keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
      const c = r.counts[k]!;
      total.created += c.created;
      total.updated += c.updated;
      total.unchanged += c.unchanged;
      lines.push(`  ${k.padEnd(width)}  created ${String(c.created).padStart(7)}  updated ${String(c.updated).padStart(7)}  unchanged ${String(c.unchanged).padStart(7)}`);
    }
    lines.push(`  ${'total'.padEnd(width)}  created ${String(total.created).padStart(7)}  updated ${String(total.updated).padStart(7)}  unchanged ${String(total.unchanged).padStart(7)}`);
  }
  if ((r.notices ?? []).length > 0) {
    lines.push('Notices:');
    for (const n of r.notices) lines.push(`  ${group(n)}`);
  }
  if (r.errorCount > 0) {
    const listed = r.errors.reduce((n, e) => n + e.count, 0);
    const shown = listed < r.errorCount ? ` (${r.errorCount - listed} more not listed)` : '';
    lines.push(`${r.errorCount} error(s)${shown}:`);
    for (const e of r.errors) lines.push(`  ${group(e)}`);
  }
  if (r.rejectsFile) lines.push(`Rejected rows written to ${r.rejectsFile} (file, line, reason, record).`);
  return lines.join('\n');
}

/** "file:line: message", or "1,352 rows: message; first at file:line" for a repeated one. */
function group(g: { file: string; line: number; message: string; count: number }): string {
  const at = `${g.file}${g.line > 0 ? `:${g.line}` : ''}`;
  return g.count > 1 ? `${g.count.toLocaleString('en-US')} rows: ${g.message}; first at ${at}` : `${at}: ${g.message}`;
}

/** Labels (capitalized words) before relationship types (UPPER_CASE). */
function rank(key: string): number {
  return key === key.toUpperCase() ? 1 : 0;
}
