import { DBOS } from '@dbos-inc/dbos-sdk';
import type { ActionOutcome, ActionRequest, ApprovalDecision } from '../actions/model.js';
import { AUDIT_STEPS, approvalDecision, auditEntry, guardrailDecisions } from '../audit/action-audit.js';
import type { WorkflowDependencies } from './dependencies.js';
import { runStep } from './durable-step.js';

/** What `approveAction` / `rejectAction` send to a waiting workflow. */
export interface ApprovalMessage {
  decision: 'APPROVED' | 'REJECTED';
  /** `staff:S01`. */
  by: string;
  reason: string | null;
}

export const APPROVAL_TOPIC = 'approval';
/** Set to the PENDING_APPROVAL outcome while the workflow waits, so its first request can answer at once. */
export const PAUSED_EVENT = 'paused';

/**
 * Waits inside the workflow for a staff decision: durably (DBOS `recv` with a timeout, whose deadline
 * survives restarts), not in a table someone polls. No decision in time is EXPIRED, which rejects.
 */
export async function awaitApproval(deps: WorkflowDependencies, request: ActionRequest, pending: ActionOutcome): Promise<ApprovalDecision> {
  const waiting = await runStep(AUDIT_STEPS.approvalRequested, () => requestApproval(deps, request, pending));
  await DBOS.setEvent(PAUSED_EVENT, waiting);
  const message = await DBOS.recv<ApprovalMessage>(APPROVAL_TOPIC, deps.approvalTimeoutSeconds);
  await DBOS.setEvent(PAUSED_EVENT, null);
  return runStep(AUDIT_STEPS.approval, () => recordDecision(deps, request, waiting, message));
}

async function requestApproval(deps: WorkflowDependencies, request: ActionRequest, pending: ActionOutcome): Promise<ActionOutcome> {
  const waiting: ActionOutcome = { ...pending, status: 'PENDING_APPROVAL' };
  await deps.audit.append(auditEntry(request, AUDIT_STEPS.approvalRequested, { decisions: guardrailDecisions(pending.verdicts), steps: [], outcome: 'pending_approval' }));
  await deps.store.save(waiting);
  return waiting;
}

async function recordDecision(deps: WorkflowDependencies, request: ActionRequest, waiting: ActionOutcome, message: ApprovalMessage | null): Promise<ApprovalDecision> {
  const at = new Date().toISOString();
  const approval: ApprovalDecision = message
    ? { ...message, at }
    : { decision: 'EXPIRED', by: null, reason: `no decision within ${deps.approvalTimeoutSeconds} s`, at };
  await deps.audit.append(auditEntry(request, AUDIT_STEPS.approval, { decisions: [approvalDecision(approval)], steps: [], outcome: approval.decision.toLowerCase() }));
  await deps.store.save({ ...waiting, status: 'RUNNING', approval });
  return approval;
}
