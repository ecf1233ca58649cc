// model/drop-search-index: drops the full-text index whose labels no longer match the model's
// searchable kinds (see model/search-index, which then creates it again).
DROP INDEX entity_names IF EXISTS
