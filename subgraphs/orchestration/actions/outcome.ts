import { refusals, type Verdict } from '../../../policies/guardrails/verdict.js';
import { describePrincipal } from '../../../policies/principal.js';
import type { ActionOutcome, ActionRequest, ActionStatus, StepResult } from './model.js';

/** An action as it stands before any step: what a claim stores and a dry run starts from. */
export function outcomeOf(request: ActionRequest, status: ActionStatus): ActionOutcome {
  return {
    actionId: request.actionId,
    action: request.action,
    status,
    dryRun: status === 'DRY_RUN',
    idempotencyKey: request.idempotencyKey,
    principal: describePrincipal(request.principal),
    reason: request.reason,
    plan: [],
    verdicts: [],
    steps: [],
    approval: null,
    error: null,
    createdAt: request.requestedAt,
    finishedAt: null,
  };
}

/** What the refusing guardrails say, in one sentence per guardrail. */
export function refusalMessage(verdicts: readonly Verdict[]): string {
  return refusals(verdicts)
    .map((verdict) => `${verdict.guardrail}: ${verdict.message}`)
    .join(' ');
}

/** Why a saga did not complete: the failed step and its error. */
export function failureMessage(steps: readonly StepResult[]): string | null {
  const failed = steps.find((step) => step.status === 'FAILED' || (step.status === 'COMPENSATED' && step.error));
  return failed?.error ? `${failed.name} failed: ${failed.error.message}` : null;
}
