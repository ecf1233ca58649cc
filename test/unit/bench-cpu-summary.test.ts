import { areaOf, summarizeProfile, type CpuProfile } from '../../bench/compare/cpu-summary';

describe('bench/compare CPU profile summary', () => {
  it('names the package, source folder or V8 category of a frame', () => {
    expect(areaOf('file:///p/node_modules/graphql/execution/execute.js', 'f', '/p')).toBe('graphql');
    expect(areaOf('file:///p/node_modules/@apollo/server/dist/cjs/x.js', 'f', '/p')).toBe('@apollo/server');
    expect(areaOf('file:///p/dist/src/graphql/limits.js', 'f', '/p')).toBe('src/graphql');
    expect(areaOf('node:internal/streams/x', 'f', '/p')).toBe('node:internal');
    expect(areaOf('', '(garbage collector)', '/p')).toBe('(garbage collector)');
  });

  it('adds self time per function and inclusive time per area, idle left out', () => {
    // root -> a (src/graphql) -> b (graphql); samples: b, b, a, idle (each 1000 us, V8 deltas lead by one)
    const p: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4] },
        { id: 2, callFrame: { functionName: 'a', url: 'file:///p/dist/src/graphql/limits.js', lineNumber: 9 }, children: [3] },
        { id: 3, callFrame: { functionName: 'b', url: 'file:///p/node_modules/graphql/index.js', lineNumber: 0 } },
        { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
      ],
      samples: [3, 3, 2, 4],
      timeDeltas: [0, 1000, 1000, 1000, 1000],
    };
    const text = summarizeProfile(p, '/p');
    expect(text).toContain('busy 3 ms of 4 ms');
    expect(text).toContain('| b graphql:1 | 2 | 66.7 |');
    expect(text).toContain('| a src/graphql:10 | 1 | 33.3 |');
    expect(text).toContain('| src/graphql | 1 | 33.3 | 3 | 100.0 |');
    expect(text).toContain('| graphql | 2 | 66.7 | 2 | 66.7 |');
  });
});
