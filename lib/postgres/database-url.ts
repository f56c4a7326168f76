import { fileURLToPath } from 'node:url';
import { ConfigError, port, readConfig, text, type Reader } from '../config.js';
import { developmentSecret, developmentSecretFile } from '../signing/development-secret.js';

/** The embedded PostgreSQL's defaults: a fixed port, so every process finds it, and its data in `.data/`. */
export const EMBEDDED_POSTGRES_DEFAULT_PORT = 5499;
export const EMBEDDED_POSTGRES_USER = 'postgres';
export const EMBEDDED_POSTGRES_DEFAULT_DIR = fileURLToPath(new URL('../../.data/postgres', import.meta.url));

export interface EmbeddedPostgresSettings {
  port: number;
  dataDir: string;
}

export function readEmbeddedSettings(env: NodeJS.ProcessEnv = process.env): EmbeddedPostgresSettings {
  const config = readConfig(
    { EMBEDDED_POSTGRES_PORT: port(EMBEDDED_POSTGRES_DEFAULT_PORT), EMBEDDED_POSTGRES_DIR: text(EMBEDDED_POSTGRES_DEFAULT_DIR) },
    env,
  );
  return { port: config.EMBEDDED_POSTGRES_PORT, dataDir: config.EMBEDDED_POSTGRES_DIR };
}

/** The embedded cluster's password: generated once into `.data/postgres-password`, like the development secrets. */
export function embeddedPostgresPassword(): Promise<string> {
  return developmentSecret(developmentSecretFile('postgres-password'));
}

export function embeddedPostgresUrl(portNumber: number, password: string): string {
  return `postgres://${EMBEDDED_POSTGRES_USER}:${encodeURIComponent(password)}@127.0.0.1:${portNumber}/postgres`;
}

/**
 * Where durable state lives: `DATABASE_URL` when set, otherwise the embedded PostgreSQL that `npm start`
 * runs (on `EMBEDDED_POSTGRES_PORT`), so a service or a command started beside it finds it too.
 */
export async function readDatabaseUrl(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { DATABASE_URL: configured } = readConfig({ DATABASE_URL: postgresUrl() }, env);
  if (configured) return configured;
  return embeddedPostgresUrl(readEmbeddedSettings(env).port, await embeddedPostgresPassword());
}

/** Its value is never echoed: a database URL carries a password. */
function postgresUrl(): Reader<string | undefined> {
  return (raw) => {
    if (raw === undefined || raw === '') return undefined;
    if (!URL.canParse(raw) || !['postgres:', 'postgresql:'].includes(new URL(raw).protocol)) {
      throw new Error('must be a postgres:// or postgresql:// URL');
    }
    return raw;
  };
}

/** `host:port/database` of a URL, for messages: never its password. */
export function describeDatabase(databaseUrl: string): string {
  if (!URL.canParse(databaseUrl)) throw new ConfigError(['DATABASE_URL must be a postgres:// or postgresql:// URL']);
  const { hostname, port: urlPort, pathname } = new URL(databaseUrl);
  return `${hostname}:${urlPort || '5432'}${pathname || '/'}`;
}
