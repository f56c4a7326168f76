import type { GraphQLRequestContext } from '@apollo/server';
import { redact } from '../../lib/audit/redact.js';
import type { AuditDecision, AuditEntry, JsonValue } from '../../lib/audit/record.js';
import { traceIdOf } from '../../lib/audit/traceparent.js';
import { describeActor, describeOnBehalfOf, type Principal } from '../../policies/principal.js';
import type { GatewayContext } from '../context.js';
import { AGENT_REASON_HEADER } from '../identity/forwarded-principal.js';

/** What the gateway knows of a request it records: who, with which headers, which operation and variables. */
export interface RecordedRequest {
  principal: Principal;
  /** A request header by its lower-case name. */
  header: (name: string) => string | null | undefined;
  operationName: string | null;
  operationHash: string | null;
  variables: Record<string, unknown>;
  /** The audited field's arguments, where a `reason` and an `idempotencyKey` may be; the variables otherwise. */
  args?: Record<string, unknown>;
}

/**
 * One audit entry for a request the gateway answered or refused: the actor and whom it acts for, the
 * trace, the reason it stated (`x-agent-reason`, else a `reason` argument), the variables redacted.
 */
export function requestEntry(request: RecordedRequest, what: { action: string; outcome: string; decisions: AuditDecision[] }): AuditEntry {
  const args = request.args ?? request.variables;
  return {
    traceId: traceIdOf(request.header('traceparent')),
    principal: describeActor(request.principal),
    onBehalfOf: describeOnBehalfOf(request.principal),
    reason: request.header(AGENT_REASON_HEADER) ?? text(args.reason),
    operationName: request.operationName,
    operationHash: request.operationHash,
    action: what.action,
    actionId: null,
    step: null,
    idempotencyKey: text(args.idempotencyKey),
    variables: redact(request.variables as { [key: string]: JsonValue }),
    decisions: what.decisions,
    steps: [],
    outcome: what.outcome,
  };
}

/** What Apollo Server knows of a request it is answering, as the audit log records it. */
export function recordedRequestOf({ contextValue, request, operation, queryHash }: GraphQLRequestContext<GatewayContext>): RecordedRequest {
  return {
    principal: contextValue.principal,
    header: (name) => request.http?.headers.get(name),
    operationName: operation?.name?.value ?? request.operationName ?? null,
    operationHash: queryHash ?? null,
    variables: request.variables ?? {},
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
