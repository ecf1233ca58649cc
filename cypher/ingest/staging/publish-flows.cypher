// Publishing, step 2: staged flows become Fact:TradeFlow nodes (their relationships were created
// when they were staged). Only the labels change (the cheapest write there is: no property is
// rewritten); `importRun` stays on the flow and says which run wrote it. Batched by the caller:
// `CALL { } IN TRANSACTIONS` for large runs, or inside the one publishing transaction for small
// ones (__IN_TRANSACTIONS__ is filled accordingly).
MATCH (n:StagedFact)
CALL (n) {
  SET n:Fact:TradeFlow
  REMOVE n:StagedFact
} __IN_TRANSACTIONS__
RETURN count(*) AS count
