import { setTimeout as sleep } from 'node:timers/promises';
import { DBOS } from '@dbos-inc/dbos-sdk';
import pg from 'pg';

/** Any fixed number: the advisory lock that lets one instance at a time create DBOS's tables. */
const DBOS_MIGRATION_LOCK = 8_771_002;
const POLL_MS = 100;

/**
 * DBOS creates its system tables at launch, and two instances launching at once on an empty database
 * collide (`tuple concurrently updated`, a deadlock, a duplicate key). So one at a time migrates first,
 * under a session advisory lock. The waiting side polls `pg_try_advisory_lock` rather than blocking in
 * `pg_advisory_lock`: a blocked wait holds a transaction that DBOS's `CREATE INDEX CONCURRENTLY` waits for.
 */
export async function migrateDbosOnce(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    while (!(await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [DBOS_MIGRATION_LOCK])).rows[0]!.locked) await sleep(POLL_MS);
    await DBOS.migrate(databaseUrl);
  } finally {
    await client.end();
  }
}
