import { openAuditLog, type AuditLog } from '../../lib/audit/audit-log.js';
import type { AuditEntry } from '../../lib/audit/record.js';
import { openPool, type Pool } from '../../lib/postgres/pool.js';

/** An audit log in memory: what a gateway appended, in order. */
export function auditCollector(): { entries: AuditEntry[]; append(entry: AuditEntry): Promise<void> } {
  const entries: AuditEntry[] = [];
  return { entries, append: async (entry) => void entries.push(entry) };
}

/** An entry as an orchestrated action's step would append it; `overrides` change any field. */
export function anEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    principal: 'agent:support-bot',
    onBehalfOf: 'customer:C0001',
    reason: 'the customer asked for it',
    operationName: 'PlaceOrder',
    operationHash: 'a'.repeat(64),
    action: 'placeOrder',
    actionId: null,
    step: null,
    idempotencyKey: 'key-1',
    variables: { sku: 'SKU-10002-01', quantity: 1, cardNumber: '[REDACTED]' },
    decisions: [{ kind: 'guardrail', name: 'safetyStock', verdict: 'allow' }],
    steps: [{ name: 'reserveStock', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 12, result: 'succeeded', detail: { reference: 'A1:reserveStock' } }],
    outcome: 'succeeded',
    ...overrides,
  };
}

/** One more instance of the log on the same database: a pool and an AuditLog of its own. */
export async function anInstance(databaseUrl: string): Promise<{ pool: Pool; log: AuditLog; close(): Promise<void> }> {
  const pool = await openPool(databaseUrl);
  const log = await openAuditLog(pool);
  return {
    pool,
    log,
    async close() {
      await log.close();
      await pool.end();
    },
  };
}

/** Runs `sql` on the records with the append-only trigger off: what a superuser who tampers would do. */
export async function tamper(pool: Pool, sql: string, values: unknown[] = []): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('ALTER TABLE audit.records DISABLE TRIGGER USER');
    await client.query(sql, values);
    await client.query('ALTER TABLE audit.records ENABLE TRIGGER USER');
  } finally {
    client.release();
  }
}
