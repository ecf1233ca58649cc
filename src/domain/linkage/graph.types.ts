/**
 * The drawable graph shapes of the linkage API (docs: /tmp contract, "The linkage API contract"):
 * search hits, nodes and edges of a subgraph, and paths. A front-end draws `nodes` and `edges`
 * directly: edges name their endpoints by node `key`, and every edge has a stable `key`.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import type { EntityValue } from '../shared/to-value';
import { Excerpt } from '../source/source.type';
import { EntityKind } from './entity-kind';

@ObjectType('SearchHit', { simpleResolvers: true, description: 'One entity, fact, excerpt or source found by `search`, with its relevance score and what matched.' })
export class SearchHit {
  @Field(() => ID, {
    description:
      'Cache id of this hit in this search (global id of the search text and the entity): the score belongs to one search, so two searches never share a hit. The entity\'s own id is `node.id`.',
  })
  id!: string;

  @Field({ description: 'The raw graph id.' })
  key!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => Float, { description: 'Lucene relevance: higher is better; only comparable within one search.' })
  score!: number;

  @Field(() => Node, { nullable: true, description: 'The entity itself.' })
  node!: EntityValue | null;

  @Field(() => [String], {
    description: 'Where the text matched: `name` (name, Chinese name, aliases), `text` (an excerpt\'s verbatim text), `statement` (a figure\'s or flow\'s), `note` (a curator\'s), `title` (a source\'s), `stated` (an excerpt that states this matched; see `excerpts`).',
  })
  matchedIn!: string[];

  @Field(() => [Excerpt], { description: 'For a hit found through what a source says: the matching excerpts that state it (each with its source); for an excerpt, itself.' })
  excerpts!: EntityValue[];
}

@ObjectType('GraphNode', { simpleResolvers: true, description: 'A node of a drawable subgraph or path.' })
export class GraphNode {
  @Field(() => ID, { description: 'The global id of the entity drawn (the same as `node.id`); a caching client normalizes on it.' })
  id!: string;

  @Field({ description: 'The raw graph id; edges refer to nodes by it.' })
  key!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field({ description: 'A short caption: the name, a figure\'s metric and value, a source\'s title.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'A small summary line (kind, Chinese name, statement, locator...).' })
  detail!: string | null;

  @Field(() => Node, { nullable: true, description: 'The entity itself, for any further field.' })
  node!: EntityValue | null;
}

/** What the edge resolvers need besides the GraphQL fields (provenance is loaded on demand). */
export interface GraphEdgeValue {
  id: string;
  key: string;
  source: string;
  target: string;
  type: string;
  note: string | null;
  /** The excerpt ids the relationship carries (empty for fact participation and HS tree edges). */
  excerptIds: string[];
}

@ObjectType('GraphEdge', { description: 'A relationship of a drawable subgraph or path, with what states it.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Global id of the relationship (base64 of `GraphEdge:source|type|target`), for caching clients; relationships are not `Node`s.' })
  id!: string;

  @Field({ description: 'Stable: `source|type|target`.' })
  key!: string;

  @Field({ description: 'Key of the start node (the relationship\'s own direction).' })
  source!: string;

  @Field({ description: 'Key of the end node.' })
  target!: string;

  @Field({ description: 'The relationship type, e.g. MEMBER_OF, ABOUT, SUPPORTS.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'What the curator noted on the relationship (e.g. an ambiguous classification).' })
  note!: string | null;
}

@ObjectType('Subgraph', { simpleResolvers: true, description: 'Nodes and edges around an entity, ready to draw.' })
export class Subgraph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdgeValue[];

  @Field({ description: 'True when the node or edge limit cut the neighbourhood short.' })
  truncated!: boolean;
}

@ObjectType('GraphPath', { simpleResolvers: true, description: 'A path between two entities: nodes in order and the edges between them.' })
export class GraphPath {
  @Field(() => Int, { description: 'Number of edges.' })
  length!: number;

  @Field(() => [GraphNode], { description: 'From the start to the end entity, in order.' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'edges[i] joins nodes[i] and nodes[i+1] (in either direction: see source/target).' })
  edges!: GraphEdgeValue[];
}
