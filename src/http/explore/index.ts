/**
 * The graph explorer at /explore: search the graph, draw an entity's neighbourhood (filtered by
 * kind and relationship type), read the evidence behind every edge and fact, see what is drawn
 * as a sortable table (CSV export) and as charts (figures over time, trade totals, a Sankey of
 * firms -> products -> markets), and highlight how two entities are connected.
 *
 * Like /graphiql it works offline and needs no build step: the page, its scripts and styles are
 * static files in this folder; the libraries (cytoscape with the fcose layout and its two helper
 * packages, Apache ECharts) are served from the builds their npm packages ship. The page talks
 * only to the public GraphQL endpoint (../graphql).
 */
import path from 'node:path';
import type express from 'express';
import { packageDir, pageDir, staticPageRouter } from '../static-page';

/** The page's own scripts, in load order (index.html lists them in this order), and styles. */
export const EXPLORE_SCRIPTS = ['explore-format.js', 'explore-views.js', 'explore-curation.js', 'explore.js'];
const OWN_FILES = [...EXPLORE_SCRIPTS, 'explore.css', 'explore-curation.css'];

/**
 * The libraries. fcose's helpers are its dependencies, so they are resolved from fcose's folder
 * (correct even if npm nests them). Load order in index.html: layout-base, cose-base,
 * cytoscape-fcose (each UMD build reads the previous one from a global).
 */
function libraries(): Record<string, string> {
  const fcose = packageDir('cytoscape-fcose');
  const coseBase = packageDir('cose-base', fcose);
  return {
    'cytoscape.min.js': path.join(packageDir('cytoscape'), 'dist/cytoscape.min.js'),
    'layout-base.js': path.join(packageDir('layout-base', coseBase), 'layout-base.js'),
    'cose-base.js': path.join(coseBase, 'cose-base.js'),
    'cytoscape-fcose.js': path.join(fcose, 'cytoscape-fcose.js'),
    'echarts.min.js': path.join(packageDir('echarts'), 'dist/echarts.min.js'),
  };
}

export function exploreRouter(): express.Router {
  return staticPageRouter({ dir: pageDir('explore'), ownFiles: OWN_FILES, libraries: libraries() });
}
