// curation/latest-seq: the seq of the newest recorded change (0 when none): where a new feed subscriber starts.
MATCH (c:Change)
RETURN c.seq AS seq
ORDER BY c.seq DESC
LIMIT 1
