import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import { refusals, type Verdict } from '../../../policies/guardrails/verdict.js';
import type { AtomicClaim } from '../actions/atomic-claims.js';
import type { ActionDefinition, ActionReads } from '../actions/definition.js';
import type { ActionRequest } from '../actions/model.js';
import { todayUtc } from '../actions/today.js';
import { AUDIT_STEPS, auditEntry, guardrailDecisions } from '../audit/action-audit.js';
import { createDomainReads } from '../domain/reads.js';
import { failureOf, outcomeUnknown } from '../domain/subgraph-client.js';
import type { GuardrailLedgers } from '../store/guardrail-ledgers.js';
import type { WorkflowDependencies } from './dependencies.js';
import { withRetries } from './retries.js';

export interface Judged<F> {
  facts: F;
  verdicts: Verdict[];
}

/** Reads what the guardrails need and hears every one of them: a dry run's whole work, a workflow's first step. */
export async function judge<I, F>(definition: ActionDefinition<I, F>, reads: ActionReads, input: I, limits: GuardrailLimits): Promise<Judged<F>> {
  const facts = await definition.readFacts(input, reads);
  return { facts, verdicts: definition.guardrails(input, facts, limits) };
}

/** The reads of one request: the orchestrator's own counts are the asking principal's and leave the action's own claims aside. */
export function actionReads(deps: Pick<WorkflowDependencies, 'client' | 'ledgers'>, request: ActionRequest): ActionReads {
  const { principal, actionId } = request;
  return {
    ...createDomainReads(deps.client, request.traceparent),
    priceChangesToday: (productId) => deps.ledgers.priceChanges.count(productId, todayUtc(), actionId),
    agentMoney: async (amount) =>
      principal.kind === 'agent' ? { agentId: principal.id, amount, movedToday: await deps.ledgers.agentMoney.moved(principal.id, todayUtc(), amount.currency, actionId) } : null,
  };
}

export type Decided<F> = Judged<F> | { error: string };

/**
 * The workflow's first step: judge, then (all others allowing) claim the counting guardrails, and record
 * every verdict. No write to any other system happens before this step is done.
 */
export async function decideStep<I, F>(deps: WorkflowDependencies, definition: ActionDefinition<I, F>, request: ActionRequest<I>): Promise<Decided<F>> {
  const decided = await decide(deps, definition, request).catch((error): Decided<F> => ({ error: failureOf(error).message }));
  const verdicts = 'error' in decided ? [] : decided.verdicts;
  const outcome = 'error' in decided ? 'failed' : refusals(verdicts).length > 0 ? 'refused' : 'allowed';
  await deps.audit.append(auditEntry(request, AUDIT_STEPS.guardrails, { decisions: guardrailDecisions(verdicts), steps: [], outcome }));
  return decided;
}

/** Reads that found no answer are tried again, like steps; a refusal (an unknown product) is not. */
async function decide<I, F>(deps: WorkflowDependencies, definition: ActionDefinition<I, F>, request: ActionRequest<I>): Promise<Judged<F>> {
  const reads = actionReads(deps, request);
  const attempt = await withRetries(deps.stepRetries, outcomeUnknown, () => judge(definition, reads, request.input, deps.limits));
  if (!attempt.ok) throw attempt.error;
  const { facts, verdicts } = attempt.value;
  return { facts, verdicts: await claimAll(deps.ledgers, definition.atomic ?? [], request.actionId, facts, verdicts) };
}

/** Each claim's verdict replaces its guardrail's; none is claimed once any guardrail refuses (a refused action releases what it holds as it finishes). */
async function claimAll<F>(ledgers: GuardrailLedgers, claims: AtomicClaim<F>[], actionId: string, facts: F, verdicts: Verdict[]): Promise<Verdict[]> {
  let judged = verdicts;
  for (const atomic of claims) {
    if (refusals(judged).length > 0) break;
    const taken = await atomic.claim(ledgers, actionId, facts);
    if (taken) judged = judged.map((verdict) => (verdict.guardrail === taken.guardrail ? taken : verdict));
  }
  return judged;
}
