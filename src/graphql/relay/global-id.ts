/**
 * Relay global ids: base64 of `Type:graphId` (graphql-relay's toGlobalId/fromGlobalId).
 *
 * Arguments that name an entity accept either form: a global id (`Q29tcGFueTpjb21wYW55OmE=`) or
 * the raw graph id (`company:changan-automobile`). Raw graph ids always contain `:`, which base64
 * never does, so the two cannot be confused.
 */
import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { badUserInput } from './bad-input';

/** Longest id the API accepts; real ids are far shorter, so longer input is a mistake or an attack. */
export const MAX_ID_LENGTH = 512;

export function globalId(type: string, graphId: string): string {
  return toGlobalId(type, graphId);
}

export interface DecodedId {
  type: string;
  graphId: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes a global id; throws BAD_USER_INPUT unless it is well formed and names one of `types` (when given). */
export function decodeGlobalId(id: string, types?: readonly string[]): DecodedId {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH || !BASE64.test(id)) {
    throw badUserInput(`Invalid global id: ${preview(id)}`);
  }
  const { type, id: graphId } = fromGlobalId(id);
  // Re-encoding must give back the input: rejects truncated or padded variants of a valid id.
  if (!type || !graphId || toGlobalId(type, graphId) !== id) throw badUserInput(`Invalid global id: ${preview(id)}`);
  if (types && !types.includes(type)) {
    throw badUserInput(`Global id ${preview(id)} names a ${type}; expected ${types.join(' or ')}`);
  }
  return { type, graphId };
}

const GRAPH_ID = /^[a-z][a-z0-9]*:\S+$/;

/** A graph id from an argument that may be a global id or a raw graph id. */
export function graphIdOf(id: string, types?: readonly string[]): string {
  if (typeof id === 'string' && id.length <= MAX_ID_LENGTH && GRAPH_ID.test(id)) return id;
  return decodeGlobalId(id, types).graphId;
}

function preview(s: unknown): string {
  const text = String(s);
  return JSON.stringify(text.length > 60 ? text.slice(0, 60) + '…' : text);
}
