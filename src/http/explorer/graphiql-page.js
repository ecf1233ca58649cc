/*
 * GraphiQL for tradegraph (no build step, no inline script: a strict CSP holds).
 *
 * The example operations of the repository (operations/*.graphql, served as operations.json)
 * open as tabs on a first visit, and stay one click away in the "Examples" panel (which opens
 * any of them in a new tab, also after GraphiQL has stored the user's own tabs).
 */
/* global GraphiQL, React, ReactDOM, window, document, fetch, URL, setTimeout */
'use strict';

(function () {
  const h = React.createElement;
  const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', window.location.href).toString() });

  const WELCOME = `# tradegraph: ask the trade graph.
#
# The tabs hold the example operations of the repository (operations/*.graphql);
# the "Examples" panel on the left opens any of them again.
{
  serviceInfo { version neo4j }
}
`;

  /** The Examples panel: one button per operation; a click opens it in a new tab. */
  function examplesPlugin(operations) {
    function Examples() {
      const editor = GraphiQL.React.useEditorContext({ nonNull: true });
      const open = (op) => {
        editor.addTab();
        // addTab switches to an empty tab; fill it once the editors show that tab.
        setTimeout(() => {
          if (editor.queryEditor) editor.queryEditor.setValue(op.query);
          if (editor.variableEditor && op.variables) editor.variableEditor.setValue(op.variables);
        }, 0);
      };
      return h('div', { className: 'tg-examples' }, [
        h('p', { key: 'p' }, 'Example operations (operations/*.graphql). Each runs as written against the seeded graph.'),
        h(
          'ul',
          { key: 'ul' },
          operations.map((op) =>
            h('li', { key: op.name }, h('button', { type: 'button', 'data-operation': op.name, onClick: () => open(op), title: 'Open in a new tab' }, [
              h('span', { key: 'n', className: 'tg-name' }, op.operationName || op.name),
              h('span', { key: 'a', className: 'tg-about' }, op.title),
            ])),
          ),
        ),
      ]);
    }
    return { title: 'Examples', icon: () => h('span', { className: 'tg-icon', 'aria-hidden': true }, 'Ex'), content: Examples };
  }

  function render(operations) {
    const examples = examplesPlugin(operations);
    const defaultTabs = [{ query: WELCOME }, ...operations.map((op) => ({ query: op.query, variables: op.variables || undefined }))];
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      h(GraphiQL, { fetcher, defaultQuery: WELCOME, defaultTabs, plugins: [examples], visiblePlugin: examples, defaultEditorToolsVisibility: true }),
    );
    window.tradegraphGraphiql = { operations };
  }

  fetch('operations.json')
    .then((res) => (res.ok ? res.json() : []))
    .catch(() => [])
    .then(render);
})();
