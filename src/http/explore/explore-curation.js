/*
 * Curation in /explore: sign in with a bearer token (kept for this tab only), propose a correction
 * from an entity's details panel (its record as the graph has it, edited, with the excerpt and
 * source that justify it: both required), and, for editors, review the open change sets.
 * The server checks every rule again (roles, record validity, versions); this page only asks.
 */
/* global window, document, fetch, atob, setTimeout, URL */
'use strict';

(function () {
  const TG = (window.TG = window.TG || {});
  const KEY = 'tradegraph-token';
  const ROLES = ['reader', 'curator', 'editor', 'admin'];
  let ctx; // gql, el, button, refresh: given by explore.js (init)

  // ---- identity -------------------------------------------------------------------------
  const token = () => window.sessionStorage.getItem(KEY);

  /** The token's subject and roles, for display and for choosing what to offer (the server decides). */
  function who() {
    const t = token();
    if (!t) return null;
    try {
      const payload = JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      const claim = payload.roles;
      const roles = (Array.isArray(claim) ? claim : String(claim || '').split(/[\s,]+/)).filter((r) => ROLES.includes(r));
      return { sub: payload.sub, roles };
    } catch {
      return { sub: '?', roles: [] };
    }
  }

  const may = (role) => {
    const w = who();
    return !!w && w.roles.some((r) => ROLES.indexOf(r) >= ROLES.indexOf(role));
  };

  function authHeaders() {
    const t = token();
    return t ? { authorization: 'Bearer ' + t } : {};
  }

  function drawIdentity() {
    const box = document.getElementById('identity');
    const w = who();
    const { el, button } = ctx;
    if (w) {
      box.replaceChildren(el('span', { class: 'who' }, [`${w.sub} (${w.roles.join(', ') || 'no role'})`]), ' ', button('Sign out', () => signIn(null), 'sign-out'));
    } else {
      // One small button until asked: the header keeps its height (the graph below does not move).
      box.replaceChildren(
        button('Sign in', () => {
          const input = el('input', { id: 'token-input', type: 'password', placeholder: 'bearer token (tradegraph token)', 'aria-label': 'Bearer token', autocomplete: 'off' });
          const form = el('form', { id: 'sign-in' }, [input, el('button', { type: 'submit' }, ['Sign in'])]);
          form.addEventListener('submit', (e) => {
            e.preventDefault();
            if (input.value.trim()) signIn(input.value.trim());
          });
          box.replaceChildren(form);
          input.focus();
        }, 'sign-in'),
      );
    }
    document.getElementById('review-section').hidden = !may('curator');
    if (may('curator')) loadReview();
  }

  function signIn(t) {
    if (t) window.sessionStorage.setItem(KEY, t);
    else window.sessionStorage.removeItem(KEY);
    drawIdentity();
    ctx.refresh();
  }

  // ---- proposing a correction -------------------------------------------------------------
  const PROPOSE = `mutation ExplorePropose($records: [JSONObject!]!, $excerpt: JSONObject!, $source: JSONObject, $summary: String) {
    propose(records: $records, excerpt: $excerpt, source: $source, summary: $summary) { id status version }
  }`;
  const SOURCE_KINDS = ['official-document', 'news', 'secondary-report', 'official-statistics', 'customs-data', 'reference-data'];
  const suffix = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'source';

  /** The details panel's curation part: a button that opens the correction form (curators and up). */
  function correctionPanel(d) {
    if (!may('curator')) return '';
    const { el, button } = ctx;
    const box = el('section', { class: 'curation' }, []);
    box.append(button('Propose a correction', () => openForm(d, box), 'propose-correction'));
    return box;
  }

  async function openForm(d, box) {
    const { el } = ctx;
    box.replaceChildren(el('p', { class: 'muted' }, ['Loading the record…']));
    const data = await ctx.gql('query ExploreDraft($id: String!) { recordDraft(entity: $id) }', { id: d.key });
    const excerptId = 'excerpt:curation-' + suffix();
    const record = data.recordDraft;
    if (!record) {
      box.replaceChildren(el('p', { class: 'muted' }, ['No curated record type states this; it cannot be corrected here.']));
      return;
    }
    record.excerpts = [...(record.excerpts || []), excerptId];
    const field = (label, input) => el('label', { class: 'field' }, [label, input]);
    const recordText = el('textarea', { name: 'record', rows: '10', spellcheck: 'false' }, [JSON.stringify(record, null, 2)]);
    const excerptText = el('textarea', { name: 'excerpt-text', rows: '3', required: 'required', placeholder: 'The sentence of the source that justifies the change, verbatim' }, []);
    const locator = el('input', { name: 'locator', placeholder: 'page 3, paragraph 2' });
    const sourceId = el('input', { name: 'source-id', placeholder: 'source:… (a source the graph has)' });
    const sourceTitle = el('input', { name: 'source-title', placeholder: 'or a new source: its title' });
    const sourceUrl = el('input', { name: 'source-url', type: 'url', placeholder: 'https://…' });
    const sourceKind = el('select', { name: 'source-kind' }, SOURCE_KINDS.map((k) => el('option', { value: k }, [k])));
    const summary = el('input', { name: 'summary', placeholder: 'What changes, for the reviewer' });
    const status = el('div', { class: 'curation-status', role: 'status' }, []);
    // novalidate: the page lists every missing piece itself (the browser would stop at the first).
    const form = el('form', { class: 'correction', novalidate: '' }, [
      el('h4', {}, ['Propose a correction']),
      field('Record (curated format; every field it gives replaces the stored one, a field left out is removed)', recordText),
      field('Excerpt (required)', excerptText),
      field('Locator', locator),
      field('Source id', sourceId),
      field('New source title', sourceTitle),
      field('New source URL', sourceUrl),
      field('New source kind', sourceKind),
      field('Summary', summary),
      el('button', { type: 'submit', 'data-action': 'submit-proposal' }, ['Propose']),
      status,
    ]);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const problems = [];
      let parsed;
      try {
        parsed = JSON.parse(recordText.value);
      } catch (err) {
        problems.push('record: not valid JSON (' + err.message + ')');
      }
      if (!excerptText.value.trim()) problems.push('excerpt: the excerpt that justifies the change is required');
      const newSource = sourceTitle.value.trim();
      if (!sourceId.value.trim() && !newSource) problems.push('source: name a source the graph has, or give a new one');
      if (problems.length) return showProblems(status, problems);
      const source = newSource
        ? { type: 'source', id: `source:${slug(newSource)}-${suffix()}`, title: newSource, kind: sourceKind.value, ...(sourceUrl.value.trim() ? { url: sourceUrl.value.trim() } : {}) }
        : null;
      const excerpt = { type: 'excerpt', id: excerptId, source: source ? source.id : sourceId.value.trim(), text: excerptText.value, ...(locator.value.trim() ? { locator: locator.value.trim() } : {}) };
      try {
        const res = await rawGql(PROPOSE, { records: [parsed], excerpt, source, summary: summary.value.trim() || null });
        if (res.errors) return showProblems(status, problemsOf(res.errors));
        status.replaceChildren(ctx.el('p', { class: 'ok' }, [`Proposed as ${res.data.propose.id}: an editor reviews it before the graph changes.`]));
        status.dataset.changeSet = res.data.propose.id;
        loadReview();
      } catch (err) {
        showProblems(status, [err.message]);
      }
    });
    box.replaceChildren(form);
  }

  /** Per-record problems (BAD_USER_INPUT's extensions.errors) as `path: message` lines. */
  function problemsOf(errors) {
    const e = errors[0];
    const list = e.extensions && e.extensions.errors;
    return list ? list.map((p) => `${p.path.join('.')}: ${p.message}`) : errors.map((x) => x.message);
  }

  function showProblems(status, problems) {
    const { el } = ctx;
    status.replaceChildren(el('ul', { class: 'error' }, problems.map((p) => el('li', {}, [p]))));
  }

  /** A request whose errors the caller reads (the page's gql throws on the first one). */
  async function rawGql(query, variables) {
    const res = await fetch(new URL('../graphql', window.location.href).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  }

  // ---- reviewing change sets ----------------------------------------------------------------
  const OPEN = `query ExploreChangeSets { changeSets(status: OPEN, first: 20) { id version author createdAt summary records entities } }`;
  const REVIEW = {
    approve: `mutation ExploreApprove($id: ID!, $version: Int!, $comment: String) { approveChangeSet(id: $id, version: $version, comment: $comment) { id status } }`,
    reject: `mutation ExploreReject($id: ID!, $version: Int!, $comment: String!) { rejectChangeSet(id: $id, version: $version, comment: $comment) { id status } }`,
  };

  async function loadReview() {
    const { el, button } = ctx;
    const list = document.getElementById('change-sets');
    const status = document.getElementById('review-status');
    const res = await rawGql(OPEN, {});
    if (res.errors) {
      status.textContent = res.errors[0].message;
      return;
    }
    const sets = res.data.changeSets;
    status.textContent = sets.length ? `${sets.length} open change set(s)` : 'No open change sets.';
    list.replaceChildren(
      ...sets.map((cs) => {
        const comment = el('input', { name: 'comment', placeholder: 'Comment (required to reject)', 'aria-label': 'Review comment' });
        const outcome = el('p', { class: 'muted' }, []);
        const act = (kind) => async () => {
          if (kind === 'reject' && !comment.value.trim()) return (outcome.textContent = 'Say why it is rejected.');
          const r = await rawGql(REVIEW[kind], { id: cs.id, version: cs.version, comment: comment.value.trim() || null });
          if (r.errors) return (outcome.textContent = `${r.errors[0].extensions ? r.errors[0].extensions.code + ': ' : ''}${r.errors[0].message}`);
          outcome.textContent = kind === 'approve' ? 'Approved: applied to the graph.' : 'Rejected.';
          setTimeout(loadReview, 500);
          ctx.refresh();
        };
        const actions = may('editor') ? el('div', { class: 'actions' }, [comment, button('Approve', act('approve'), 'approve'), button('Reject', act('reject'), 'reject')]) : el('p', { class: 'muted' }, ['An editor reviews it.']);
        return el('li', { 'data-change-set': cs.id }, [
          el('p', {}, [el('strong', {}, [cs.summary || '(no summary)']), ` by ${cs.author}, ${cs.createdAt.slice(0, 16).replace('T', ' ')}`]),
          el('p', { class: 'key' }, [cs.entities.join(', ')]),
          el('details', {}, [el('summary', {}, [`${cs.records.length} record(s)`]), el('pre', {}, [cs.records.map((r) => JSON.stringify(r)).join('\n')])]),
          actions,
          outcome,
        ]);
      }),
    );
  }

  TG.curation = {
    init(c) {
      ctx = c;
      document.getElementById('review-refresh').addEventListener('click', () => loadReview());
      drawIdentity();
    },
    authHeaders,
    correctionPanel,
  };
})();
