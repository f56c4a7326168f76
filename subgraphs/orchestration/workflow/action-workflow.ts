import { needsApproval, refusals } from '../../../policies/guardrails/verdict.js';
import type { ActionDefinition } from '../actions/definition.js';
import type { ActionOutcome, ActionRequest, ActionStatus, PlannedStep } from '../actions/model.js';
import { failureMessage, outcomeOf, refusalMessage } from '../actions/outcome.js';
import { AUDIT_STEPS, auditEntry, auditStep, guardrailDecisions, outcomeWord } from '../audit/action-audit.js';
import { awaitApproval } from './approval.js';
import { decideStep } from './decide.js';
import type { WorkflowDependencies } from './dependencies.js';
import { runStep } from './durable-step.js';
import { runSaga, type StepRunner } from './saga.js';
import { compensateStep, performStep } from './step-calls.js';

/**
 * The DBOS workflow of an action: guardrails → approval when one is needed → steps, undone in reverse
 * on failure → outcome. Deterministic: reads, the clock and every call happen inside DBOS steps, so
 * recovery replays the recorded results and runs on from the first step that has none.
 */
export function actionWorkflow<I, F>(definition: ActionDefinition<I, F>, deps: WorkflowDependencies) {
  return async function runAction(request: ActionRequest<I>): Promise<ActionOutcome> {
    const finish = (outcome: ActionOutcome) => runStep(AUDIT_STEPS.outcome, () => finishStep(deps, definition, request, outcome));
    const started = outcomeOf(request, 'RUNNING');
    const decided = await runStep(AUDIT_STEPS.guardrails, () => decideStep(deps, definition, request));
    if ('error' in decided) return finish({ ...started, status: 'FAILED', error: decided.error });

    const { facts, verdicts } = decided;
    const plan = definition.plan(request.input, facts, (step) => `${request.actionId}:${step}`);
    const judged: ActionOutcome = { ...started, plan, verdicts };
    if (refusals(verdicts).length > 0) return finish({ ...judged, status: 'REFUSED', error: refusalMessage(verdicts) });

    const approval = needsApproval(verdicts) ? await awaitApproval(deps, request, judged) : null;
    if (approval && approval.decision !== 'APPROVED') return finish({ ...judged, approval, status: 'REJECTED', error: `The action was ${approval.decision.toLowerCase()}.` });

    const saga = await runSaga(plan, dbosSteps(deps, request));
    const status = saga.needsAttention ? 'NEEDS_ATTENTION' : saga.failed ? 'COMPENSATED' : 'COMPLETED';
    return finish({ ...judged, approval, steps: saga.steps, status, error: failureMessage(saga.steps) });
  };
}

function dbosSteps(deps: WorkflowDependencies, request: ActionRequest): StepRunner {
  return {
    perform: (step: PlannedStep) => runStep(step.name, () => performStep(deps, request, step)),
    compensate: (step, result) => runStep(`${step.name}:compensation`, () => compensateStep(deps, request, step, result)),
  };
}

/** Final statuses after which no system holds an effect of the action (NEEDS_ATTENTION may). */
const LEFT_NO_EFFECT: ReadonlySet<ActionStatus> = new Set(['FAILED', 'REFUSED', 'REJECTED', 'COMPENSATED']);

/** The last step: the outcome is stored and its record durable before anyone is told. */
async function finishStep<I, F>(deps: WorkflowDependencies, definition: ActionDefinition<I, F>, request: ActionRequest<I>, outcome: ActionOutcome): Promise<ActionOutcome> {
  const finished = { ...outcome, finishedAt: new Date().toISOString() };
  if (LEFT_NO_EFFECT.has(finished.status)) await Promise.all((definition.atomic ?? []).map((atomic) => atomic.release(deps.ledgers, request.actionId)));
  await deps.audit.append(
    auditEntry(request, AUDIT_STEPS.outcome, { decisions: guardrailDecisions(finished.verdicts), steps: finished.steps.map(auditStep), outcome: outcomeWord(finished) }),
  );
  await deps.store.save(finished);
  return finished;
}
