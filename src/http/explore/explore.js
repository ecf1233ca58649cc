/*
 * tradegraph explore: the page script (plain browser JavaScript, no build step).
 *
 * It talks only to the public GraphQL endpoint (../graphql) and draws with cytoscape, both
 * served by tradegraph itself; explore-format.js formats values, explore-views.js draws the
 * table and the charts. Sections:
 *   1. GraphQL client and the queries the page sends
 *   2. The graph view (cytoscape: styles by kind from the API's EntityKind enum, filters by
 *      kind and relationship type, hop and node limits, adding subgraphs, layout, PNG export)
 *   3. Search
 *   4. Details panel (fields of a node, evidence of an edge or a fact)
 *   5. Paths between two entities
 *   6. Start-up and the hooks the end-to-end test reads (window.explore)
 *
 * Every value from the graph reaches the page through textContent or an attribute, never as
 * HTML, so names and excerpts cannot inject markup.
 */
/* global cytoscape, cytoscapeFcose, window, document, fetch, URL, setTimeout, clearTimeout, TG */
'use strict';

(function () {
  // ---------------------------------------------------------------------------------------
  // 1. GraphQL client and queries
  // ---------------------------------------------------------------------------------------

  const ENDPOINT = new URL('../graphql', window.location.href).toString();

  /** Requests in flight; the test waits for none (see window.explore.idle). */
  let pending = 0;

  /** POSTs a query as JSON; resolves to `data`, rejects with the first error's message. */
  async function gql(query, variables) {
    pending += 1;
    document.body.classList.add('busy');
    try {
      const res = await fetch(ENDPOINT, {
        method: 'POST',
        // Signed in (explore-curation.js): the bearer token goes along; the server decides what it allows.
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(TG.curation ? TG.curation.authHeaders() : {}) },
        body: JSON.stringify({ query, variables }),
      });
      let body;
      try {
        body = await res.json();
      } catch {
        throw new Error(`GraphQL endpoint answered HTTP ${res.status} without JSON`);
      }
      if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      if (!res.ok) throw new Error(`GraphQL endpoint answered HTTP ${res.status}`);
      return body.data;
    } finally {
      pending -= 1;
      if (pending === 0) document.body.classList.remove('busy');
    }
  }

  // The selections every drawable piece of graph needs: a node's kind and label, an edge's
  // endpoints and type, and the excerpts and sources that state the edge.
  const GRAPH_FRAGMENTS = `
    fragment ExploreNode on GraphNode {
      key kind label detail
      node {
        __typename id
        ... on Fact { statement value qualifier periodStart periodEnd sources { key title publisher published url } }
        ... on Figure { metric unit }
        ... on TradeFlow { currency direction }
      }
    }
    fragment ExploreEdge on GraphEdge {
      key source target type note
      excerpts { key text locator source { key kind } }
      sources { key title publisher published url }
    }`;

  const SEARCH = `query ExploreSearch($text: String!, $first: Int) {
    search(text: $text, first: $first) { key kind name nameZh score }
  }`;

  const NEIGHBOURHOOD = `query ExploreNeighbourhood($id: ID!, $hops: Int, $limit: Int) {
    neighbourhood(id: $id, hops: $hops, limit: $limit) {
      nodes { ...ExploreNode } edges { ...ExploreEdge } truncated
    }
  } ${GRAPH_FRAGMENTS}`;

  /** howConnected and shortestPath return the same GraphPath; only the root field differs. */
  function pathQuery(field) {
    return `query ExplorePath($from: ID!, $to: ID!) {
      path: ${field}(from: $from, to: $to) { length nodes { ...ExploreNode } edges { ...ExploreEdge } }
    } ${GRAPH_FRAGMENTS}`;
  }

  // ---------------------------------------------------------------------------------------
  // 2. The graph view
  // ---------------------------------------------------------------------------------------

  /*
   * The kinds are the API's EntityKind enum, read by introspection (loadKinds): each gets the
   * next colour and shape of these lists in enum order, so a new kind is drawn and filterable
   * without a change here. Kinds met in data but not in the enum (introspection off) are added
   * as they come.
   */
  const PALETTE = ['#1f6fb4', '#e377c2', '#2e9e44', '#8c5bc4', '#d43d3d', '#f28e1c', '#b5b51c', '#8c564b', '#6f6f6f', '#12a5b8', '#17becf', '#7f7f7f'];
  const SHAPES = ['round-rectangle', 'rectangle', 'round-rectangle', 'diamond', 'hexagon', 'round-tag', 'ellipse', 'ellipse', 'rectangle', 'diamond', 'star', 'triangle'];
  const KINDS = {};
  const PATH_COLOUR = '#e6007e';

  function addKind(kind, description) {
    if (KINDS[kind]) return KINDS[kind];
    const i = Object.keys(KINDS).length;
    KINDS[kind] = { colour: PALETTE[i % PALETTE.length], shape: SHAPES[i % SHAPES.length], name: String(kind).toLowerCase().replace(/_/g, ' '), description: description || '' };
    cy.style().selector(`node[kind = "${kind}"]`).style({ 'background-color': KINDS[kind].colour, shape: KINDS[kind].shape }).update();
    drawLegend();
    return KINDS[kind];
  }

  async function loadKinds() {
    try {
      const data = await gql(`query ExploreKinds { __type(name: "EntityKind") { enumValues { name description } } }`);
      for (const v of (data.__type && data.__type.enumValues) || []) addKind(v.name, v.description);
    } catch {
      // Introspection off (production): kinds are added as the data shows them.
    }
  }

  function kindName(kind) {
    return (KINDS[kind] && KINDS[kind].name) || String(kind).toLowerCase().replace(/_/g, ' ');
  }

  // fcose (force-directed, incremental) when its scripts loaded; cytoscape's own cose otherwise.
  const hasFcose = typeof cytoscapeFcose === 'function';
  if (hasFcose) cytoscape.use(cytoscapeFcose);

  const style = [
    {
      selector: 'node',
      style: {
        'background-color': '#999',
        label: 'data(label)',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 130,
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'text-background-padding': 1,
        // Zoomed far out, labels would only overlap: cytoscape leaves them out.
        'min-zoomed-font-size': 7,
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#fff',
      },
    },
    // The entity the user chose is drawn larger.
    { selector: 'node.focus', style: { width: 38, height: 38, 'font-weight': 'bold', 'font-size': 12 } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#333' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b9b9b9',
        'target-arrow-color': '#b9b9b9',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'font-size': 8,
        color: '#555',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
      },
    },
    // Edge types are written where they can be read: on small graphs, and otherwise on the
    // edges of the selected node, the selected edge and the highlighted path.
    { selector: 'edge.labelled, edge:selected, edge.on-path, edge.near-selected', style: { label: 'data(type)' } },
    // Edges a source states are drawn darker than those without excerpts (e.g. the HS tree).
    { selector: 'edge[?evidenced]', style: { 'line-color': '#7d8a99', 'target-arrow-color': '#7d8a99' } },
    { selector: ':selected', style: { 'overlay-color': '#1f6fb4', 'overlay-opacity': 0.2, 'overlay-padding': 6 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': PATH_COLOUR, opacity: 1 } },
    {
      selector: 'edge.on-path',
      style: { width: 5, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, color: PATH_COLOUR, opacity: 1, 'z-index': 10 },
    },
    { selector: 'node.path-end', style: { width: 36, height: 36 } },
    // The legend and the relationship filters hide what the analyst switched off.
    { selector: '.filtered-out', style: { display: 'none' } },
  ];

  const cy = cytoscape({
    container: document.getElementById('graph'),
    style,
    minZoom: 0.1,
    maxZoom: 4,
    // Two taps within this many ms are a double-click (expand). Cytoscape's 250 ms default misses
    // double-clicks while the first tap's details are being drawn on a busy machine; 500 ms is the
    // usual desktop double-click time. A single tap still acts at once (details on 'tap').
    multiClickDebounceTime: 500,
  });

  /** A figure reads as its short statement and value, a flow as direction, value and year. */
  function nodeLabel(n) {
    const e = n.node || {};
    if (n.kind === 'FIGURE' && (e.statement || typeof e.value === 'number')) return TG.format.figureLabel(e, 44);
    if (n.kind === 'TRADE_FLOW' && typeof e.value === 'number') return TG.format.flowLabel(e);
    return n.label || n.key;
  }

  /** Edge ids are prefixed so they can never collide with node keys. */
  const edgeId = (key) => 'edge:' + key;

  /**
   * Adds a subgraph (nodes and edges as the API returns them), skipping what is already drawn.
   * New nodes start at `around` (the node being expanded) so the layout grows them outwards.
   * Returns the newly added elements.
   */
  function addSubgraph(nodes, edges, around) {
    const added = [];
    for (const n of nodes) {
      if (cy.getElementById(n.key).nonempty()) continue;
      if (!KINDS[n.kind]) addKind(n.kind);
      const data = { id: n.key, key: n.key, kind: n.kind, label: nodeLabel(n), detail: n.detail, node: n.node };
      added.push({ group: 'nodes', data, position: around ? { x: around.x + Math.random() * 40 - 20, y: around.y + Math.random() * 40 - 20 } : undefined });
    }
    const present = new Set([...nodes.map((n) => n.key), ...cy.nodes().map((n) => n.id())]);
    for (const e of edges) {
      if (cy.getElementById(edgeId(e.key)).nonempty()) continue;
      // An edge to a node the API did not return (should not happen) cannot be drawn.
      if (!present.has(e.source) || !present.has(e.target)) continue;
      added.push({
        group: 'edges',
        data: { ...e, id: edgeId(e.key), evidenced: e.excerpts.length > 0 },
      });
    }
    const collection = cy.add(added);
    applyFilters();
    showGraphState();
    return collection;
  }

  let layoutRunning = false;

  /** Lays the graph out: from scratch (`fresh`) or keeping what is drawn where it is. */
  function runLayout(fresh) {
    if (cy.elements().empty()) return Promise.resolve();
    layoutRunning = true;
    const options = hasFcose
      ? { name: 'fcose', quality: 'proof', randomize: fresh, animate: !fresh, animationDuration: 400, fit: true, padding: 40, nodeRepulsion: 20000, idealEdgeLength: 110, nodeSeparation: 100, gravity: 0.15 }
      : { name: 'cose', randomize: fresh, animate: false, fit: true, padding: 40 };
    const layout = cy.layout(options);
    const done = layout.promiseOn('layoutstop').then(() => {
      capZoom();
      layoutRunning = false;
    });
    layout.run();
    return done;
  }

  /** Fitting a handful of nodes would blow them up; no fit zooms in further than this. */
  const MAX_FIT_ZOOM = 1.4;

  function capZoom() {
    if (cy.zoom() > MAX_FIT_ZOOM) cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  const graphStatus = document.getElementById('graph-status');
  const graphEmpty = document.getElementById('graph-empty');

  /** Above this many edges, only the edges around the selection carry their type. */
  const LABELLED_EDGES = 24;

  function showGraphState(message) {
    graphEmpty.hidden = cy.elements().nonempty();
    if (cy.edges().length <= LABELLED_EDGES) cy.edges().addClass('labelled');
    else cy.edges().removeClass('labelled');
    if (message !== undefined) graphStatus.textContent = message;
    else graphStatus.textContent = cy.elements().nonempty() ? `${cy.nodes().length} nodes, ${cy.edges().length} edges` : '';
  }

  /**
   * Which graph is on screen: starting over (a new focus, Clear) moves to the next one, so a
   * neighbourhood that arrives for a graph no longer shown is dropped instead of mixed in.
   */
  let generation = 0;

  /** Fetches a node's neighbourhood and adds it to the graph. */
  async function expand(key) {
    const asked = generation;
    const existing = cy.getElementById(key);
    const around = existing.nonempty() ? existing.position() : undefined;
    showGraphState(`Loading the neighbourhood of ${key}…`);
    const { hops, limit } = neighbourhoodLimits();
    const data = await gql(NEIGHBOURHOOD, { id: key, hops, limit });
    if (asked !== generation) return cy.collection();
    const sub = data.neighbourhood;
    const added = addSubgraph(sub.nodes, sub.edges, around);
    cy.getElementById(key).addClass('expanded');
    await runLayout(!around);
    const note = sub.truncated ? ` (truncated at ${limit} nodes: raise the node limit to see more)` : '';
    showGraphState(`${cy.nodes().length} nodes, ${cy.edges().length} edges; ${added.nodes().length} new${note}`);
    return added;
  }

  /** Starts over from one entity (a search hit or a link in the address). */
  async function focusOn(key) {
    generation += 1;
    const mine = generation;
    clearPath();
    cy.elements().remove();
    await expand(key);
    if (mine !== generation) return;
    cy.getElementById(key).addClass('focus');
    focus = { key, kind: cy.getElementById(key).data('kind'), label: cy.getElementById(key).data('label') };
    window.location.hash = encodeURIComponent(key);
    refreshView();
    const node = cy.getElementById(key);
    if (node.nonempty()) showNodeDetails(node);
  }

  /** The entity in focus (the one chosen to start from), for the charts and file names. */
  let focus = null;

  /** Kinds and relationship types the analyst switched off. */
  const hiddenKinds = new Set();
  const hiddenTypes = new Set();

  /** The legend: one toggle per kind; a switched-off kind is hidden in every view. */
  function drawLegend() {
    const legend = document.getElementById('legend');
    legend.replaceChildren(
      ...Object.entries(KINDS).map(([kind, k]) => {
        const b = el('button', { type: 'button', class: 'legend-kind', 'aria-pressed': String(!hiddenKinds.has(kind)), title: `Show or hide ${k.name} nodes${k.description ? ': ' + k.description : ''}` }, [swatch(k.colour), k.name]);
        b.dataset.kind = kind;
        b.addEventListener('click', () => {
          if (hiddenKinds.has(kind)) hiddenKinds.delete(kind);
          else hiddenKinds.add(kind);
          b.setAttribute('aria-pressed', String(!hiddenKinds.has(kind)));
          applyFilters();
          showGraphState();
          refreshView();
        });
        return el('li', {}, [b]);
      }),
    );
  }

  /** One toggle per relationship type drawn (the types come from the data on screen). */
  function drawTypeFilters() {
    const box = document.getElementById('rel-filters');
    const types = [...new Set(cy.edges().map((e) => e.data('type')))].sort();
    const counts = (t) => cy.edges(`[type = "${t}"]`).length;
    box.replaceChildren(
      ...types.map((t) => {
        const input = el('input', { type: 'checkbox', value: t });
        input.checked = !hiddenTypes.has(t);
        input.addEventListener('change', () => {
          if (input.checked) hiddenTypes.delete(t);
          else hiddenTypes.add(t);
          applyFilters();
          showGraphState();
          refreshView();
        });
        return el('label', { class: 'rel-type', 'data-type': t }, [input, el('code', {}, [t]), ` ${counts(t)}`]);
      }),
    );
    document.getElementById('rel-filters-empty').hidden = types.length > 0;
  }

  /** Hides nodes of switched-off kinds, edges of switched-off types, and edges left without an end. */
  function applyFilters() {
    cy.batch(() => {
      cy.elements().removeClass('filtered-out');
      cy.nodes().forEach((n) => {
        if (hiddenKinds.has(n.data('kind'))) n.addClass('filtered-out');
      });
      cy.edges().forEach((e) => {
        if (hiddenTypes.has(e.data('type')) || e.source().hasClass('filtered-out') || e.target().hasClass('filtered-out')) e.addClass('filtered-out');
      });
    });
    drawTypeFilters();
  }

  /** What the views show: the drawn nodes and edges that pass the filters. */
  function visibleElements() {
    return { nodes: cy.nodes().not('.filtered-out').toArray(), edges: cy.edges().not('.filtered-out').toArray() };
  }

  function neighbourhoodLimits() {
    const hops = Math.min(3, Math.max(1, Number(document.getElementById('hops').value) || 1));
    const limit = Math.min(500, Math.max(5, Number(document.getElementById('node-limit').value) || 100));
    return { hops, limit };
  }

  /** Saves the graph as drawn (filters applied) as a PNG, at twice the screen's resolution. */
  function exportPng() {
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    TG.format.download(blob, `tradegraph-${TG.format.slug(focus ? focus.key : 'graph')}.png`);
  }

  // ---------------------------------------------------------------------------------------
  // Views: graph, table, charts (one shown at a time)
  // ---------------------------------------------------------------------------------------

  let view = 'graph';

  function showView(name) {
    view = name;
    for (const b of document.querySelectorAll('#view-tabs button')) b.setAttribute('aria-selected', String(b.dataset.view === name));
    for (const v of ['graph', 'table', 'charts']) document.getElementById(`${v}-view`).hidden = v !== name;
    if (name === 'graph') cy.resize();
    refreshView();
  }

  function refreshView() {
    if (view === 'table') TG.views.renderTable();
    if (view === 'charts') guarded(() => TG.views.renderCharts(false));
  }

  // Click: details. Double-click (dbltap): expand. Click on the background: clear the panel.
  cy.on('select', 'node', (evt) => evt.target.connectedEdges().addClass('near-selected'));
  cy.on('unselect', 'node', (evt) => evt.target.connectedEdges().removeClass('near-selected'));
  cy.on('tap', 'node', (evt) => showNodeDetails(evt.target));
  cy.on('tap', 'edge', (evt) => showEdgeDetails(evt.target));
  cy.on('dbltap', 'node', (evt) => guarded(() => expand(evt.target.id())));
  cy.on('tap', (evt) => {
    if (evt.target === cy) showHint();
  });

  document.getElementById('fit').addEventListener('click', () => cy.fit(cy.elements().not('.filtered-out'), 40));
  document.getElementById('export-png').addEventListener('click', exportPng);
  for (const b of document.querySelectorAll('#view-tabs button')) b.addEventListener('click', () => showView(b.dataset.view));
  document.getElementById('apply-limits').addEventListener('click', () => {
    if (focus) guarded(() => focusOn(focus.key));
  });
  document.getElementById('relayout').addEventListener('click', () => runLayout(true));
  document.getElementById('clear-graph').addEventListener('click', () => {
    generation += 1;
    clearPath();
    cy.elements().remove();
    focus = null;
    applyFilters();
    showHint();
    showGraphState();
    refreshView();
  });

  // ---------------------------------------------------------------------------------------
  // 3. Search
  // ---------------------------------------------------------------------------------------

  const searchForm = document.getElementById('search-form');
  const searchInput = document.getElementById('search-input');
  const resultsList = document.getElementById('results');
  const resultsStatus = document.getElementById('results-status');

  /** Only the latest search may draw its results (answers can arrive out of order). */
  let searchSeq = 0;

  async function search(text) {
    const seq = ++searchSeq;
    resultsStatus.textContent = 'Searching…';
    try {
      const data = await gql(SEARCH, { text, first: 20 });
      if (seq !== searchSeq) return;
      showResults(data.search, text);
    } catch (err) {
      if (seq === searchSeq) resultsStatus.textContent = 'Search failed: ' + err.message;
    }
  }

  function showResults(hits, text) {
    resultsList.replaceChildren();
    resultsStatus.textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${text}”` : `Nothing found for “${text}”.`;
    for (const hit of hits) {
      const choose = el('button', { type: 'button', class: 'hit' }, [
        kindBadge(hit.kind),
        el('span', { class: 'hit-name' }, [hit.name]),
        hit.nameZh ? el('span', { class: 'hit-zh', lang: 'zh' }, [hit.nameZh]) : '',
        el('span', { class: 'hit-key' }, [hit.key]),
      ]);
      choose.dataset.key = hit.key;
      choose.addEventListener('click', () => {
        for (const b of resultsList.querySelectorAll('.hit.chosen')) b.classList.remove('chosen');
        choose.classList.add('chosen');
        guarded(() => focusOn(hit.key));
      });
      // Path ends can be set straight from the results, without drawing the entity first.
      const label = hit.name || hit.key;
      const ends = el('span', { class: 'hit-ends' }, [
        smallButton('from', `Set ${label} as the path's start`, () => setPathEnd('from', { key: hit.key, label, kind: hit.kind }), 'hit-from'),
        smallButton('to', `Set ${label} as the path's end`, () => setPathEnd('to', { key: hit.key, label, kind: hit.kind }), 'hit-to'),
      ]);
      resultsList.append(el('li', { class: 'hit-row' }, [choose, ends]));
    }
  }

  searchForm.addEventListener('submit', (evt) => {
    evt.preventDefault();
    const text = searchInput.value.trim();
    if (text) search(text);
  });

  // Search as the user types, once they pause.
  let typingTimer;
  searchInput.addEventListener('input', () => {
    clearTimeout(typingTimer);
    const text = searchInput.value.trim();
    if (text.length >= 2) typingTimer = setTimeout(() => search(text), 300);
  });

  // ---------------------------------------------------------------------------------------
  // 4. Details panel
  // ---------------------------------------------------------------------------------------

  const details = document.getElementById('details-body');

  function showHint() {
    details.replaceChildren(el('p', { class: 'muted' }, ['Click a node or an edge to see its fields and the sources that state it. Double-click a node to expand it.']));
  }

  /** A node: what the graph view knows at once, then its full fields and own provenance. */
  function showNodeDetails(node) {
    showEntityDetails(node.data(), node);
  }

  /** A drawn node by key (a table row): select it and show its details. */
  function showNodeByKey(key) {
    const node = cy.getElementById(key);
    if (node.empty()) return;
    cy.elements().unselect();
    node.select();
    showNodeDetails(node);
  }

  /** A figure from a chart (not necessarily drawn): its fields, excerpts and sources. */
  function showFigure(f) {
    const drawn = cy.getElementById(f.key);
    if (drawn.nonempty()) return showNodeDetails(drawn);
    showEntityDetails({ key: f.key, kind: 'FIGURE', label: TG.format.figureLabel(f, 90), detail: f.statement, node: { __typename: 'Figure', id: f.id } });
  }

  const FLOW_LIST = `query ExploreFlows($filter: TradeFlowFilter) {
    tradeFlows(filter: $filter, first: 30) {
      totalCount
      nodes {
        key value currency direction periodStart periodEnd
        trader { name } product { name }
        to { ... on Region { name } ... on Market { name } }
        excerpts { key text locator source { key kind } }
        sources { key title publisher published url }
      }
    }
  }`;

  /** The flows behind a chart's bar or link, each with its value and what states it. */
  async function showFlows(filter, title) {
    const token = 'flows:' + JSON.stringify(filter);
    details.dataset.key = token;
    details.replaceChildren(el('h3', {}, [title]), el('p', { class: 'muted' }, ['Loading the flows…']));
    const data = await gql(FLOW_LIST, { filter });
    if (details.dataset.key !== token) return;
    const list = el('ol', { class: 'flows' });
    for (const f of data.tradeFlows.nodes) {
      const route = [f.trader && f.trader.name, f.product && f.product.name, f.to && f.to.name].filter(Boolean).join(' → ');
      list.append(
        el('li', { class: 'flow', 'data-key': f.key }, [
          el('p', { class: 'hop' }, [el('strong', {}, [TG.format.value(f.value, f.currency)]), ' ', TG.format.period(f.periodStart, f.periodEnd), route ? ' · ' + route : '']),
          f.excerpts.length || f.sources.length ? evidenceList(f.excerpts, f.sources) : el('p', { class: 'muted' }, ['no excerpt states this flow']),
        ]),
      );
    }
    const more = data.tradeFlows.totalCount > data.tradeFlows.nodes.length ? ` (the first ${data.tradeFlows.nodes.length})` : '';
    details.replaceChildren(el('h3', {}, [title]), el('p', { class: 'muted' }, [`${data.tradeFlows.totalCount} flow(s)${more}, each with the excerpts and sources that state it.`]), list);
  }

  /** Any entity: its caption, actions when it is drawn, its full fields and its own provenance. */
  function showEntityDetails(d, node) {
    details.dataset.key = d.key;
    const actions = node
      ? el('div', { class: 'actions' }, [
          button('Expand', () => guarded(() => expand(d.key)), 'expand'),
          button('Set as from', () => setPathEnd('from', d), 'set-from'),
          button('Set as to', () => setPathEnd('to', d), 'set-to'),
          button('Hide', () => {
            node.remove();
            showHint();
            applyFilters();
            showGraphState();
            refreshView();
          }, 'hide'),
        ])
      : '';
    const fields = el('dl', { class: 'fields' });
    const own = el('div', { class: 'own-evidence' });
    details.replaceChildren(
      el('h3', {}, [kindBadge(d.kind), ' ', d.label]),
      el('p', { class: 'key' }, [d.key]),
      d.detail ? el('p', { class: 'detail' }, [d.detail]) : '',
      actions,
      fields,
      own,
      TG.curation ? TG.curation.correctionPanel(d) : '',
      node ? connectionEvidence(node) : '',
    );
    // The full record needs one more request; it fills in the panel if it is still showing this node.
    if (d.node && d.node.id) {
      loadEntity(d.node.__typename, d.node.id)
        .then((entity) => {
          if (details.dataset.key !== d.key || !entity) return;
          fillFields(fields, entity);
          if (entity.excerpts || entity.sources) {
            own.replaceChildren(el('h4', {}, [isFact(d.kind) ? 'Stated in' : 'Named in']), evidenceList(entity.excerpts || [], entity.sources || []));
          }
        })
        .catch((err) => {
          if (details.dataset.key === d.key) fields.replaceChildren(el('p', { class: 'error' }, ['Could not load the fields: ' + err.message]));
        });
    }
  }

  const isFact = (kind) => kind === 'FIGURE' || kind === 'TRADE_FLOW';

  /** The evidence on the drawn edges of a node: for a fact, what states it; for an entity, its links. */
  function connectionEvidence(node) {
    const edges = node.connectedEdges().filter((e) => e.data('excerpts').length > 0);
    if (edges.empty()) return '';
    const list = el('ul', { class: 'connections' });
    edges.forEach((e) => {
      const other = e.source().id() === node.id() ? e.target() : e.source();
      const out = e.source().id() === node.id();
      list.append(
        el('li', {}, [
          el('p', { class: 'hop' }, [out ? '→ ' : '← ', el('code', {}, [e.data('type')]), ' ', other.data('label')]),
          evidenceList(e.data('excerpts'), e.data('sources')),
        ]),
      );
    });
    return el('section', { class: 'evidence' }, [el('h4', {}, ['Sources of its connections']), list]);
  }

  /** An edge: its type and ends, then the excerpts and sources that state it. */
  function showEdgeDetails(edge) {
    const d = edge.data();
    details.dataset.key = d.key;
    details.replaceChildren(
      el('h3', {}, [el('code', {}, [d.type])]),
      el('p', { class: 'edge-ends' }, [edge.source().data('label'), ' → ', edge.target().data('label')]),
      el('p', { class: 'key' }, [d.key]),
      d.note ? el('p', { class: 'detail' }, [d.note]) : '',
      el('h4', {}, ['Stated in']),
      d.excerpts.length || d.sources.length ? evidenceList(d.excerpts, d.sources) : el('p', { class: 'muted' }, ['No excerpt states this relationship (structural, e.g. the HS tree or a region hierarchy).']),
    );
  }

  /** Excerpts (verbatim, with where in the source) and sources (title, publisher, link). */
  function evidenceList(excerpts, sources) {
    const box = el('div', { class: 'evidence-list' });
    for (const x of excerpts) {
      const row = TG.format.dataRow(x);
      if (row) {
        // A row of a data file (e.g. division codes): its fields, said to be a record, not prose.
        const fields = el('span', { class: 'row-fields' }, row.fields.map((f) => el('span', { class: 'row-field' }, [f])));
        box.append(el('blockquote', { class: 'excerpt data-row' }, [el('span', { class: 'row-note' }, ['Record in a data file: ']), fields, el('cite', {}, [row.file])]));
      } else {
        box.append(el('blockquote', { class: 'excerpt' }, [x.text || '', x.locator ? el('cite', {}, [x.locator]) : '']));
      }
    }
    if (sources.length) {
      const list = el('ul', { class: 'sources' });
      for (const s of sources) list.append(el('li', { class: 'source' }, sourceLine(s)));
      box.append(list);
    }
    return box;
  }

  function sourceLine(s) {
    const title = s.title || s.key;
    // Only http(s) URLs become links; the link opens the publisher's page in a new tab.
    const titleEl = s.url && /^https?:\/\//i.test(s.url) ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, [title]) : el('span', {}, [title]);
    const parts = [titleEl];
    if (s.publisher) parts.push(el('span', { class: 'publisher' }, [' — ' + s.publisher]));
    if (s.published) parts.push(el('span', { class: 'published' }, [' (' + s.published + ')']));
    if (s.url) parts.push(el('span', { class: 'url' }, [s.url]));
    return parts;
  }

  function fillFields(dl, entity) {
    dl.replaceChildren();
    // A fact's value reads as a number with its unit (20 billion CNY), with the raw number beside it.
    if (typeof entity.value === 'number') {
      const shown = TG.format.value(entity.value, entity.unit || entity.currency, entity.qualifier);
      dl.append(el('dt', {}, ['value']), el('dd', { class: 'value' }, [el('strong', {}, [shown]), ` (${entity.value})`]));
    }
    for (const [name, value] of Object.entries(entity)) {
      if (name === '__typename' || name === 'excerpts' || name === 'sources' || name === 'value') continue;
      if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      dl.append(el('dt', {}, [name]), el('dd', {}, [Array.isArray(value) ? value.join(', ') : String(value)]));
    }
  }

  /*
   * The fields of each entity type come from the schema itself (introspection of that one type),
   * so the panel shows whatever the API offers without this script listing them. Where
   * introspection is off (production), a fixed selection over the shared interfaces is used.
   */
  const selections = new Map();

  const PROVENANCE = 'excerpts { key text locator source { key kind } } sources { key title publisher published url }';

  function typeSelection(typename) {
    if (!selections.has(typename)) {
      const asked = gql(
        `query ExploreType($name: String!) { __type(name: $name) { fields {
          name args { type { kind } defaultValue }
          type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`,
        { name: typename },
      ).then((data) => (data.__type ? selectionFromFields(data.__type.fields || []) : null), () => FALLBACK_SELECTION);
      selections.set(typename, asked);
    }
    return selections.get(typename);
  }

  /** A type's scalar fields (those without required arguments), plus its provenance if it has any. */
  function selectionFromFields(fields) {
    const named = (t) => (t.ofType ? named(t.ofType) : t);
    const picked = [];
    for (const f of fields) {
      if (f.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null)) continue;
      const base = named(f.type);
      if ((base.kind === 'SCALAR' || base.kind === 'ENUM') && f.name !== 'id') picked.push(f.name);
    }
    const has = (n) => fields.some((f) => f.name === n && named(f.type).kind === 'OBJECT');
    if (has('excerpts') && has('sources')) picked.push(PROVENANCE);
    return picked.join(' ');
  }

  const FALLBACK_SELECTION = '... on Named { name nameZh aliases } ... on Fact { statement value qualifier periodStart periodEnd }';

  async function loadEntity(typename, id) {
    const fields = await typeSelection(typename);
    if (!fields) return null;
    // The fallback spreads interfaces, valid at the Node level whatever the concrete type is.
    const selection = fields === FALLBACK_SELECTION ? fields : `... on ${typename} { ${fields} }`;
    const data = await gql(`query ExploreEntity($id: ID!) { node(id: $id) { __typename ${selection} } }`, { id });
    return data.node;
  }

  // ---------------------------------------------------------------------------------------
  // 5. Paths
  // ---------------------------------------------------------------------------------------

  const path = { from: null, to: null };
  const pathFind = document.getElementById('path-find');
  const pathStatus = document.getElementById('path-status');
  const pathHops = document.getElementById('path-hops');
  const pathMode = document.getElementById('path-mode');

  function setPathEnd(end, d) {
    path[end] = { key: d.key, label: d.label, kind: d.kind };
    const dd = document.getElementById('path-' + end);
    dd.classList.remove('muted');
    dd.replaceChildren(kindBadge(d.kind), ' ', d.label);
    dd.dataset.key = d.key;
    pathFind.disabled = !(path.from && path.to);
  }

  /** Asks for the path, draws what is missing of it, highlights it and lists each hop's sources. */
  async function findPath() {
    if (!path.from || !path.to) return;
    unhighlight();
    pathHops.replaceChildren();
    const field = pathMode.value === 'shortestPath' ? 'shortestPath' : 'howConnected';
    pathStatus.textContent = 'Looking for a path…';
    const data = await gql(pathQuery(field), { from: path.from.key, to: path.to.key });
    const found = data.path;
    if (!found) {
      pathStatus.textContent = `No path between ${path.from.label} and ${path.to.label} within the hop limit.`;
      return;
    }
    const added = addSubgraph(found.nodes, found.edges);
    if (added.nonempty()) await runLayout(false);
    highlight(found);
    pathStatus.textContent = `${found.length} hop${found.length === 1 ? '' : 's'} (${field})`;
    listHops(found);
  }

  function highlight(found) {
    const onPath = cy.collection();
    for (const n of found.nodes) onPath.merge(cy.getElementById(n.key));
    for (const e of found.edges) onPath.merge(cy.getElementById(edgeId(e.key)));
    cy.elements().addClass('faded');
    onPath.removeClass('faded').addClass('on-path');
    cy.getElementById(path.from.key).addClass('path-end');
    cy.getElementById(path.to.key).addClass('path-end');
    cy.fit(onPath, 80);
    capZoom();
  }

  function unhighlight() {
    cy.elements().removeClass('faded on-path path-end');
  }

  /** One list item per hop, in path order, with the direction the relationship points. */
  function listHops(found) {
    const label = new Map(found.nodes.map((n) => [n.key, n.label]));
    found.edges.forEach((e, i) => {
      const at = found.nodes[i] ? found.nodes[i].key : e.source;
      const forward = e.source === at;
      const hop = forward
        ? [label.get(e.source), ' —', el('code', {}, [e.type]), '→ ', label.get(e.target)]
        : [label.get(e.target), ' ←', el('code', {}, [e.type]), '— ', label.get(e.source)];
      const item = el('li', { class: 'hop-item' }, [
        el('p', { class: 'hop' }, hop),
        e.excerpts.length || e.sources.length ? evidenceList(e.excerpts, e.sources) : el('p', { class: 'muted' }, ['no excerpt states this hop']),
      ]);
      item.addEventListener('click', () => {
        const edge = cy.getElementById(edgeId(e.key));
        if (edge.nonempty()) {
          cy.elements().unselect();
          edge.select();
          showEdgeDetails(edge);
        }
      });
      pathHops.append(item);
    });
  }

  function clearPath() {
    unhighlight();
    pathHops.replaceChildren();
    pathStatus.textContent = '';
  }

  pathFind.addEventListener('click', () => guarded(findPath, pathStatus));
  document.getElementById('path-clear').addEventListener('click', () => {
    clearPath();
    for (const end of ['from', 'to']) {
      path[end] = null;
      const dd = document.getElementById('path-' + end);
      dd.classList.add('muted');
      dd.textContent = `pick a node, then “Set as ${end}”`;
      delete dd.dataset.key;
    }
    pathFind.disabled = true;
  });

  // ---------------------------------------------------------------------------------------
  // 6. Helpers, start-up, test hooks
  // ---------------------------------------------------------------------------------------

  /** Creates an element with attributes and children (strings become text nodes, '' is skipped). */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children || []) if (child !== '' && child !== undefined && child !== null) node.append(child);
    return node;
  }

  function button(text, onClick, name) {
    const b = el('button', { type: 'button', 'data-action': name }, [text]);
    b.addEventListener('click', onClick);
    return b;
  }

  function smallButton(text, title, onClick, name) {
    const b = button(text, onClick, name);
    b.className = 'small';
    b.title = title;
    b.setAttribute('aria-label', title);
    return b;
  }

  // Colours are set through the CSSOM, never a style attribute: a strict CSP (style-src 'self') holds.
  function kindBadge(kind) {
    const k = KINDS[kind];
    const badge = el('span', { class: 'kind', 'data-kind': kind }, [kindName(kind)]);
    badge.style.background = k ? k.colour : '#999';
    return badge;
  }

  function swatch(colour) {
    const s = el('span', { class: 'swatch' });
    s.style.background = colour;
    return s;
  }

  /** Runs an action and shows its failure in a status line instead of losing it in the console. */
  async function guarded(action, statusEl) {
    try {
      await action();
    } catch (err) {
      layoutRunning = false;
      (statusEl || graphStatus).textContent = 'Failed: ' + err.message;
      (statusEl || graphStatus).classList.add('error');
      setTimeout(() => (statusEl || graphStatus).classList.remove('error'), 4000);
    }
  }

  TG.views.init({
    gql,
    el,
    kindBadge,
    kindName,
    kindColour: (kind) => (KINDS[kind] ? KINDS[kind].colour : '#999'),
    visibleElements,
    showNodeByKey,
    showFigure,
    showFlows: (filter, title) => guarded(() => showFlows(filter, title)),
    focusKey: () => (focus ? focus.key : null),
    focusKind: () => (focus ? focus.kind : null),
    focusLabel: () => (focus ? focus.label : ''),
    fail: (err) => guarded(() => Promise.reject(err)),
  });
  if (TG.curation) TG.curation.init({ gql, el, button, refresh: refreshView });
  showGraphState();

  // The kinds first (legend, colours), then a link to /explore/#<key> opens that entity's neighbourhood.
  const ready = loadKinds().then(() => {
    const start = decodeURIComponent(window.location.hash.slice(1));
    if (start) return guarded(() => focusOn(start));
  });

  /** For the end-to-end test and the curious: the graph and whether the page has settled. */
  window.explore = {
    cy,
    path,
    kinds: KINDS,
    ready,
    idle: () => pending === 0 && !layoutRunning && TG.views.idle(),
    layout: hasFcose ? 'fcose' : 'cose',
    showView,
  };
})();
