/** RecentReads (src/neo4j/recent-reads.ts): what a restarted Neo4j is warmed with. */
import { RecentReads } from '../../src/neo4j/recent-reads';

describe('RecentReads', () => {
  it('lists the texts most run first, each with the parameters it last ran with', () => {
    const r = new RecentReads();
    r.note('A', { id: 1 });
    r.note('B', { id: 2 });
    r.note('B', { id: 3 });
    r.note('C', { id: 4 });
    r.note('B', { id: 5 });
    r.note('C', { id: 6 });
    expect(r.hottest()).toEqual([
      { text: 'B', params: { id: 5 }, count: 3 },
      { text: 'C', params: { id: 6 }, count: 2 },
      { text: 'A', params: { id: 1 }, count: 1 },
    ]);
  });

  it('keeps at most `capacity` texts, dropping the least recently run (not the least run)', () => {
    const r = new RecentReads(2);
    r.note('A', {});
    r.note('A', {});
    r.note('B', {});
    r.note('A', {}); // A is now the most recent: B leaves when C arrives
    r.note('C', {});
    expect(r.size).toBe(2);
    expect(r.hottest().map((x) => x.text)).toEqual(['A', 'C']);
  });
});
