/**
 * Port choice for the managed server. Port 0 means "any free port": we ask the OS for one by
 * listening on port 0 and closing again. There is a small window before Neo4j binds it; if another
 * process takes it meanwhile Neo4j fails to start and the log says so.
 */
import net from 'node:net';
import { ManagedNeo4jError } from './errors';

const HOST = '127.0.0.1';

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True if we can bind the port on loopback right now (a listener on 0.0.0.0 also makes it taken). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(false);
      else reject(err);
    });
    srv.listen({ port, host: HOST, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Resolves a configured port: 0 picks a free one; a taken fixed port is a clear, actionable error. */
export async function resolvePort(configured: number, envName: string): Promise<number> {
  if (configured === 0) return findFreePort();
  if (!(await isPortFree(configured))) {
    throw new ManagedNeo4jError(
      `port ${configured} is taken; set ${envName}=<another port> or ${envName}=0 to pick a free one`,
    );
  }
  return configured;
}

/** True if something accepts TCP connections on 127.0.0.1:port. */
export function canConnect(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: HOST });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}
