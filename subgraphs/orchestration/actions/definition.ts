import type { Verdict } from '../../../policies/guardrails/verdict.js';
import type { Principal } from '../../../policies/principal.js';
import type { DomainReads } from '../domain/reads.js';
import type { PriceChangeSlots } from '../store/price-change-slots.js';
import type { ActionName, PlannedStep, SubgraphOperation } from './model.js';

/** The domain's reads, and the orchestrator's own count of a product's price changes today. */
export interface ActionReads extends DomainReads {
  priceChangesToday(productId: string): Promise<number>;
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
  guardrails(input: I, facts: F): Verdict[];
  /** The steps in order; `reference(step)` is the reference that step and its compensation pass down. */
  plan(input: I, facts: F, reference: (step: string) => string): PlannedStep[];
  /** Its guardrails may ask for a staff member's approval: the first request answers once the workflow waits for it. */
  mayAwaitApproval?: boolean;
  /**
   * A guardrail counted and claimed in PostgreSQL atomically with its decision, once the others allow:
   * its verdict replaces the one read before. Released when the action does not complete.
   */
  atomic?: {
    claim(slots: PriceChangeSlots, actionId: string, input: I, facts: F): Promise<Verdict>;
    release(slots: PriceChangeSlots, actionId: string): Promise<void>;
  };
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
