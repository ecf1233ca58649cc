// parts/trade-flows: a FRAGMENT, not a query (written where a query says __TRADE_FLOWS__; see
// src/neo4j/query-parts.ts). The one definition of "the trade flows a filter matches": every flow
// list, aggregate and summary uses it, so they always agree on which flows they count.
// It expects in scope:
//   flt        a map with the keys of flowParams (src/domain/trade-flow/trade-flow.repository.ts):
//              trader, directions, product, hsPrefix, from, to, via, reporter, yearFrom, yearTo
//              (each null = no condition)
//   parentId, parentAs, parentEnd   the parent of a nested field, one more condition: parentAs is
//              null (a root field), 'trader' (a company), 'product', 'place' (a region or market;
//              parentEnd 'FROM', 'TO' or null for either end) or 'channel' (a policy)
// and adds one row per matching trade flow `f`, keeping every variable already in scope.
//   trader     the TRADER company
//   product    the product, its HS descendants (PART_OF) and the named products classified under
//              them; for a named product also the HS entries it is CLASSIFIED_AS and their
//              descendants (customs data records a named product under its HS code)
//   hsPrefix   the product's HS code, or the code of an entry it is classified as, starts with it
//   from, to   a region matches itself and its sub-regions; a market matches itself and its member
//              regions (and their sub-regions) while the membership dates overlap the flow period
//   via, reporter  the channel or trade form (VIA); the reporting economy (REPORTED_BY)
//   directions, yearFrom, yearTo   one of the directions; a period overlapping the years
// The scan starts from one condition (an index seek and a short walk): the only one set, or of several
// the one whose walk reaches the fewest flows; else from every flow. The other conditions are then
// checked, and the anchor's own only where its walk does not already imply it (a market's membership
// dates). The branches exclude each other (UNION ALL: no set to build over every flow); a walk that
// can reach a flow twice returns it once (DISTINCT).
// Guards (src/neo4j/query-parts.ts): a request's text keeps only the branches of the conditions it
// sets (`anchor`, `candidates`: src/neo4j/query-flags.ts), the checks they may need (`check`) and
// the conditions themselves (`$filter.x`; `flt` is the query's $filter). As written, the file keeps
// every branch and check, and each one tests at run time whether it applies.
// In two parts, so that a query that needs the same flows twice (trade-flow/page: the count and
// the page) computes the conditions once and scans twice: parts/flow-conditions gives `musts`,
// parts/flow-scan the flows.
__FLOW_CONDITIONS__
__FLOW_SCAN__
