import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One access-policy or guardrail verdict, as the rule that decided it named it. */
export interface AuditDecision {
  kind: 'access' | 'guardrail' | 'approval';
  /** The rule or guardrail: `maxDiscountByCategory`, `customer.email`. */
  name: string;
  verdict: 'allow' | 'deny' | 'pending';
  /** Why, with the limit where there is one: `discount 40% > 30% for category shoes`. */
  reason?: string;
}

/** One step of an action: what it did, when, how long it took, and how it was undone if it was. */
export interface AuditStep {
  name: string;
  startedAt: string;
  durationMs: number;
  result: 'succeeded' | 'failed' | 'skipped';
  /** The vendor's reference or the error, as the step reported it. */
  detail?: JsonValue;
  compensation?: { startedAt: string; durationMs: number; result: 'succeeded' | 'failed'; detail?: JsonValue };
}

/** What a caller records: who did what, on whose behalf, why, and what happened. */
export interface AuditEntry {
  /** The trace id of the request's W3C `traceparent` (see `traceIdOf`). */
  traceId: string | null;
  /** The actor: `agent:support-bot`, `staff:S01`, `customer:C0001`, `anonymous`. */
  principal: string;
  /** Whom the actor acts for, when it acts for someone: `customer:C0001`. */
  onBehalfOf: string | null;
  /** The reason the agent stated (`x-agent-reason` or a `reason` argument). */
  reason: string | null;
  operationName: string | null;
  operationHash: string | null;
  /** The audited action or field: `placeOrder`, `Customer.email`. */
  action: string;
  /**
   * The orchestrated action's id and the step this record is for: a record with the same (actionId, step)
   * is written once, so a step that recovery runs again does not write a second record.
   */
  actionId: string | null;
  step: string | null;
  idempotencyKey: string | null;
  /** Variables with secrets and PII masked already (see `redact`). */
  variables: { [key: string]: JsonValue };
  decisions: AuditDecision[];
  steps: AuditStep[];
  /** `succeeded`, `refused`, `compensated`, `pending_approval`, `needs_attention`, `served`… */
  outcome: string;
}

/** An entry ready to be chained: its id and time are given when it was appended, not when it is written. */
export interface PreparedEntry extends AuditEntry {
  id: string;
  time: string;
}

/** A record as the chain holds it: the entry, numbered and linked to the one before it. */
export interface AuditRecord extends AuditEntry {
  id: string;
  /** ISO 8601, when the entry was appended. */
  time: string;
  /** 1 for the first record, then one more for each. */
  seq: number;
  prevHash: string;
  /** SHA-256 (hex) of the record's RFC 8785 canonical JSON, all fields but this one. */
  hash: string;
}

/** The `prevHash` of record 1. */
export const GENESIS_HASH = '0'.repeat(64);

export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  return sha256(canonicalJson(record));
}

/** A record's canonical JSON but for `prevHash` and `seq`: `before` + prevHash + `between` + seq + `after`. */
export interface CanonicalParts {
  before: string;
  between: string;
  after: string;
}

/**
 * `content`'s canonical JSON, computed when it is appended, around the two fields only known once it is
 * chained, under the chain head's lock: there, the hash is a concatenation and one SHA-256. The members are
 * ordered as RFC 8785 orders them, by key; `prevHash` comes before `seq`.
 */
export function canonicalAround(content: Omit<AuditRecord, 'hash' | 'seq' | 'prevHash'>): CanonicalParts {
  const members = Object.entries(content)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, json: `${canonicalJson(key)}:${canonicalJson(value)}` }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const joined = (from: string, to: string) => members.filter(({ key }) => key > from && key < to).map(({ json }) => `${json},`).join('');
  return {
    before: `{${joined('', 'prevHash')}"prevHash":`,
    between: `,${joined('prevHash', 'seq')}"seq":`,
    after: `${members.filter(({ key }) => key > 'seq').map(({ json }) => `,${json}`).join('')}}`,
  };
}

export function canonicalJson(value: unknown): string {
  return canonicalize(value)!;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
