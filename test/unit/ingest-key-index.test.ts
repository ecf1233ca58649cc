import fs from 'node:fs';
import { KeyIndex } from '../../src/ingest/key-index';
import { ImportChecks } from '../../src/ingest/checks';
import { emptyItem, node } from '../../src/ingest/build';

describe('KeyIndex', () => {
  it('finds earlier entries in memory', async () => {
    const index = new KeyIndex(10);
    expect(index.add('a', { digest: 'x', fileIndex: 0, line: 1 })).toBeUndefined();
    expect(index.add('a', { digest: 'y', fileIndex: 0, line: 2 })).toEqual({ digest: 'x', fileIndex: 0, line: 1 });
    expect((await index.finish(['a', 'b'])).found).toEqual(new Set(['a']));
  });

  it('spills past the limit and still finds every conflict (at the later line) and every key', async () => {
    const index = new KeyIndex(100);
    for (let i = 0; i < 5000; i++) index.add(`k${i}`, { digest: 'd', fileIndex: 0, line: i + 1 });
    expect(index.spilled).toBe(true);
    index.add('k7', { digest: 'd', fileIndex: 1, line: 1 }); // same content: a repetition
    index.add('k42', { digest: 'other', fileIndex: 1, line: 2 });
    index.add('k4999', { digest: 'other', fileIndex: 1, line: 3 });
    const dir = (index as unknown as { spill: { dir: string } }).spill.dir;
    const { conflicts, found } = await index.finish(['k1', 'k4999', 'nope']);
    expect(conflicts.sort((a, b) => a.again.line - b.again.line)).toEqual([
      { key: 'k42', first: { digest: 'd', fileIndex: 0, line: 43 }, again: { digest: 'other', fileIndex: 1, line: 2 } },
      { key: 'k4999', first: { digest: 'd', fileIndex: 0, line: 5000 }, again: { digest: 'other', fileIndex: 1, line: 3 } },
    ]);
    expect(found).toEqual(new Set(['k1', 'k4999']));
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('lets ImportChecks resolve references to spilled ids', async () => {
    const checks = new ImportChecks(1);
    const a = emptyItem('f', 1);
    a.key = 'market:a';
    a.nodes.push(node('Market', 'market:a', { name: 'A' }));
    const b = emptyItem('f', 2);
    b.key = 'market:b';
    b.nodes.push(node('Market', 'market:b', { name: 'B' }));
    const c = emptyItem('f', 3);
    c.key = 'market:c';
    c.nodes.push(node('Market', 'market:c', { name: 'C' }));
    c.rels.push({ type: 'STATED_IN', fromId: 'market:c', toId: 'market:a', props: {}, excerptIds: [], owned: [] });
    for (const i of [a, b, c]) checks.add(i);
    expect([...checks.unresolved().keys()]).toEqual(['market:a']);
    expect(await checks.finish()).toEqual([]);
    expect([...checks.unresolved().keys()]).toEqual([]);
  });
});
