/**
 * The GraphQL-over-HTTP specification audit suite (graphql-http's `serverAudits`) against the
 * running server: every MUST passes, and the SHOULD/MAY audits not met are exactly the known ones
 * below, each with the reason it stays unmet (a new miss fails, and so does a fixed one still listed).
 */
import { serverAudits } from 'graphql-http';
import { useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';

const api = useApi(useTestGraph());

/** SHOULD/MAY audits this server does not meet, and why. Empty: every audit passes. */
const KNOWN_MISSES: Record<string, string> = {};

describe('GraphQL over HTTP audit', () => {
  const audits = serverAudits({ url: () => `${api.base()}/graphql`, fetchFn: fetch });
  for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${'reason' in result ? result.reason : ''}`).toBe('ok');
    });
  }

  it('meets every SHOULD and MAY audit except the known ones', async () => {
    const others = audits.filter((a) => !a.name.startsWith('MUST'));
    const results = await Promise.all(others.map(async (a) => ({ name: a.name, result: await a.fn() })));
    const failing = results.filter((r) => r.result.status !== 'ok').map((r) => r.name).sort();
    expect(failing).toEqual(Object.keys(KNOWN_MISSES).sort());
    const should = results.filter((r) => r.name.startsWith('SHOULD'));
    process.stderr.write(`GraphQL over HTTP: SHOULD ${should.filter((r) => r.result.status === 'ok').length}/${should.length}, MAY ${results.length - should.length - failing.filter((n) => n.startsWith('MAY')).length}/${results.length - should.length}\n`);
  });
});
