import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL that tests and benchmarks use by default: the machine's own, user postgres, trust auth. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  /** The new database's URL: the server's URL with its own database name. */
  url: string;
  /** Drops it, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/** A database of its own with a random name (`<prefix>_<hex>`) on the server at `serverUrl`. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)),
  };
}

/**
 * A scratch database on `serverUrl` for the file `label`, or undefined when that PostgreSQL does not answer:
 * then its tests are skipped, loudly. Under `CI=true` they never are: an absent PostgreSQL fails the file.
 */
export async function scratchDatabaseOrSkip(label: string, serverUrl = LOCAL_POSTGRES_URL): Promise<ScratchDatabase | undefined> {
  try {
    return await createScratchDatabase(serverUrl, label.replace(/\W+/g, '_').toLowerCase());
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL at ${serverUrl} is required under CI=true: ${(error as Error).message}`);
    console.warn(`\n⚠⚠⚠ ${label}: no PostgreSQL at ${serverUrl} (${(error as Error).message}), its tests are SKIPPED ⚠⚠⚠\n`);
    return undefined;
  }
}

async function asAdmin(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
