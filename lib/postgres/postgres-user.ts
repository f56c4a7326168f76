import { chmod, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const OTHERS_MAY_ENTER = 0o001;

/**
 * As root, PostgreSQL runs as the user `postgres`, which must pass through every directory above its
 * binaries (in `node_modules`) and its data directory. A fresh clone often sits below one it cannot
 * enter (a home or a `mktemp -d` directory, mode 0700): each such directory is opened for passage only
 * (`o+x`: nobody may list it), and the change is said, never made silently.
 */
export async function letPostgresUserThrough(directory: string, log: (line: string) => void = console.log): Promise<void> {
  for (let here = directory; ; here = dirname(here)) {
    const { mode } = await stat(here);
    if ((mode & OTHERS_MAY_ENTER) === 0) {
      await chmod(here, (mode & 0o7777) | OTHERS_MAY_ENTER);
      log(`let the user postgres pass through ${here} (mode ${(mode & 0o777).toString(8)} → ${((mode | OTHERS_MAY_ENTER) & 0o777).toString(8)}), to reach PostgreSQL's binaries and data`);
    }
    if (dirname(here) === here) return;
  }
}
