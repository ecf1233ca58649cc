/**
 * Runs Neo4j's own bulk loader, `neo4j-admin database import full`, from the jars of the managed
 * install (the same Java and lib folder the server runs from), into the managed server's `neo4j`
 * database while the server is stopped. Its own report goes to a file beside the input files.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../../config';
import { serverLayout } from '../../neo4j/managed/conf';
import { installJars } from '../../neo4j/managed/install';
import { findJava } from '../../neo4j/managed/java';
import type { Logger } from '../types';
import { ARRAY_DELIMITER, BulkFileSet } from './bulk-files';

export const ADMIN_MAIN_CLASS = 'org.neo4j.cli.AdminTool';

/** The AdminTool arguments for one full import of the database `neo4j`. */
export function adminImportArgs(files: BulkFileSet, reportFile: string): string[] {
  return [
    'database',
    'import',
    'full',
    ...files.nodes.map((n) => `--nodes=${n}`),
    ...files.relationships.map((r) => `--relationships=${r}`),
    '--multiline-fields=true',
    `--array-delimiter=${ARRAY_DELIMITER}`,
    `--report-file=${reportFile}`,
    '--overwrite-destination=true',
    'neo4j',
  ];
}

export async function runAdminImport(cfg: ManagedNeo4jConfig, files: BulkFileSet, workDir: string, log: Logger): Promise<void> {
  const java = await findJava(cfg.javaHome);
  const lib = await installJars({ cacheDir: cfg.cacheDir, version: cfg.version, log, javaHome: cfg.javaHome });
  const layout = serverLayout(path.resolve(cfg.dataDir));
  const output = path.join(workDir, 'neo4j-admin.log');
  const args = [`-Xmx${cfg.heap}`, '-cp', `${lib.dir}${path.sep}*`, ADMIN_MAIN_CLASS, ...adminImportArgs(files, path.join(workDir, 'import.report'))];
  const out = fs.openSync(output, 'w');
  try {
    const child = spawn(java.java, args, { env: { ...process.env, NEO4J_HOME: layout.homeDir, NEO4J_CONF: layout.confDir }, stdio: ['ignore', out, out] });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) {
      const tail = fs.readFileSync(output, 'utf8').trim().split('\n').slice(-5).join(' | ');
      throw new Error(`neo4j-admin database import exited with ${code}: ${tail}`);
    }
  } finally {
    fs.closeSync(out);
  }
}

/** The managed `neo4j` database's store and transaction logs: removed after a failed bulk load, so the server starts it empty again. */
export function removeDatabaseFiles(cfg: ManagedNeo4jConfig): void {
  const data = serverLayout(path.resolve(cfg.dataDir)).dataDir;
  for (const dir of [path.join(data, 'databases', 'neo4j'), path.join(data, 'transactions', 'neo4j')]) fs.rmSync(dir, { recursive: true, force: true });
}
