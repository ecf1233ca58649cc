import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NEO4J_BROWSER_VERSION, installJars, parseMavenDownload, renderPom } from '../../src/neo4j/managed/install';

const quiet = { info: () => undefined, warn: () => undefined };

describe('renderPom', () => {
  it('asks for the Neo4j server and Neo4j Browser at the given versions', () => {
    const pom = renderPom('5.26.19');
    expect(pom).toContain('<artifactId>neo4j</artifactId><version>5.26.19</version>');
    expect(pom).toContain(`<artifactId>neo4j-browser</artifactId><version>${NEO4J_BROWSER_VERSION}</version>`);
    expect(pom).toContain('<packaging>pom</packaging>');
  });
});

describe('parseMavenDownload', () => {
  it.each([
    ['[INFO] Downloaded from central: https://example.org/m2/org/neo4j/neo4j/5.26.19/neo4j-5.26.19.jar (12 kB at 3.4 MB/s)', 12_000],
    ['Downloaded from central: https://example.org/x.jar (1.5 MB at 9 MB/s)', 1_500_000],
    ['[INFO] Downloaded from mirror: https://example.org/x.pom (812 B at 20 kB/s)', 812],
  ])('reads the size of %j', (line, bytes) => {
    expect(parseMavenDownload(line)?.bytes).toBe(bytes);
  });

  it('ignores other lines', () => {
    expect(parseMavenDownload('[INFO] Downloading from central: https://example.org/x.jar')).toBeUndefined();
    expect(parseMavenDownload('[INFO] Copying neo4j-5.26.19.jar to /x/neo4j-5.26.19.jar')).toBeUndefined();
  });
});

describe('installJars', () => {
  let cacheDir: string;
  const savedPath = process.env.PATH;
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-install-'));
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('skips Maven when a complete download for the same POM is cached', async () => {
    const versionDir = path.join(cacheDir, '5.26.19');
    fs.mkdirSync(path.join(versionDir, 'lib'), { recursive: true });
    const pomSha256 = createHash('sha256').update(renderPom('5.26.19')).digest('hex');
    fs.writeFileSync(path.join(versionDir, 'lib.complete.json'), JSON.stringify({ pomSha256, jars: 3, bytes: 42 }));
    process.env.PATH = ''; // Maven would not even be found
    await expect(installJars({ cacheDir, version: '5.26.19', log: quiet })).resolves.toEqual({
      dir: path.join(versionDir, 'lib'),
      jars: 3,
      bytes: 42,
    });
  });

  it('fetches again when the cached download came from another POM, and says when Maven is missing', async () => {
    const versionDir = path.join(cacheDir, '5.26.19');
    fs.mkdirSync(path.join(versionDir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(versionDir, 'lib.complete.json'), JSON.stringify({ pomSha256: 'older', jars: 3, bytes: 42 }));
    process.env.PATH = '';
    await expect(installJars({ cacheDir, version: '5.26.19', log: quiet })).rejects.toThrow(/Maven \(`mvn`\) is needed once/);
  });
});
