import { openAuditLog, type AuditLog } from '../../lib/audit/audit-log.js';
import { openPool, type Pool } from '../../lib/postgres/pool.js';
import type { ScratchDatabase } from '../../lib/postgres/scratch-database.js';
import { loadOperations } from '../../gateway/operations/registry.js';
import type { GatewayOptions } from '../../gateway/server.js';
import { startStack, type Stack } from './stack.js';

/**
 * The whole product on one scratch database: orchestration, the gateway writing the audit log there too,
 * its MCP server over the registered operations, agents held to them over `/graphql` too and to their
 * rate limits (counted in memory), as the product ships. `gatewayOptions` add to (or replace) the gateway's.
 */
export interface ProductStack {
  stack: Stack;
  /** On the database: the audit log's and the orchestrator's tables. */
  pool: Pool;
  close(): Promise<void>;
}

export async function startProductStack(database: ScratchDatabase, gatewayOptions: Partial<GatewayOptions> = {}): Promise<ProductStack> {
  const pool = await openPool(database.url);
  const log: AuditLog = await openAuditLog(pool);
  const registry = loadOperations();
  const stack = await startStack({ audit: { log }, mcp: { registry }, safelist: { registry, enforcedFor: ['agent'] }, rateLimits: {}, ...gatewayOptions }, { orchestration: { databaseUrl: database.url } });
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
