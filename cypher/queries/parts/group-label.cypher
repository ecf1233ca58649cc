// parts/group-label: a FRAGMENT, not a query (written where a query says __GROUP_LABEL__).
// The key and label of a group of parts/flow-dimension, from its `node` and `other` in scope: `key`
// is the node's graph id, else `other` (a year, 'hs:unclassified'); `label` the node's name, else its
// id, else a year itself, and 'Not classified under an HS chapter' for flows outside the HS tree.
WITH *, coalesce(node.id, other) AS key,
  coalesce(node.name, node.id, CASE other WHEN 'hs:unclassified' THEN 'Not classified under an HS chapter' ELSE other END) AS label
