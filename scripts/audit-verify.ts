import { parseArgs } from 'node:util';
import { ENVIRONMENTS } from '../gateway/config.js';
import { DEFAULT_CHECKPOINT_FILE, parseCheckpoint, readCheckpoints } from '../lib/audit/checkpoint-file.js';
import type { SignedCheckpoint } from '../lib/audit/checkpoint.js';
import type { PublishedCheckpoints } from '../lib/audit/checkpoint-routes.js';
import { readAuditPublicKey, readAuditSigningKey } from '../lib/audit/signing-key.js';
import { verifyAuditChain } from '../lib/audit/verify.js';
import { ConfigError, oneOf, readConfig, text } from '../lib/config.js';
import { readDatabaseUrl } from '../lib/postgres/database-url.js';
import { openPool } from '../lib/postgres/pool.js';

/**
 * `npm run audit:verify [-- --checkpoints FILE|URL]`: checks the audit chain in PostgreSQL (DATABASE_URL, or the
 * embedded one of `npm start`) against the signed checkpoints: those of AUDIT_CHECKPOINT_FILE by default, or
 * of a file or a service's `GET /audit/checkpoints`. Verified with AUDIT_PUBLIC_KEY (PEM), else the key of
 * AUDIT_SIGNING_KEY or, in development (an unset NODE_ENV here, as for `npm start`), the generated one.
 * Prints OK, or the first bad record and why, and exits 1; 2 when it cannot check.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { checkpoints: { type: 'string' } }, strict: true });
  const env = readConfig({
    NODE_ENV: oneOf(ENVIRONMENTS, 'development'),
    AUDIT_PUBLIC_KEY: text(''),
    AUDIT_SIGNING_KEY: text(''),
    AUDIT_CHECKPOINT_FILE: text(DEFAULT_CHECKPOINT_FILE),
  });
  const publicKey = env.AUDIT_PUBLIC_KEY
    ? readAuditPublicKey(env.AUDIT_PUBLIC_KEY)
    : (await readAuditSigningKey(env.AUDIT_SIGNING_KEY, env.NODE_ENV === 'development')).publicKey;
  const source = values.checkpoints ?? env.AUDIT_CHECKPOINT_FILE;
  const checkpoints = await checkpointsFrom(source);
  const pool = await openPool(await readDatabaseUrl());
  try {
    const result = await verifyAuditChain(pool, checkpoints, publicKey);
    if (result.ok) {
      console.log(`OK: ${result.records} records form one chain, consistent with ${result.checkpoints} signed checkpoints (${source})`);
      return 0;
    }
    console.log(`FAILED at record ${result.seq}: ${result.reason}`);
    return 1;
  } finally {
    await pool.end();
  }
}

async function checkpointsFrom(source: string): Promise<SignedCheckpoint[]> {
  if (!/^https?:\/\//.test(source)) return readCheckpoints(source);
  const response = await fetch(source);
  if (!response.ok) throw new ConfigError([`${source} answered HTTP ${response.status}`]);
  const published = (await response.json()) as PublishedCheckpoints;
  return published.checkpoints.map((checkpoint, i) => parseCheckpoint(JSON.stringify(checkpoint), `${source} checkpoint ${i + 1}`));
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `audit:verify could not check the chain: ${(error as Error).message}`);
  process.exitCode = 2;
}
