import type { AgentMoneyFacts } from '../../../policies/guardrails/agent-money.js';
import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import type { Money } from '../../../policies/guardrails/money.js';
import type { Verdict } from '../../../policies/guardrails/verdict.js';
import type { Principal } from '../../../policies/principal.js';
import type { DomainReads } from '../domain/reads.js';
import type { AtomicClaim } from './atomic-claims.js';
import type { ActionName, PlannedStep, SubgraphOperation } from './model.js';

/** The domain's reads, and the orchestrator's own counts today, the asking action's own claims aside. */
export interface ActionReads extends DomainReads {
  priceChangesToday(productId: string): Promise<number>;
  /** `amount` as the agent asking moves it, with what it moved today; null when a customer or staff asks. */
  agentMoney(amount: Money): Promise<AgentMoneyFacts | null>;
}

/**
 * One orchestrated action, as data and small functions: the workflow runs every action the same way
 * (read facts → guardrails → approval if one is needed → steps → compensation on failure).
 */
export interface ActionDefinition<I, F> {
  name: ActionName;
  /** The mutation's arguments as the action's input (defaults applied), or a BAD_USER_INPUT error. */
  readInput(args: Record<string, unknown>): I;
  /** Beyond being signed in: e.g. a customer places orders only for themself. */
  mayRun(principal: Principal, input: I): boolean;
  /** Everything the guardrails and the plan need, read before any write. Runs as one workflow step. */
  readFacts(input: I, reads: ActionReads): Promise<F>;
  /** Every guardrail verdict on this input (see `policies/guardrails/actions.ts`). */
  guardrails(input: I, facts: F, limits: GuardrailLimits): Verdict[];
  /** The steps in order; `reference(step)` is the reference that step and its compensation pass down. */
  plan(input: I, facts: F, reference: (step: string) => string): PlannedStep[];
  /** Its guardrails may ask for a staff member's approval: the first request answers once the workflow waits for it. */
  mayAwaitApproval?: boolean;
  /** Its counting guardrails, claimed in this order once the others allow (see `atomic-claims.ts`). */
  atomic?: AtomicClaim<F>[];
}

/** The step `name`: `operations` gets its reference and returns its forward operation and the one that undoes it. */
export function step(
  name: string,
  reference: (step: string) => string,
  operations: (reference: string) => [SubgraphOperation, SubgraphOperation | null],
): PlannedStep {
  const own = reference(name);
  const [forward, compensation] = operations(own);
  return { name, reference: own, forward, compensation };
}
