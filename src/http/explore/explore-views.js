/*
 * tradegraph explore: the table and chart views (plain browser JavaScript, Apache ECharts).
 *
 * - Table: what the graph view draws (after the kind and relationship filters), one row per
 *   entity or fact, with its value, period and sources; sortable by any column; CSV export of
 *   exactly the rows shown, in the order shown.
 * - Charts, for the entity in focus (or the whole graph when none): its figures over time, its
 *   growth figures against their baseline, trade totals by year / partner / product when the
 *   graph holds flows, and a Sankey of firms -> products -> markets from those flows.
 * Every number leads to its excerpt and source in one click (a row, a point, a bar, a link).
 */
/* global window, document, echarts */
'use strict';

(function () {
  const TG = (window.TG = window.TG || {});
  const F = TG.format;

  /** Set by explore.js: gql, el, visibleElements, showNodeDetails, showEntityDetails, showFlows, focusKey, kindName, kindColour. */
  let host;

  // ---------------------------------------------------------------------------------------
  // Table
  // ---------------------------------------------------------------------------------------

  const COLUMNS = [
    { id: 'kind', title: 'Kind', sort: (r) => r.kindName },
    { id: 'name', title: 'Name or statement', sort: (r) => r.name.toLowerCase() },
    { id: 'value', title: 'Value', sort: (r) => (r.value === null ? -Infinity : r.value), numeric: true },
    { id: 'period', title: 'Period', sort: (r) => (r.periodStart ?? r.periodEnd ?? -Infinity) },
    { id: 'sources', title: 'Sources', sort: (r) => r.sources.map((s) => s.title).join('; ').toLowerCase() },
  ];

  let sortBy = { column: 'kind', descending: false };
  let shownRows = [];

  /** One row per drawn (visible) node: the entity or fact, its value and what states it. */
  function tableRows() {
    const { nodes } = host.visibleElements();
    return nodes.map((n) => {
      const d = n.data();
      const e = d.node || {};
      const fact = d.kind === 'FIGURE' || d.kind === 'TRADE_FLOW';
      // A fact's own sources; for an entity, the sources of the drawn relationships that state it.
      let sources = fact ? e.sources || [] : [];
      if (!fact) {
        const seen = new Map();
        n.connectedEdges(':visible').forEach((edge) => (edge.data('sources') || []).forEach((s) => seen.set(s.key, s)));
        sources = [...seen.values()];
      }
      const unit = d.kind === 'TRADE_FLOW' ? e.currency : e.unit;
      return {
        key: d.key,
        kind: d.kind,
        kindName: host.kindName(d.kind),
        name: fact ? e.statement || d.label : d.label,
        value: typeof e.value === 'number' ? e.value : null,
        shownValue: typeof e.value === 'number' ? F.value(e.value, unit, e.qualifier) : '',
        unit: unit || '',
        qualifier: e.qualifier || '',
        periodStart: e.periodStart ?? null,
        periodEnd: e.periodEnd ?? null,
        sources,
      };
    });
  }

  function sortRows(rows) {
    const col = COLUMNS.find((c) => c.id === sortBy.column) || COLUMNS[0];
    const dir = sortBy.descending ? -1 : 1;
    return rows.slice().sort((a, b) => {
      const x = col.sort(a);
      const y = col.sort(b);
      if (x < y) return -dir;
      if (x > y) return dir;
      return a.name.localeCompare(b.name);
    });
  }

  function renderTable() {
    const el = host.el;
    const table = document.getElementById('fact-table');
    const status = document.getElementById('table-status');
    shownRows = sortRows(tableRows());
    const head = el('tr', {}, COLUMNS.map((c) => {
      const th = el('th', { scope: 'col', 'data-column': c.id, tabindex: '0', 'aria-sort': sortBy.column === c.id ? (sortBy.descending ? 'descending' : 'ascending') : 'none' }, [c.title]);
      if (c.numeric) th.classList.add('num');
      const toggle = () => {
        sortBy = { column: c.id, descending: sortBy.column === c.id ? !sortBy.descending : false };
        renderTable();
      };
      th.addEventListener('click', toggle);
      th.addEventListener('keydown', (evt) => {
        if (evt.key === 'Enter' || evt.key === ' ') {
          evt.preventDefault();
          toggle();
        }
      });
      return th;
    }));
    const body = el('tbody');
    for (const r of shownRows) {
      const tr = el('tr', { 'data-key': r.key, tabindex: '0', title: 'Show its excerpts and sources' }, [
        el('td', {}, [host.kindBadge(r.kind)]),
        el('td', {}, [r.name]),
        el('td', { class: 'num' }, [r.shownValue]),
        el('td', {}, [F.period(r.periodStart, r.periodEnd)]),
        el('td', { class: 'srcs' }, [r.sources.map((s) => s.title || s.key).join('; ')]),
      ]);
      const open = () => host.showNodeByKey(r.key);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (evt) => evt.key === 'Enter' && open());
      body.append(tr);
    }
    table.replaceChildren(el('thead', {}, [head]), body);
    const facts = shownRows.filter((r) => r.value !== null).length;
    status.textContent = shownRows.length ? `${shownRows.length} rows (${facts} with a value): what the graph draws, after the filters. Click a row for its excerpts and sources.` : 'Nothing drawn yet: search for an entity first.';
    document.getElementById('export-csv').disabled = shownRows.length === 0;
  }

  /** The CSV of the rows the table shows, in the order shown. */
  function tableCsv() {
    const header = ['kind', 'key', 'name', 'value', 'unit', 'qualifier', 'period_start', 'period_end', 'sources', 'source_urls'];
    const rows = shownRows.map((r) => [r.kindName, r.key, r.name, r.value ?? '', r.unit, r.qualifier, r.periodStart ?? '', r.periodEnd ?? '', r.sources.map((s) => s.title || s.key).join('; '), r.sources.map((s) => s.url || '').filter(Boolean).join(' ')]);
    return F.csv([header, ...rows]);
  }

  function exportCsv() {
    F.downloadText(tableCsv(), `tradegraph-${F.slug(host.focusKey() || 'graph')}.csv`);
  }

  // ---------------------------------------------------------------------------------------
  // Charts
  // ---------------------------------------------------------------------------------------

  const charts = {};
  /** Chart requests in flight (part of the page's idle state, for the end-to-end test). */
  let chartsPending = 0;
  let chartsFor = null;

  /** Click handlers per chart, bound when the chart is first made. */
  const CLICKS = {
    'chart-figures': (p) => p.data && p.data.figure && host.showFigure(p.data.figure),
    'chart-growth': (p) => p.data && p.data.row && p.data.row.figure && host.showFigure({ ...p.data.row, id: p.data.row.figure.id }),
    'chart-totals': (p) => p.data && p.data.row && host.showFlows(totalFilter(p.data.row), `${p.data.row.label}: ${F.value(p.data.row.value, p.data.row.currency)}`),
    'chart-sankey': (p) => p.dataType === 'edge' && p.data.filter && host.showFlows({ ...flowFilter(), ...p.data.filter }, 'Flows of this link'),
  };

  /** A chart, made on first use: only once its view is shown, so it has the size it is drawn at. */
  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
      charts[id].on('click', CLICKS[id]);
    }
    return charts[id];
  }

  function note(id, text) {
    document.getElementById(id).textContent = text;
  }

  const FIGURES = `query ExploreFigures($about: String, $first: Int) {
    figures(filter: { about: $about }, first: $first, sort: PERIOD) {
      totalCount
      nodes { id key metric statement value unit qualifier periodStart periodEnd baselineStart baselineEnd }
    }
  }`;

  const GROWTH = `query ExploreGrowth($about: ID) {
    figureGrowth(about: $about, first: 30) {
      key statement metric growthPercent periodStart periodEnd baselineStart baselineEnd qualifier figure { id }
    }
  }`;

  const TOTALS = `query ExploreTotals($groupBy: TradeGroupBy!, $filter: TradeFlowFilter) {
    tradeTotals(groupBy: $groupBy, filter: $filter, first: 30) { key label value currency flows direction node { id } }
  }`;

  const FLOWS = `query ExploreSankey($filter: TradeFlowFilter) {
    tradeFlows(filter: $filter, first: 300) {
      totalCount
      nodes {
        value currency
        trader { key name }
        product { key name }
        to { __typename ... on Region { key name } ... on Market { key name } }
      }
    }
  }`;

  /** The trade-flow filter that matches the entity in focus (its flows), or none (every flow). */
  function flowFilter() {
    const key = host.focusKey();
    const kind = host.focusKind();
    if (!key) return {};
    if (kind === 'COMPANY') return { trader: key };
    if (kind === 'PRODUCT') return { product: key };
    if (kind === 'REGION') return { from: key };
    if (kind === 'MARKET') return { to: key };
    if (kind === 'POLICY') return { via: key };
    return {};
  }

  async function tracked(work) {
    chartsPending += 1;
    try {
      return await work();
    } finally {
      chartsPending -= 1;
    }
  }

  /** Draws every chart for the entity in focus (again only when the focus changed, or when asked). */
  async function renderCharts(force) {
    const key = host.focusKey();
    if (!force && chartsFor === key) {
      Object.values(charts).forEach((c) => c.resize());
      return;
    }
    chartsFor = key;
    const label = host.focusLabel();
    document.getElementById('charts-subject').textContent = key ? `About ${label}` : 'The whole graph (no entity in focus)';
    await Promise.all([figuresChart(key), growthChart(key), totalsChart(), sankeyChart()].map((p) => p.catch((err) => host.fail(err))));
  }

  // Figures over time: one metric and unit at a time (a select lists them), x = year.
  let figureSeries = new Map();

  async function figuresChart(about) {
    const data = await tracked(() => host.gql(FIGURES, { about: about || null, first: 200 }));
    figureSeries = new Map();
    for (const f of data.figures.nodes) {
      if (typeof f.value !== 'number') continue;
      const id = `${f.metric || 'figure'}|${f.unit || ''}`;
      if (!figureSeries.has(id)) figureSeries.set(id, { metric: f.metric, unit: f.unit, points: [] });
      figureSeries.get(id).points.push(f);
    }
    const select = document.getElementById('figure-metric');
    const ids = [...figureSeries.keys()].sort((a, b) => figureSeries.get(b).points.length - figureSeries.get(a).points.length);
    select.replaceChildren(...ids.map((id) => {
      const s = figureSeries.get(id);
      return host.el('option', { value: id }, [`${String(s.metric || 'figure').replace(/-/g, ' ')}${s.unit ? ` (${F.unit(s.unit)})` : ''} · ${s.points.length}`]);
    }));
    select.disabled = ids.length === 0;
    drawFigureSeries(ids[0]);
    const qualitative = data.figures.nodes.length - data.figures.nodes.filter((f) => typeof f.value === 'number').length;
    note('figures-note', ids.length ? `${data.figures.nodes.length} figures${qualitative ? `, ${qualitative} without a number (qualitative)` : ''}. Click a point for its excerpt and source.` : `No figure with a number${about ? ' about this entity' : ''}.`);
  }

  function drawFigureSeries(id) {
    const c = chart('chart-figures');
    const s = figureSeries.get(id);
    if (!s) {
      c.clear();
      return;
    }
    const year = (f) => f.periodEnd ?? f.periodStart;
    const points = s.points.filter((f) => year(f) != null).sort((a, b) => year(a) - year(b));
    const undated = s.points.length - points.length;
    // Every year from the first to the last figure, so gaps between figures show as gaps.
    const years = [];
    if (points.length) for (let y = year(points[0]); y <= year(points[points.length - 1]); y += 1) years.push(String(y));
    c.setOption(
      {
        animation: false,
        grid: { left: 70, right: 20, top: 24, bottom: 40 },
        tooltip: { trigger: 'item', formatter: (p) => tooltipFigure(p.data.figure) },
        xAxis: { type: 'category', name: 'year', nameLocation: 'middle', nameGap: 26, data: years },
        yAxis: { type: 'value', axisLabel: { formatter: (v) => F.number(v) } },
        series: [
          {
            // A line only joins one figure per year; several in a year (different subjects) stay points.
            type: points.length > 1 && new Set(points.map(year)).size === points.length ? 'line' : 'scatter',
            symbolSize: 12,
            data: points.map((f) => ({ value: [String(year(f)), f.value], figure: f })),
            label: { show: true, position: 'top', formatter: (p) => F.value(p.data.figure.value, s.unit, p.data.figure.qualifier) },
            itemStyle: { color: '#1f6fb4' },
          },
        ],
      },
      true,
    );
    if (undated) note('figures-note', `${undated} figure(s) of this metric have no period and are not plotted.`);
  }

  function tooltipFigure(f) {
    // ECharts writes tooltips as HTML: escape every value from the graph.
    return [esc(F.clip(f.statement || f.metric, 120)), esc(F.value(f.value, f.unit, f.qualifier)), esc(F.period(f.periodStart, f.periodEnd))].filter(Boolean).join('<br>');
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  // Growth against a baseline: one bar per growth figure (percent), baseline and period in the label.
  async function growthChart(about) {
    const data = await tracked(() => host.gql(GROWTH, { about: about || null }));
    const rows = data.figureGrowth.slice().sort((a, b) => a.growthPercent - b.growthPercent);
    const c = chart('chart-growth');
    if (!rows.length) {
      c.clear();
      note('growth-note', `No growth figure against a baseline${about ? ' about this entity' : ''}.`);
      return;
    }
    c.setOption(
      {
        animation: false,
        grid: { left: 220, right: 70, top: 10, bottom: 30 },
        tooltip: { trigger: 'item', formatter: (p) => `${esc(F.clip(p.data.row.statement, 140))}<br>${esc(F.number(p.data.row.growthPercent))}% (${esc(F.period(p.data.row.periodStart, p.data.row.periodEnd))} against ${esc(F.period(p.data.row.baselineStart, p.data.row.baselineEnd))})` },
        xAxis: { type: 'value', splitNumber: 3, axisLabel: { hideOverlap: true, formatter: (v) => `${F.number(v)}%` } },
        yAxis: { type: 'category', data: rows.map((r) => F.clip(r.statement || r.metric, 36)), axisLabel: { width: 210, overflow: 'truncate' } },
        series: [{ type: 'bar', data: rows.map((r) => ({ value: r.growthPercent, row: r })), itemStyle: { color: '#2e9e44' }, label: { show: true, position: 'right', formatter: (p) => `${F.number(p.value)}%` } }],
      },
      true,
    );
    note('growth-note', `${rows.length} growth figure(s): growth in percent against the baseline period. Click a bar for its excerpt and source.`);
  }

  // Trade totals: by year, partner (destination) or product, in one currency per bar.
  async function totalsChart() {
    const groupBy = document.getElementById('totals-by').value;
    const filter = flowFilter();
    const data = await tracked(() => host.gql(TOTALS, { groupBy, filter }));
    const rows = data.tradeTotals;
    const c = chart('chart-totals');
    if (!rows.length) {
      c.clear();
      note('totals-note', 'The graph holds no trade flows for this selection (import customs data with `tradegraph import`).');
      return;
    }
    const currencies = [...new Set(rows.map((r) => r.currency || ''))];
    const ordered = groupBy === 'YEAR' ? rows.slice().sort((a, b) => a.label.localeCompare(b.label)) : rows.slice().sort((a, b) => b.value - a.value);
    c.setOption(
      {
        animation: false,
        grid: { left: 70, right: 20, top: 24, bottom: 70 },
        tooltip: { trigger: 'item', formatter: (p) => `${esc(p.data.row.label)}: ${esc(F.value(p.data.row.value, p.data.row.currency))}<br>${p.data.row.flows} flow(s)` },
        xAxis: { type: 'category', data: ordered.map((r) => `${F.clip(r.label, 18)}${currencies.length > 1 ? ` (${r.currency})` : ''}`), axisLabel: { rotate: groupBy === 'YEAR' ? 0 : 30, interval: 0 } },
        yAxis: { type: 'value', name: currencies.length === 1 ? currencies[0] : 'value', axisLabel: { formatter: (v) => F.number(v) } },
        series: [{ type: 'bar', data: ordered.map((r) => ({ value: r.value, row: r })), itemStyle: { color: '#12a5b8' }, label: { show: ordered.length <= 12, position: 'top', formatter: (p) => F.number(p.value) } }],
      },
      true,
    );
    const flows = rows.reduce((n, r) => n + r.flows, 0);
    note('totals-note', `${flows} flow(s) summed per ${groupBy.toLowerCase().replace('_', ' ')}${currencies.length > 1 ? '; never across currencies' : ''}. Click a bar for the flows and their sources.`);
  }

  /** The flows behind a trade-total bar: the chart's filter narrowed to the bar's group. */
  function totalFilter(row) {
    const groupBy = document.getElementById('totals-by').value;
    const f = { ...flowFilter() };
    if (groupBy === 'YEAR') Object.assign(f, { yearFrom: Number(row.key), yearTo: Number(row.key) });
    else if (groupBy === 'DESTINATION' || groupBy === 'MARKET') f.to = row.key;
    else if (groupBy === 'ORIGIN') f.from = row.key;
    else if (groupBy === 'PRODUCT') f.product = row.key;
    else if (groupBy === 'COMPANY') f.trader = row.key;
    else if (groupBy === 'CHANNEL') f.via = row.key;
    else if (groupBy === 'HS_CHAPTER' && /^hs\d*:\d+$/.test(row.key)) f.hsPrefix = row.key.split(':')[1];
    return f;
  }

  // Sankey: firm -> product -> market, summed over the flows (in their most common currency).
  async function sankeyChart() {
    const data = await tracked(() => host.gql(FLOWS, { filter: flowFilter() }));
    const flows = data.tradeFlows.nodes.filter((f) => typeof f.value === 'number' && f.value > 0 && f.trader && f.product && f.to);
    const c = chart('chart-sankey');
    if (!flows.length) {
      c.clear();
      note('sankey-note', 'No flow with a trader, a product, a destination and a value for this selection.');
      return;
    }
    const byCurrency = new Map();
    for (const f of flows) byCurrency.set(f.currency || '', (byCurrency.get(f.currency || '') || 0) + 1);
    const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const used = flows.filter((f) => (f.currency || '') === currency);
    const nodes = new Map();
    const links = new Map();
    const addNode = (n, depth) => nodes.has(n.key) || nodes.set(n.key, { name: n.key, label: n.name || n.key, depth });
    const addLink = (a, b, v, filter) => {
      const id = `${a}>${b}`;
      const l = links.get(id) || { source: a, target: b, value: 0, filter };
      l.value += v;
      links.set(id, l);
    };
    for (const f of used) {
      addNode(f.trader, 0);
      addNode(f.product, 1);
      addNode(f.to, 2);
      addLink(f.trader.key, f.product.key, f.value, { trader: f.trader.key, product: f.product.key });
      addLink(f.product.key, f.to.key, f.value, { product: f.product.key, to: f.to.key });
    }
    c.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (p) => (p.dataType === 'edge' ? `${esc(nodes.get(p.data.source).label)} → ${esc(nodes.get(p.data.target).label)}: ${esc(F.value(p.data.value, currency))}` : `${esc(p.data.label)}`),
        },
        series: [
          {
            type: 'sankey',
            left: 10,
            right: 130,
            top: 10,
            bottom: 10,
            nodeAlign: 'justify',
            emphasis: { focus: 'adjacency' },
            data: [...nodes.values()].map((n) => ({ ...n, itemStyle: { color: host.kindColour(['COMPANY', 'PRODUCT', 'MARKET'][n.depth]) } })),
            links: [...links.values()],
            label: { formatter: (p) => F.clip(p.data.label, 24) },
            lineStyle: { color: 'gradient', opacity: 0.4 },
          },
        ],
      },
      true,
    );
    const left = flows.length - used.length;
    const cut = data.tradeFlows.totalCount > data.tradeFlows.nodes.length ? `; the first ${data.tradeFlows.nodes.length} of ${data.tradeFlows.totalCount} flows` : '';
    note('sankey-note', `Firms → products → markets: ${used.length} flow(s) in ${currency || 'no currency'}${left ? ` (${left} in other currencies left out)` : ''}${cut}. Click a link for the flows and their sources.`);
  }

  function wireCharts() {
    document.getElementById('figure-metric').addEventListener('change', (evt) => drawFigureSeries(evt.target.value));
    document.getElementById('totals-by').addEventListener('change', () => totalsChart().catch((err) => host.fail(err)));
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }

  TG.views = {
    init(h) {
      host = h;
      document.getElementById('export-csv').addEventListener('click', exportCsv);
      wireCharts();
    },
    renderTable,
    renderCharts,
    tableCsv,
    rows: () => shownRows,
    idle: () => chartsPending === 0,
    charts,
  };
})();
