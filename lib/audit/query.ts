import type { Pool } from '../postgres/pool.js';
import { badUserInput } from '../subgraph/bad-user-input.js';
import { encodeCursor, readPageArgs } from '../subgraph/pagination.js';
import type { AuditRecord } from './record.js';
import { recordFromRow, type RecordRow } from './rows.js';

/** What an auditor asks for; every field given narrows the answer. `since` and `until` are ISO 8601 instants. */
export interface AuditLogFilter {
  principal?: string | null;
  action?: string | null;
  outcome?: string | null;
  since?: string | null;
  until?: string | null;
  idempotencyKey?: string | null;
  traceId?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface AuditLogPage {
  nodes: AuditRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_AUDIT_PAGE = 500;

/** Column compared by equality for each filter field. */
const EQUALS = { principal: 'principal', action: 'action', outcome: 'outcome', idempotencyKey: 'idempotency_key', traceId: 'trace_id' } as const;

/**
 * Records matching `filter`, in chain order (oldest first), a page at a time. The cursor is the seq of the
 * last record given, so a page stays put while records are appended.
 */
export async function queryAuditLog(pool: Pool, filter: AuditLogFilter): Promise<AuditLogPage> {
  const { offset: afterSeq, limit } = readPageArgs(filter, MAX_AUDIT_PAGE);
  const conditions = ['seq > $1'];
  const values: unknown[] = [afterSeq];
  const add = (condition: (parameter: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  for (const [field, column] of Object.entries(EQUALS)) {
    const value = filter[field as keyof typeof EQUALS];
    if (value !== undefined && value !== null) add((p) => `${column} = ${p}`, value);
  }
  if (filter.since) add((p) => `time >= ${p}`, instant('since', filter.since));
  if (filter.until) add((p) => `time < ${p}`, instant('until', filter.until));
  values.push(limit + 1);
  const { rows } = await pool.query<RecordRow>(`SELECT * FROM audit.records WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT $${values.length}`, values);
  const nodes = rows.slice(0, limit).map(recordFromRow);
  return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: nodes.length > 0 ? encodeCursor(nodes.at(-1)!.seq) : null } };
}

function instant(name: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badUserInput(`"${name}" must be an ISO 8601 date-time, got "${value}"`);
  return date;
}
