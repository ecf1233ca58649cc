// model/search-index: the full-text index over the names of every kind the model marks `searchable`
// (src/model.ts), ensured after the migrations on every start-up, so a searchable kind added to the
// model is searched without a migration of its own. Same analyzer and properties as
// cypher/migrations/003_fulltext_search.cypher, which created it first (see there for why 'cjk').
// A full-text index cannot change its labels: when they differ from the model's, it is dropped
// (model/drop-search-index) and created again.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:__SEARCHABLE_LABELS__)
ON EACH [n.name, n.nameZh, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
