// Full-text search over the names of the named entities (the `search` query, src/domain/linkage).
// One index over every label a user searches by name, on the English name, the Chinese name and the
// aliases (a list of strings: English variants, Chinese short names, pinyin), so one query ranks
// them all together by Lucene score.
// Analyzer 'cjk' (from CALL db.index.fulltext.listAvailableAnalyzers() on Neo4j 5.26): Latin text
// is tokenized and lower-cased like the standard analyzer (Lucene fuzzy `term~` then tolerates
// typos), and Chinese, which has no spaces between words, is indexed as overlapping bigrams, so
// "长安" finds "长安汽车". 'standard-no-stop-words' would index single characters instead, so an
// unquoted "长安" would also match every name that merely shares one of the two characters.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Product|Region|Market|Policy|Facility)
ON EACH [n.name, n.nameZh, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
