/** Reading Neo4j's transaction memory settings (staging/publish.ts), and the refusal message a too-large run gets. */
import { parseByteSize, PublishTooLargeError } from '../../src/ingest/staging/publish';

describe('parseByteSize', () => {
  it.each([
    ['0B', 0],
    ['1.40GiB', Math.round(1.4 * 2 ** 30)],
    ['512.00MiB', 512 * 2 ** 20],
    ['700m', 700 * 2 ** 20],
    ['2g', 2 * 2 ** 30],
    ['123', 123],
    [null, 0],
    ['unlimited', 0],
  ])('%s -> %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
});

describe('PublishTooLargeError', () => {
  it('says how much memory the run needs, which limit it exceeds, that nothing is visible, and the commands that finish it', () => {
    const e = new PublishTooLargeError('run-1', { flows: 1_000_000, updates: 0, entities: 12 }, 2_100_000_000, { bytes: 751_619_276, setting: 'dbms.memory.transaction.total.max' });
    expect(e.message).toContain('run run-1 is staged (1,000,012 nodes) but too large to be made visible in one transaction here');
    expect(e.message).toContain('about 2,003 MB of transaction memory, more than 717 MB (dbms.memory.transaction.total.max)');
    expect(e.message).toContain('Nothing of it is visible');
    expect(e.message).toMatch(/NEO4J_HEAP.*about 2,862 MB needed/);
    expect(e.message).toMatch(/`tradegraph import --resume`.*--publish-in-batches.*--rollback/);
  });
});
