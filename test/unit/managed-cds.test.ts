import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cdsFiles, cdsKey, planCds, usableClassList } from '../../src/neo4j/managed/cds';

const quiet = { info: () => undefined, warn: () => undefined };

describe('class-data sharing for the managed Neo4j', () => {
  let dir: string;
  let jars: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-cds-'));
    jars = ['a.jar', 'b.jar'].map((j) => path.join(dir, j));
    for (const j of jars) fs.writeFileSync(j, j);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const plan = (over: Partial<Parameters<typeof planCds>[0]> = {}) =>
    planCds({ enabled: true, cacheDir: dir, java: '/usr/bin/java', javaVersion: '17.0.15', jars, log: quiet, platform: 'linux', ...over });

  it('keeps whole lines only, and drops lines the JVM would reject as too long', () => {
    const long = `@lambda-proxy ${'x'.repeat(5000)}`;
    expect(usableClassList(`java/lang/Object id: 0\n${long}\norg/neo4j/A id: 1\norg/neo4j/Partial`)).toBe('java/lang/Object id: 0\norg/neo4j/A id: 1\n');
  });

  it('records a class list when there is no archive, and maps the archive once it exists', () => {
    const recording = plan();
    expect(recording.mode).toBe('record');
    expect(recording.args).toEqual([expect.stringMatching(/^-XX:DumpLoadedClassList=.*\.classlist\.tmp-\d+$/)]);
    const files = cdsFiles(dir, cdsKey('/usr/bin/java', '17.0.15', jars));
    fs.writeFileSync(files.archive, 'archive');
    expect(plan()).toMatchObject({ mode: 'use', args: [`-XX:SharedArchiveFile=${files.archive}`] });
  });

  it('keys the archive by Java and by each jar (a changed jar needs a new archive)', () => {
    const before = cdsKey('/usr/bin/java', '17.0.15', jars);
    expect(cdsKey('/usr/bin/java', '21.0.1', jars)).not.toBe(before);
    fs.writeFileSync(jars[0]!, 'a changed jar');
    expect(cdsKey('/usr/bin/java', '17.0.15', jars)).not.toBe(before);
  });

  it('is off when disabled, on Windows, after a failed dump, or while another dump holds the lock', () => {
    expect(plan({ enabled: false }).mode).toBe('off');
    expect(plan({ platform: 'win32' }).mode).toBe('off');
    const files = cdsFiles(dir, cdsKey('/usr/bin/java', '17.0.15', jars));
    fs.mkdirSync(path.dirname(files.lock), { recursive: true });
    fs.writeFileSync(files.lock, `${process.pid}\n`);
    expect(plan().mode).toBe('off');
    fs.writeFileSync(files.lock, '999999999\n'); // a dump that died: its lock does not count
    expect(plan().mode).toBe('record');
    fs.writeFileSync(files.failed, '');
    expect(plan().mode).toBe('off');
  });
});
