import type { Pool, PoolClient } from './pool.js';

/** How a transaction begins: read-write at the default isolation, or a read-only snapshot (one consistent view). */
export type TransactionMode = 'BEGIN' | 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, mode: TransactionMode = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(mode);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * `inTransaction` holding the advisory lock named `name` until it ends: transactions under one name run one
 * at a time, across every process on the database (a count and the claim it allows, a migration).
 */
export function inLockedTransaction<T>(pool: Pool, name: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
    return work(client);
  });
}
