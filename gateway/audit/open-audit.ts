import { openAudit, type Audit } from '../../lib/audit/audit.js';
import { readAuditConfig } from '../../lib/audit/config.js';
import { ConfigError, oneOf, readConfig } from '../../lib/config.js';
import { readDatabaseUrl } from '../../lib/postgres/database-url.js';
import { openPool } from '../../lib/postgres/pool.js';
import type { Environment } from '../config.js';
import type { AuditedFields } from './audited-fields.js';

/** The gateway's audit log, its checkpoints route, and how to close both with the pool. */
export type GatewayAudit = Pick<Audit, 'log' | 'routes' | 'close'>;

/**
 * The audit log for a supergraph with `@audit` fields, in the PostgreSQL of `DATABASE_URL` (in
 * development, the embedded one `npm start` runs). Production without `DATABASE_URL` does not start:
 * audited reads and actions are never served unrecorded. Tests run without one, and are told so;
 * `AUDIT=off` exists only to measure what the log costs, and says so at start-up.
 */
export async function openGatewayAudit(audited: AuditedFields, environment: Environment, env: NodeJS.ProcessEnv): Promise<GatewayAudit | null> {
  if (audited.size === 0) return null;
  if (readConfig({ AUDIT: oneOf(['on', 'off'], 'on') }, env).AUDIT === 'off') {
    console.warn('!!! AUDIT=off: no audit record is written for any request !!!');
    return null;
  }
  if (!env.DATABASE_URL && environment !== 'development') {
    const fields = [...audited.keys()].join(', ');
    if (environment === 'production') throw new ConfigError([`the supergraph audits ${fields}: DATABASE_URL (the audit log's PostgreSQL) is required`]);
    console.warn(`!!! NODE_ENV=test without DATABASE_URL: requests selecting ${fields} are NOT audited !!!`);
    return null;
  }
  const pool = await openPool(await readDatabaseUrl(env));
  const audit = await openAudit(pool, await readAuditConfig(env, environment === 'development'));
  return {
    log: audit.log,
    routes: audit.routes,
    close: async () => {
      await audit.close();
      await pool.end();
    },
  };
}
