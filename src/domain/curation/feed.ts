/**
 * The change feed: applied changes as they land, for front-ends (served as server-sent events by
 * src/http/change-feed.ts). Driven from the graph, not from process memory: one poller per process
 * asks for the Change records after the lowest seq any subscriber has seen (`seq` is assigned under
 * the curation lock, so it grows in commit order, with no gaps), so a change approved through any
 * replica reaches subscribers of every replica. The poller runs only while someone listens.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../neo4j/database';
import type { QueryCatalog } from '../../neo4j/queries';
import type { Change } from './change.type';
import { toChange } from './values';

/** Changes read per poll; a subscriber far behind catches up over several polls. */
const BATCH = 200;

interface Subscriber {
  after: number;
  send(changes: Change[]): void;
}

export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    private readonly db: Database,
    private readonly queries: QueryCatalog,
    private readonly pollMs: number,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** The seq of the newest change: a subscriber that names no starting point gets what comes after it. */
  async latestSeq(): Promise<number> {
    const [row] = await this.db.read<{ seq: number }>(this.queries.get('curation/latest-seq'));
    return row ? Number(row.seq) : 0;
  }

  /** Sends every change after `after` (old ones at the next poll, then new ones as they land). */
  subscribe(after: number, send: (changes: Change[]) => void): () => void {
    const sub: Subscriber = { after, send };
    this.subscribers.add(sub);
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
    return () => {
      this.subscribers.delete(sub);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get listening(): number {
    return this.subscribers.size;
  }

  private async poll(): Promise<void> {
    if (this.polling || this.subscribers.size === 0) return;
    this.polling = true;
    try {
      const from = Math.min(...[...this.subscribers].map((s) => s.after));
      const rows = await this.db.read<{ change: never }>(this.queries.get('curation/changes'), { afterSeq: neo4j.int(from), since: null, entity: null, limit: neo4j.int(BATCH) });
      const changes = rows.map((r) => toChange(r.change));
      for (const sub of this.subscribers) {
        const fresh = changes.filter((c) => c.seq > sub.after);
        if (fresh.length === 0) continue;
        sub.after = fresh[fresh.length - 1]!.seq;
        sub.send(fresh);
      }
    } catch (err) {
      this.onError(err); // the next poll tries again (Neo4j restarting, a slow answer)
    } finally {
      this.polling = false;
    }
  }
}
