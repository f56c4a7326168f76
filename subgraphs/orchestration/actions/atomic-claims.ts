import type { AgentMoneyFacts } from '../../../policies/guardrails/agent-money.js';
import type { Verdict } from '../../../policies/guardrails/verdict.js';
import type { GuardrailLedgers } from '../store/guardrail-ledgers.js';
import { todayUtc } from './today.js';

/**
 * A counting guardrail of an action: counted and claimed in PostgreSQL atomically with its verdict once
 * every other guardrail allows, the verdict replacing the one read before; released when the action
 * left no effect. Claiming is idempotent per action id.
 */
export interface AtomicClaim<F> {
  /** The verdict, with the claim taken when it allows; null when the guardrail does not hold this request. */
  claim(ledgers: GuardrailLedgers, actionId: string, facts: F): Promise<Verdict | null>;
  release(ledgers: GuardrailLedgers, actionId: string): Promise<void>;
}

/** price-changes-per-day: a slot of the product's changes today. */
export const priceChangeSlot: AtomicClaim<{ productId: string }> = {
  claim: (ledgers, actionId, { productId }) => ledgers.priceChanges.take(actionId, productId, todayUtc()),
  release: (ledgers, actionId) => ledgers.priceChanges.release(actionId),
};

/** agent-money-per-day: the amount in the agent's budget of the day, when an agent asks. */
export const agentMoneyReservation: AtomicClaim<{ agentMoney: AgentMoneyFacts | null }> = {
  claim: async (ledgers, actionId, { agentMoney }) => agentMoney && ledgers.agentMoney.reserve(actionId, agentMoney.agentId, agentMoney.amount, todayUtc()),
  release: (ledgers, actionId) => ledgers.agentMoney.release(actionId),
};
