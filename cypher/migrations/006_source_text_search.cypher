// Full-text search over what sources say (the `search` query, src/domain/linkage): the verbatim text
// of excerpts, the one-line statements of figures and trade flows, every curator's note and source
// titles. One index over all of them, so one query ranks passages, facts and notes together; the
// names stay in `entity_names` (003), which ranks name matches first.
// Analyzer 'cjk' as in 003: English words lower-cased (with English stop words dropped, so "reform
// and innovation" needs "reform" and "innovation"), Chinese indexed as overlapping bigrams, so an
// excerpt in Chinese is found by any two-character word of it ("出口" in "汽车出口402.2亿元").
CREATE FULLTEXT INDEX source_text IF NOT EXISTS
FOR (n:Excerpt|Figure|TradeFlow|Source|Company|Product|Region|Market|Policy|Facility)
ON EACH [n.text, n.statement, n.note, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
