/**
 * Belt and braces for attached servers: when Node exits by any path that still runs JavaScript
 * (process.exit, end of the event loop, an uncaught exception), send SIGTERM to every attached Java
 * child right away. The watchdog launcher (stdin EOF) covers the paths that run no JavaScript at all,
 * such as SIGKILL, and default signal deaths.
 */
const attached = new Set<number>();
let installed = false;

function killAll(): void {
  for (const pid of attached) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

export function guardChild(pid: number): void {
  if (!installed) {
    installed = true;
    process.on('exit', killAll);
  }
  attached.add(pid);
}

export function unguardChild(pid: number): void {
  attached.delete(pid);
}
