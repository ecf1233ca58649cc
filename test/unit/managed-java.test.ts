import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findJava, parseJavaVersion } from '../../src/neo4j/managed/java';

describe('parseJavaVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', '17.0.15', 17],
    ['openjdk version "21" 2023-09-19', '21', 21],
    ['openjdk version "25-ea" 2025-09-16', '25-ea', 25],
    ['java version "1.8.0_292"\nJava(TM) SE Runtime Environment', '1.8.0_292', 8],
    ['Picked up JAVA_TOOL_OPTIONS: -Dx=y\nopenjdk version "11.0.2" 2019-01-15', '11.0.2', 11],
  ])('reads %j', (output, version, major) => {
    expect(parseJavaVersion(output)).toEqual({ version, major });
  });

  it('returns undefined for output without a version', () => {
    expect(parseJavaVersion('bash: java: command not found')).toBeUndefined();
  });
});

describe('findJava', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-java-'));
    fs.mkdirSync(path.join(home, 'bin'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const fakeJava = (versionLine: string) => {
    const file = path.join(home, 'bin', 'java');
    fs.writeFileSync(file, `#!/bin/sh\necho '${versionLine}' >&2\n`);
    fs.chmodSync(file, 0o755);
  };

  it('refuses a Java older than 17, naming the required version', async () => {
    fakeJava('openjdk version "11.0.2" 2019-01-15');
    await expect(findJava(home)).rejects.toThrow(/Java 11\.0\.2.*Java 17 or newer/);
  });

  it('accepts Java 17 from the configured home and notes a missing javac', async () => {
    fakeJava('openjdk version "17.0.1" 2021-10-19');
    const java = await findJava(home);
    expect(java).toMatchObject({ major: 17, version: '17.0.1', java: path.join(home, 'bin', 'java'), javac: undefined });
  });

  it('falls back to JAVA_HOME from the environment', async () => {
    fakeJava('openjdk version "21" 2023-09-19');
    expect((await findJava(undefined, { JAVA_HOME: home })).major).toBe(21);
  });

  it('says clearly when there is no Java at the configured home', async () => {
    await expect(findJava(path.join(home, 'nope'))).rejects.toThrow(/No Java found.*JAVA_HOME/);
  });
});
