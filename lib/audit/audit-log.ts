import { randomUUID } from 'node:crypto';
import type { Pool } from '../postgres/pool.js';
import { appendBatch, type ChainHead, type Chainable } from './append-batch.js';
import { plainJson, plainString } from './plain-json.js';
import { canonicalAround, type AuditDecision, type AuditEntry, type AuditRecord, type AuditStep, type JsonValue, type PreparedEntry } from './record.js';
import { ensureAuditSchema } from './schema.js';

export interface AuditLogOptions {
  /** Records per transaction at most. */
  maxBatch?: number;
  /** Called after each commit with the new head of the chain (the checkpoints listen here). */
  onCommit?: (head: ChainHead) => void;
}

interface Waiting extends Chainable {
  resolve: (record: AuditRecord) => void;
  reject: (error: Error) => void;
}

const DEFAULT_MAX_BATCH = 1_000;

/**
 * The append side of the audit log. Appends are committed in groups: one transaction is in flight at a
 * time per log, and every append that arrives meanwhile goes into the next one, so the group grows with the
 * load and a lone append waits for no timer. An append resolves only once its transaction has committed.
 */
export class AuditLog {
  private readonly waiting: Waiting[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: AuditLogOptions = {},
  ) {}

  /** The record written for `entry`, durable when this resolves; for an (actionId, step) already logged, that record. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.closed) return Promise.reject(new Error('the audit log is closed'));
    return new Promise((resolve, reject) => {
      const ready = prepared(entry);
      this.waiting.push({ entry: ready, canonical: canonicalAround(ready), resolve, reject });
      this.flushing ??= new Promise((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /** Waits for the appends already made; later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch ?? DEFAULT_MAX_BATCH);
      try {
        const { records, head } = await this.write(batch);
        batch.forEach((waiting, i) => waiting.resolve(records[i]!));
        this.options.onCommit?.(head);
      } catch (error) {
        const failure = new Error(`audit records could not be written: ${(error as Error).message}`, { cause: error });
        batch.forEach((waiting) => waiting.reject(failure));
      }
    }
    this.flushing = undefined;
  }

  private async write(batch: Chainable[]) {
    const client = await this.pool.connect();
    try {
      const written = await appendBatch(client, batch);
      client.release();
      return written;
    } catch (error) {
      // The connection may be what failed: the pool closes it rather than hand it out again.
      client.release(error as Error);
      throw error;
    }
  }
}

/** An audit log on `pool`, its tables created if they are missing. */
export async function openAuditLog(pool: Pool, options: AuditLogOptions = {}): Promise<AuditLog> {
  await ensureAuditSchema(pool);
  return new AuditLog(pool, options);
}

/** Exactly the fields of an entry, as storable plain JSON (see `plainJson`), with its id and time. */
function prepared(entry: AuditEntry): PreparedEntry {
  const text = (value: string | null | undefined) => (value === null || value === undefined ? null : plainString(value));
  return {
    id: randomUUID(),
    time: new Date().toISOString(),
    traceId: text(entry.traceId),
    principal: plainString(entry.principal),
    onBehalfOf: text(entry.onBehalfOf),
    reason: text(entry.reason),
    operationName: text(entry.operationName),
    operationHash: text(entry.operationHash),
    action: plainString(entry.action),
    actionId: text(entry.actionId),
    step: text(entry.step),
    idempotencyKey: text(entry.idempotencyKey),
    variables: plainJson(entry.variables) as { [key: string]: JsonValue },
    decisions: plainJson(entry.decisions) as unknown as AuditDecision[],
    steps: plainJson(entry.steps) as unknown as AuditStep[],
    outcome: plainString(entry.outcome),
  };
}
