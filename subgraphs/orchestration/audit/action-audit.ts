import type { AuditDecision, AuditEntry, AuditStep, JsonValue } from '../../../lib/audit/record.js';
import { redact } from '../../../lib/audit/redact.js';
import { traceIdOf } from '../../../lib/audit/traceparent.js';
import type { Verdict } from '../../../policies/guardrails/verdict.js';
import { describeActor, describeOnBehalfOf } from '../../../policies/principal.js';
import type { ActionOutcome, ActionRequest, ApprovalDecision, StepResult } from '../actions/model.js';

/**
 * Where an action's records go: lib/audit's hash-chained log, which writes one record per
 * (actionId, step) however often recovery runs a step, and resolves once the record is durable.
 */
export interface ActionAuditLog {
  append(entry: AuditEntry): Promise<unknown>;
}

/** For benchmarks that measure the orchestration without its audit (`AUDIT=off`). */
export const NO_AUDIT: ActionAuditLog = { append: async () => undefined };

/** The names of an action's records besides its steps': `<step>:compensation` are the undos. */
export const AUDIT_STEPS = { guardrails: 'guardrails', approvalRequested: 'approval-requested', approval: 'approval', outcome: 'outcome' } as const;

type Contents = Pick<AuditEntry, 'decisions' | 'steps' | 'outcome'>;

export function auditEntry(request: ActionRequest, step: string, contents: Contents): AuditEntry {
  const { principal } = request;
  return {
    traceId: traceIdOf(request.traceparent),
    principal: describeActor(principal),
    onBehalfOf: describeOnBehalfOf(principal),
    reason: request.reason,
    operationName: request.action,
    operationHash: null,
    action: request.action,
    actionId: request.actionId,
    step,
    idempotencyKey: request.idempotencyKey,
    variables: redact(request.input as { [key: string]: JsonValue }),
    ...contents,
  };
}

export function guardrailDecisions(verdicts: readonly Verdict[]): AuditDecision[] {
  const verdictOf = { ALLOW: 'allow', DENY: 'deny', NEEDS_APPROVAL: 'pending' } as const;
  return verdicts.map((verdict) => ({
    kind: 'guardrail',
    name: verdict.guardrail,
    verdict: verdictOf[verdict.decision],
    reason: `${verdict.subject}: ${verdict.value} against ${verdict.limit}. ${verdict.message}`,
  }));
}

export function approvalDecision(approval: ApprovalDecision): AuditDecision {
  const by = approval.by ? ` by ${approval.by}` : '';
  return { kind: 'approval', name: 'goodwill-approval', verdict: approval.decision === 'APPROVED' ? 'allow' : 'deny', reason: `${approval.decision.toLowerCase()}${by}${approval.reason ? `: ${approval.reason}` : ''}` };
}

/** A forward step as the log keeps it. */
export function auditStep(result: StepResult): AuditStep {
  return {
    name: result.name,
    startedAt: result.startedAt ?? '',
    durationMs: result.durationMs ?? 0,
    result: result.status === 'SKIPPED' ? 'skipped' : result.status === 'FAILED' ? 'failed' : 'succeeded',
    detail: { reference: result.reference, field: result.field, ...(result.error ? { error: result.error.message, outcome: result.error.outcome } : {}) },
    ...(result.compensation
      ? {
          compensation: {
            startedAt: result.compensation.startedAt,
            durationMs: result.compensation.durationMs,
            result: result.compensation.status === 'FAILED' ? 'failed' : 'succeeded',
            detail: { field: result.compensation.field, status: result.compensation.status, attempts: result.compensation.attempts, error: result.compensation.error },
          },
        }
      : {}),
  };
}

/** `succeeded`, `refused`, `compensated`, `needs_attention`…: the outcome word of the log. */
export function outcomeWord(outcome: ActionOutcome): string {
  return outcome.status === 'COMPLETED' ? 'succeeded' : outcome.status.toLowerCase();
}
