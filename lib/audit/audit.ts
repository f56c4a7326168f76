import type express from 'express';
import type { Pool } from '../postgres/pool.js';
import { openAuditLog, type AuditLog } from './audit-log.js';
import { auditCheckpointRoutes } from './checkpoint-routes.js';
import { Checkpointer } from './checkpointer.js';
import type { AuditConfig } from './config.js';

/** What a service that audits holds: the log, its checkpoints, and the route that publishes them. */
export interface Audit {
  log: AuditLog;
  checkpointer: Checkpointer;
  /** `GET /audit/checkpoints`, to pass as `GraphQLService.routes` (or call on an express app). */
  routes: (app: express.Express) => void;
  /** Waits for pending appends, publishes a last checkpoint, stops the timer. The pool stays the caller's. */
  close(): Promise<void>;
}

/** The audit log on `pool` (its tables created if missing), checkpointed as `config` says. */
export async function openAudit(pool: Pool, config: AuditConfig): Promise<Audit> {
  const checkpointer = new Checkpointer(pool, config.signingKey, config.checkpoints);
  const log = await openAuditLog(pool, { onCommit: (head) => checkpointer.observe(head) });
  await checkpointer.start();
  return {
    log,
    checkpointer,
    routes: auditCheckpointRoutes({ file: config.checkpoints.file, publicKey: config.signingKey.publicKey }),
    async close() {
      await log.close();
      try {
        await checkpointer.checkpointNow();
      } finally {
        await checkpointer.stop();
      }
    },
  };
}
