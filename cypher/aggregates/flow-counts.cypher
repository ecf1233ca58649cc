// aggregates/flow-counts: how many trade flows there are per direction, on the AggregateState node
// (parallel lists `flowDirections`, `flowDirectionCounts`), so the root `tradeFlows(filter:
// {direction})` page's `totalCount` adds a few stored counts (trade-flow/page, $storedCount) instead
// of counting every flow. Run after every import (src/neo4j/aggregates.ts), full and incremental
// alike: it reads the direction index (flow_direction, migration 002), one entry per flow, never
// the flows themselves. Flows without a direction are counted by no direction filter.
CALL () {
  MATCH (f:TradeFlow) WHERE f.direction IS NOT NULL
  WITH f.direction AS direction, count(*) AS flows
  ORDER BY direction
  RETURN collect(direction) AS directions, collect(flows) AS counts
}
MERGE (a:AggregateState {id: 'aggregates'})
SET a.flowDirections = directions, a.flowDirectionCounts = counts
RETURN size(directions) AS written
