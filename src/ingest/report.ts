/** The human-readable summary of an import, for the CLI. */
import type { ImportReport } from './index';

export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  const what = r.files.length === 1 ? r.files[0] : `${r.files.length} files`;
  const verdict = !r.ok
    ? r.written
      ? 'FAILED while writing; the batches committed before the failure are written'
      : 'REJECTED, nothing written'
    : r.written
      ? 'written'
      : r.dryRun
        ? 'valid (dry run, nothing written)'
        : 'valid, nothing written';
  lines.push(`Import of ${what}: ${r.rows} record(s), ${r.rejected} rejected: ${verdict}`);
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
  if (r.errorCount > 0) {
    const shown = r.errors.length < r.errorCount ? ` (first ${r.errors.length} shown)` : '';
    lines.push(`${r.errorCount} error(s)${shown}:`);
    for (const e of r.errors) lines.push(`  ${e.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.message}`);
  }
  return lines.join('\n');
}

/** Labels (capitalized words) before relationship types (UPPER_CASE). */
function rank(key: string): number {
  return key === key.toUpperCase() ? 1 : 0;
}
