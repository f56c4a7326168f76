import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../lib/config.js';
import { readDatabaseUrl } from '../lib/postgres/database-url.js';
import type { RunningPostgres } from '../lib/postgres/embedded.js';
import { openPool } from '../lib/postgres/pool.js';
import { startDatabase } from '../lib/postgres/start-database.js';
import { freePort } from './support/process.js';

/**
 * Where durable state lives: the embedded PostgreSQL that `npm start` runs when DATABASE_URL is not set
 * (initialised on first start, its data reused after), or DATABASE_URL; and what is said when neither answers.
 */
const scratch = mkdtempSync(join(tmpdir(), 'embedded-postgres-'));
// As a fresh clone in a home or `mktemp -d` directory: a directory above the data that others may not enter.
const closed = join(scratch, 'closed');
mkdirSync(closed, { mode: 0o700 });
const env = { EMBEDDED_POSTGRES_DIR: join(closed, 'project', '.data', 'postgres'), EMBEDDED_POSTGRES_PORT: '' };
let embedded: RunningPostgres | undefined;
const logged: string[] = [];

beforeAll(async () => {
  env.EMBEDDED_POSTGRES_PORT = String(await freePort());
  embedded = await startDatabase(env, (line) => logged.push(line));
}, 60_000);
afterAll(async () => {
  await embedded?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the embedded PostgreSQL', () => {
  it('starts under its data directory, answers queries durably, and keeps its data across a restart', { timeout: 60_000 }, async () => {
    expect(embedded!.url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${env.EMBEDDED_POSTGRES_PORT}/postgres$`));
    expect(embedded!.url).toBe(await readDatabaseUrl(env));
    expect(logged.some((line) => line.includes('database system is ready to accept connections'))).toBe(true);
    // As root, PostgreSQL runs as the user postgres: the closed directory was opened for passage only.
    if (process.getuid?.() === 0) expect(statSync(closed).mode & 0o777).toBe(0o701);
    const pool = await openPool(embedded!.url);
    const { rows } = await pool.query(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS commit, current_setting('server_encoding') AS encoding`);
    expect(rows[0]).toEqual({ fsync: 'on', commit: 'on', encoding: 'UTF8' });
    await pool.query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the restart')`);
    await pool.end();
    await embedded!.stop();

    embedded = await startDatabase(env, () => {});
    const again = await openPool(embedded.url);
    expect((await again.query('SELECT note FROM kept')).rows).toEqual([{ note: 'before the restart' }]);
    await again.end();
  });

  it('is not started when DATABASE_URL is set: that one is used', async () => {
    const database = await startDatabase({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }, () => {});
    expect(database.url).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    await database.stop();
  });
});

describe('a PostgreSQL that cannot be used', () => {
  it('stops the process with a message naming where it looked, never the password', async () => {
    const closedPort = await freePort();
    const error = await openPool(`postgres://postgres:hunter2@127.0.0.1:${closedPort}/orders`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`PostgreSQL at 127.0.0.1:${closedPort}/orders is unreachable (ECONNREFUSED`);
    expect((error as Error).message).toContain('Set DATABASE_URL');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('says so when PostgreSQL answers but refuses the connection', async () => {
    const wrongPassword = new URL(embedded!.url);
    wrongPassword.password = 'not-the-password';
    await expect(openPool(wrongPassword.toString())).rejects.toThrow(
      `PostgreSQL at 127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/postgres refused the connection (28P01: password authentication failed for user "postgres")`,
    );
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL, without echoing it', async () => {
    await expect(readDatabaseUrl({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).rejects.toThrow('DATABASE_URL must be a postgres:// or postgresql:// URL');
  });
});
