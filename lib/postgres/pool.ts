import pg from 'pg';
import { ConfigError } from '../config.js';
import { describeDatabase } from './database-url.js';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export interface PoolOptions {
  /** Connections at most (node-postgres' default is 10). */
  max?: number;
  connectionTimeoutMs?: number;
}

/**
 * A node-postgres pool on `databaseUrl`, checked with one query before it is handed out: a PostgreSQL
 * that does not answer stops the caller with a message naming where it looked and what to do.
 */
export async function openPool(databaseUrl: string, options: PoolOptions = {}): Promise<Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000 });
  // An idle connection that breaks (PostgreSQL restarted) is dropped by the pool; without a listener it would crash the process.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost (${describeDatabase(databaseUrl)}): ${error.message}`));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw unusable(databaseUrl, error as Error);
  }
  return pool;
}

/** Node's network errors have codes like ECONNREFUSED; PostgreSQL's own (a wrong password, no such database) are SQLSTATEs. */
function unusable(databaseUrl: string, error: Error & { code?: string }): ConfigError {
  const cause = error.code ? `${error.code}: ${error.message}` : error.message;
  const what = error.code && !/^E[A-Z]+$/.test(error.code) ? 'refused the connection' : 'is unreachable';
  return new ConfigError([
    `PostgreSQL at ${describeDatabase(databaseUrl)} ${what} (${cause}). ` +
      'Set DATABASE_URL to a PostgreSQL that answers, or run `npm start`, which starts the embedded one under .data/postgres.',
  ]);
}
