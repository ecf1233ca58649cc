/*
 * tradegraph explore: how values read on screen and in exports (plain browser JavaScript).
 *
 * Numbers are written as people say them (20 billion, 1.2 million, 55.2%), with their unit and
 * the source's qualifier (more than, approximately); periods as years or year ranges; a figure is
 * labelled by its statement, not its metric id. Also: CSV text and file downloads.
 */
/* global window, document, Blob, URL, setTimeout */
'use strict';

(function () {
  const TG = (window.TG = window.TG || {});

  const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });

  /** 20000000000 -> "20 billion", 12345 -> "12,345", 278.1 -> "278.1". */
  function number(v) {
    if (v === null || v === undefined || Number.isNaN(Number(v))) return '';
    const n = Number(v);
    return Math.abs(n) >= 1e6 ? compact.format(n) : plain.format(n);
  }

  /** Unit ids as words: percent -> %, vehicles-per-year -> vehicles per year; currency codes stay. */
  function unit(u) {
    if (!u) return '';
    if (u === 'percent') return '%';
    return String(u).replace(/-/g, ' ');
  }

  const QUALIFIERS = { 'more-than': 'more than', 'less-than': 'less than', approximately: 'about', nearly: 'nearly', 'at-least': 'at least', 'up-to': 'up to' };

  /** "more than 20 billion CNY", "55.2%", "100,000 vehicles per year"; '' without a value. */
  function value(v, u, qualifier) {
    const n = number(v);
    if (!n) return '';
    const q = qualifier && qualifier !== 'exact' ? (QUALIFIERS[qualifier] || String(qualifier).replace(/-/g, ' ')) + ' ' : '';
    const shown = u === 'percent' ? `${n}%` : u ? `${n} ${unit(u)}` : n;
    return q + shown;
  }

  /** 2020 -> "2020", 2016..2020 -> "2016–2020", nothing -> ''. */
  function period(start, end) {
    if (start == null && end == null) return '';
    if (start == null || end == null || start === end) return String(start ?? end);
    return `${start}–${end}`;
  }

  function clip(text, max) {
    const s = String(text || '');
    return s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
  }

  /** A figure's caption: a short statement and its value ("Export value growth: 278.1%"). */
  function figureLabel(f, max) {
    const shown = value(f.value, f.unit, f.qualifier);
    const statement = f.statement || (f.metric ? String(f.metric).replace(/-/g, ' ') : '');
    const head = clip(statement, max || 60);
    return shown && !head.includes(number(f.value)) ? `${head} (${shown})` : head || shown;
  }

  /** A trade flow's caption: direction, value and year. */
  function flowLabel(f) {
    const v = value(f.value, f.currency);
    return [f.direction ? String(f.direction).toLowerCase().replace(/_/g, '-') : 'flow', v, period(f.periodStart, f.periodEnd)].filter(Boolean).join(' · ');
  }

  /** The fields of one CSV line (quotes and doubled quotes understood). */
  function csvFields(line) {
    const out = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        out.push(field);
        field = '';
      } else field += c;
    }
    out.push(field);
    return out;
  }

  /**
   * An excerpt that is a row of a data file (a reference CSV such as the division codes), not a
   * sentence: its fields and where the row is, so it is not shown as raw `50,"重庆市"`.
   */
  function dataRow(excerpt) {
    const locator = String(excerpt.locator || '');
    const text = String(excerpt.text || '');
    if (!/\.(csv|tsv)\b/i.test(locator) || text.includes('\n') || !text.includes(',')) return null;
    return { fields: csvFields(text), file: locator };
  }

  /** CSV text (RFC 4180): every field quoted when it needs to be; CRLF line ends. */
  function csv(rows) {
    const cell = (v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  }

  /** Saves a Blob as a file (an object URL on a temporary link; no server round trip). */
  function download(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function downloadText(text, filename, type) {
    // A BOM so spreadsheet programs read the UTF-8 (Chinese names) as UTF-8.
    download(new Blob(['\ufeff' + text], { type: type || 'text/csv;charset=utf-8' }), filename);
  }

  /** A file-name-safe slug of an entity key or label. */
  function slug(s) {
    return String(s || 'export').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'export';
  }

  TG.format = { number, unit, value, period, clip, figureLabel, flowLabel, csvFields, dataRow, csv, download, downloadText, slug };
})();
