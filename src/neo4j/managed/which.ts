import fs from 'node:fs';
import path from 'node:path';

/** The real file behind an executable on PATH (Debian's `java` is a chain of symlinks into /usr/lib/jvm/...). */
export function whichOnPath(name: string, envPath: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (!fs.statSync(candidate).isFile()) continue;
      return fs.realpathSync(candidate);
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
