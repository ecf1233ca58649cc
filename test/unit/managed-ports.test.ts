import net from 'node:net';
import { canConnect, findFreePort, isPortFree, resolvePort } from '../../src/neo4j/managed/ports';

function listen(port = 0, host = '127.0.0.1'): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(port, host, () => resolve(srv));
  });
}
const close = (srv: net.Server) => new Promise<void>((r) => srv.close(() => r()));
const portOf = (srv: net.Server) => (srv.address() as net.AddressInfo).port;

describe('ports', () => {
  it('findFreePort returns a port that can be bound', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
  });

  it('isPortFree and canConnect see a listener on loopback', async () => {
    const srv = await listen();
    const port = portOf(srv);
    try {
      expect(await isPortFree(port)).toBe(false);
      expect(await canConnect(port)).toBe(true);
    } finally {
      await close(srv);
    }
    expect(await canConnect(port)).toBe(false);
  });

  it('a listener on all interfaces also makes the port taken', async () => {
    const srv = await listen(0, '0.0.0.0');
    try {
      expect(await isPortFree(portOf(srv))).toBe(false);
    } finally {
      await close(srv);
    }
  });

  it('resolvePort picks a free port for 0 and names the variable when a fixed port is taken', async () => {
    expect(await resolvePort(0, 'NEO4J_BOLT_PORT')).toBeGreaterThan(0);
    const srv = await listen();
    const port = portOf(srv);
    try {
      await expect(resolvePort(port, 'NEO4J_BOLT_PORT')).rejects.toThrow(
        `port ${port} is taken; set NEO4J_BOLT_PORT=<another port> or NEO4J_BOLT_PORT=0 to pick a free one`,
      );
    } finally {
      await close(srv);
    }
    expect(await resolvePort(port, 'NEO4J_BOLT_PORT')).toBe(port);
  });
});
