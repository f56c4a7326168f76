import type { Pool } from '../lib/postgres/pool.js';
import { mapValues } from './figures.js';
import { parentPid } from './proc.js';

/**
 * What the PostgreSQL server did between two readings. All but commits count for the whole server:
 * the bench's own PostgreSQL, or whatever else DATABASE_URL's server runs meanwhile. (A type, not an
 * interface: a record of figures, for `mapValues`.)
 */
export type PostgresWork = {
  /** Transactions that wrote (each was given a transaction id): each commit of one is a durable WAL flush, alone or in a group. */
  writeTransactions: number;
  /** Every commit in the run's database, reads included (`pg_stat_database.xact_commit`). */
  commits: number;
  /** WAL fsyncs: fewer than write transactions when commits share one (group commit). */
  walSyncs: number;
  walBytes: number;
  /** Full-page images in the WAL: the first change to a page after a checkpoint writes all of it. */
  walFullPages: number;
  /** Records the audit chain grew by, over every instance (its head's sequence number). */
  auditRecords: number;
};

const COUNTERS = `SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS "writeTransactions",
  (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits,
  pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS "walBytes",
  (SELECT wal_fpi FROM pg_stat_wal) AS "walFullPages",
  (SELECT seq FROM audit.chain_head) AS "auditRecords"`;
/** Where the WAL fsyncs are counted: PostgreSQL 18 moved them from `pg_stat_wal` to `pg_stat_io`. */
const WAL_SYNCS = ["SELECT sum(fsyncs) AS n FROM pg_stat_io WHERE object = 'wal'", 'SELECT wal_sync AS n FROM pg_stat_wal'];
/** Statistics (commits, fsyncs, full pages) reach the shared counters within a second of a backend's transaction. */
const STATISTICS_SETTLE_MS = 1_500;

/** Starts measuring; the function it answers stops and tells what the server did in between. */
export async function startPostgresMeter(pool: Pool): Promise<() => Promise<PostgresWork>> {
  await settle();
  const before = await readCounters(pool);
  return async () => {
    await settle();
    const after = await readCounters(pool);
    return mapValues(after, (value, key) => value - before[key]);
  };
}

async function readCounters(pool: Pool): Promise<PostgresWork> {
  const row = (await pool.query<Record<string, string>>(COUNTERS)).rows[0]!;
  const figure = (name: string) => Number(row[name]);
  return {
    writeTransactions: figure('writeTransactions'),
    commits: figure('commits'),
    walSyncs: await walSyncs(pool),
    walBytes: figure('walBytes'),
    walFullPages: figure('walFullPages'),
    auditRecords: figure('auditRecords'),
  };
}

async function walSyncs(pool: Pool): Promise<number> {
  for (const query of WAL_SYNCS) {
    const answer = await pool.query(query).catch(() => null);
    if (answer?.rows[0]?.n != null) return Number(answer.rows[0].n);
  }
  return 0;
}

/** The server's main process, parent of every backend: read from /proc, so only when PostgreSQL runs on this machine. */
export async function postmasterPid(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return parentPid(rows[0]!.pid);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, STATISTICS_SETTLE_MS));
