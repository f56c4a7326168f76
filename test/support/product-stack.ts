import { openAuditLog, type AuditLog } from '../../lib/audit/audit-log.js';
import { openPool, type Pool } from '../../lib/postgres/pool.js';
import type { ScratchDatabase } from '../../lib/postgres/scratch-database.js';
import { startStack, type Stack } from './stack.js';

/** The whole product on one scratch database: orchestration, and the gateway writing the audit log there too. */
export interface ProductStack {
  stack: Stack;
  /** On the database: the audit log's and the orchestrator's tables. */
  pool: Pool;
  close(): Promise<void>;
}

export async function startProductStack(database: ScratchDatabase): Promise<ProductStack> {
  const pool = await openPool(database.url);
  const log: AuditLog = await openAuditLog(pool);
  const stack = await startStack({ audit: { log } }, { orchestration: { databaseUrl: database.url } });
  return {
    stack,
    pool,
    async close() {
      await stack.orchestration?.close();
      await log.close();
      await pool.end();
      await database.drop();
    },
  };
}
