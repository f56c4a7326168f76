import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const OTHERS_MAY_ENTER = 0o001;

/**
 * As root, PostgreSQL runs as the user `postgres`, which must be able to pass through every directory
 * above its data directory. Checked before start, so a home directory of mode 0700 is named, not a
 * "permission denied" from deep inside initdb.
 */
export async function assertReachableByPostgresUser(directory: string): Promise<void> {
  for (let here = directory; ; here = dirname(here)) {
    const { mode } = await stat(here);
    if ((mode & OTHERS_MAY_ENTER) === 0) {
      throw new Error(
        `the user postgres cannot enter ${here} (mode ${(mode & 0o777).toString(8)}): ` +
          'allow it (chmod o+x) or set EMBEDDED_POSTGRES_DIR to a directory it can reach',
      );
    }
    if (dirname(here) === here) return;
  }
}
