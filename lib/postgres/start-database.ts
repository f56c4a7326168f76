import { readConfig, text } from '../config.js';
import { embeddedPostgresPassword, readEmbeddedSettings } from './database-url.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded.js';

/** What of PostgreSQL's output is shown: its log lines with a level, not initdb's chatter. */
const LEVELLED_LINE = /\b(LOG|WARNING|ERROR|FATAL|PANIC):/;

/**
 * The PostgreSQL that `npm start` gives its services: the one at `DATABASE_URL` when set (not ours to
 * stop), otherwise the embedded one, started here and stopped by `stop()`.
 */
export async function startDatabase(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<RunningPostgres> {
  const { DATABASE_URL } = readConfig({ DATABASE_URL: text('') }, env);
  if (DATABASE_URL) return { url: DATABASE_URL, stop: async () => {} };
  const settings = readEmbeddedSettings(env);
  log(`starting the embedded PostgreSQL in ${settings.dataDir} on port ${settings.port} (DATABASE_URL is not set)`);
  return startEmbeddedPostgres({
    ...settings,
    password: await embeddedPostgresPassword(),
    log: (line) => {
      if (LEVELLED_LINE.test(line)) log(line);
    },
  });
}
