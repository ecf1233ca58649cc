import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate, ids, prng } from '../../bench/generate';
import { percentile } from '../../bench/load';

describe('bench helpers', () => {
  it('percentile uses the nearest-rank method', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('the PRNG is deterministic', () => {
    const a = prng(1);
    const b = prng(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('generates a small, reproducible, clearly synthetic graph', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
    const files = await generate({ companies: 5, products: 3, flows: 10, regions: 4, markets: 1 }, dir, 7);
    const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').trim().split('\n')).map((l) => JSON.parse(l));
    expect(lines.filter((r) => r.type === 'flow')).toHaveLength(10);
    expect(lines.filter((r) => r.type === 'company')).toHaveLength(5);
    expect(lines.find((r) => r.type === 'source').kind).toBe('synthetic');
    expect(lines.filter((r) => r.type !== 'source').every((r) => r.type === 'excerpt' || r.excerpts?.length === 1)).toBe(true);
    const again = await generate({ companies: 5, products: 3, flows: 10, regions: 4, markets: 1 }, dir + '-2', 7);
    expect(fs.readFileSync(again[1]!, 'utf8')).toBe(fs.readFileSync(files[1]!, 'utf8'));
    expect(new Set(Array.from({ length: 5000 }, (_, i) => ids.product(i))).size).toBe(5000);
  });
});
