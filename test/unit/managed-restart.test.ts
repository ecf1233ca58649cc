import { restartDelayMs } from '../../src/neo4j/managed/managed-neo4j';

describe('restartDelayMs (the supervisor backoff)', () => {
  it('restarts at once after a crash, then backs off doubling to at most 8 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([0, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
