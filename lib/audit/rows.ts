import type { PreparedEntry } from './record.js';
import type { AuditDecision, AuditRecord, AuditStep, JsonValue } from './record.js';

/** A row of `audit.records` as node-postgres reads it (bigint as a string, json parsed, timestamptz a Date). */
export interface RecordRow {
  seq: string;
  id: string;
  time: Date;
  trace_id: string | null;
  principal: string;
  on_behalf_of: string | null;
  reason: string | null;
  operation_name: string | null;
  operation_hash: string | null;
  action: string;
  action_id: string | null;
  step: string | null;
  idempotency_key: string | null;
  variables: { [key: string]: JsonValue };
  decisions: AuditDecision[];
  steps: AuditStep[];
  outcome: string;
  prev_hash: string;
  hash: string;
}

export function recordFromRow(row: RecordRow): AuditRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    time: row.time.toISOString(),
    traceId: row.trace_id,
    principal: row.principal,
    onBehalfOf: row.on_behalf_of,
    reason: row.reason,
    operationName: row.operation_name,
    operationHash: row.operation_hash,
    action: row.action,
    actionId: row.action_id,
    step: row.step,
    idempotencyKey: row.idempotency_key,
    variables: row.variables,
    decisions: row.decisions,
    steps: row.steps,
    outcome: row.outcome,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** An entry's columns, as `json_to_recordset` and `json_populate_record` take them. */
export function entryColumns(entry: PreparedEntry): Omit<Record<keyof RecordRow, unknown>, 'seq' | 'prev_hash' | 'hash'> {
  return {
    id: entry.id,
    time: entry.time,
    trace_id: entry.traceId,
    principal: entry.principal,
    on_behalf_of: entry.onBehalfOf,
    reason: entry.reason,
    operation_name: entry.operationName,
    operation_hash: entry.operationHash,
    action: entry.action,
    action_id: entry.actionId,
    step: entry.step,
    idempotency_key: entry.idempotencyKey,
    variables: entry.variables,
    decisions: entry.decisions,
    steps: entry.steps,
    outcome: entry.outcome,
  };
}

export function rowFromRecord(record: AuditRecord): Record<keyof RecordRow, unknown> {
  return { ...entryColumns(record), seq: record.seq, prev_hash: record.prevHash, hash: record.hash };
}
