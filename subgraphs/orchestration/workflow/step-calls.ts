import type { ActionRequest, Compensation, PlannedStep, StepResult } from '../actions/model.js';
import { auditEntry, auditStep } from '../audit/action-audit.js';
import { failureOf, outcomeUnknown } from '../domain/subgraph-client.js';
import type { WorkflowDependencies } from './dependencies.js';
import { withRetries } from './retries.js';

/**
 * The bodies of an action's DBOS steps: one signed call of a step mutation (or its undo), its audit
 * record written before the step counts as done. DBOS may run a body again after a crash: the call is
 * idempotent by its reference, the record by (action id, step).
 */

export async function performStep(deps: WorkflowDependencies, request: ActionRequest, step: PlannedStep): Promise<StepResult> {
  const { forward } = step;
  const startedAt = new Date();
  const attempt = await withRetries(deps.stepRetries, outcomeUnknown, () =>
    deps.client.call<Record<string, unknown>>(forward.subgraph, forward.document, forward.variables, request.traceparent),
  );
  const result: StepResult = {
    name: step.name,
    subgraph: forward.subgraph,
    field: forward.field,
    reference: step.reference,
    status: attempt.ok ? 'DONE' : 'FAILED',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    output: attempt.ok ? ((attempt.value[forward.field] ?? null) as StepResult['output']) : null,
    error: attempt.ok ? null : failureOf(attempt.error),
    compensation: null,
  };
  await deps.audit.append(auditEntry(request, step.name, { decisions: [], steps: [auditStep(result)], outcome: attempt.ok ? 'succeeded' : 'failed' }));
  return result;
}

/** Undoes `step` by its reference; retried with backoff, FAILED once the retries run out. */
export async function compensateStep(deps: WorkflowDependencies, request: ActionRequest, step: PlannedStep, result: StepResult): Promise<Compensation> {
  const undo = step.compensation!;
  const startedAt = new Date();
  const attempt = await withRetries(deps.compensationRetries, () => true, () =>
    deps.client.call<Record<string, { undone?: boolean }>>(undo.subgraph, undo.document, undo.variables, request.traceparent),
  );
  const compensation: Compensation = {
    field: undo.field,
    status: !attempt.ok ? 'FAILED' : attempt.value[undo.field]?.undone ? 'UNDONE' : 'NOTHING_TO_UNDO',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    attempts: attempt.attempts,
    error: attempt.ok ? null : failureOf(attempt.error).message,
  };
  const record = auditStep({ ...result, compensation });
  await deps.audit.append(
    auditEntry(request, `${step.name}:compensation`, { decisions: [], steps: [record], outcome: compensation.status === 'FAILED' ? 'compensation_failed' : 'compensated' }),
  );
  return compensation;
}
