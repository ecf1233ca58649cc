/**
 * The peer's type definitions: @neo4j/graphql v7 over the same labels, properties and
 * relationships as tradegraph (docs/model.md, same directions). Only what the benchmark's query
 * set reads is declared; the peer generates its whole CRUD API from this.
 *
 * FROM/TO may point at a Region or a Market in the model: declared as the union `Place`.
 * A trade flow is also a `Fact` (the label whose id is unique and indexed): declared with both
 * labels, as a user of the library would, so that a lookup by id is an index seek.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Source @node {
    id: ID!
    title: String
    publisher: String
    kind: String
    excerpts: [Excerpt!]! @relationship(type: "EXCERPT_OF", direction: IN)
  }

  type Excerpt @node {
    id: ID!
    text: String
    locator: String
    source: Source @relationship(type: "EXCERPT_OF", direction: OUT)
  }

  type Region @node {
    id: ID!
    name: String
    kind: String
    iso3: String
    partOf: Region @relationship(type: "PART_OF", direction: OUT)
    parts: [Region!]! @relationship(type: "PART_OF", direction: IN)
    markets: [Market!]! @relationship(type: "MEMBER_OF", direction: OUT)
    flowsIn: [TradeFlow!]! @relationship(type: "TO", direction: IN)
    flowsOut: [TradeFlow!]! @relationship(type: "FROM", direction: IN)
    headquartered: [Company!]! @relationship(type: "HEADQUARTERED_IN", direction: IN)
    excerpts: [Excerpt!]! @relationship(type: "STATED_IN", direction: OUT)
  }

  type Market @node {
    id: ID!
    name: String
    kind: String
    members: [Region!]! @relationship(type: "MEMBER_OF", direction: IN)
    flowsIn: [TradeFlow!]! @relationship(type: "TO", direction: IN)
    excerpts: [Excerpt!]! @relationship(type: "STATED_IN", direction: OUT)
  }

  union Place = Region | Market

  type Company @node {
    id: ID!
    name: String
    kind: String
    headquarters: Region @relationship(type: "HEADQUARTERED_IN", direction: OUT)
    flows: [TradeFlow!]! @relationship(type: "TRADER", direction: IN)
    excerpts: [Excerpt!]! @relationship(type: "STATED_IN", direction: OUT)
  }

  type Product @node {
    id: ID!
    name: String
    description: String
    hsCode: String
    hsLevel: Int
    partOf: Product @relationship(type: "PART_OF", direction: OUT)
    parts: [Product!]! @relationship(type: "PART_OF", direction: IN)
    flows: [TradeFlow!]! @relationship(type: "OF_PRODUCT", direction: IN)
    excerpts: [Excerpt!]! @relationship(type: "STATED_IN", direction: OUT)
  }

  type TradeFlow @node(labels: ["TradeFlow", "Fact"]) {
    id: ID!
    direction: String
    periodStart: Int
    periodEnd: Int
    value: Float
    currency: String
    trader: Company @relationship(type: "TRADER", direction: OUT)
    product: Product @relationship(type: "OF_PRODUCT", direction: OUT)
    from: Place @relationship(type: "FROM", direction: OUT)
    to: Place @relationship(type: "TO", direction: OUT)
    excerpts: [Excerpt!]! @relationship(type: "STATED_IN", direction: OUT)
  }
`;
