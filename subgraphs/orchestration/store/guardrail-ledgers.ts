import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import type { Pool } from '../../../lib/postgres/pool.js';
import { agentMoneyLedger, type AgentMoneyLedger } from './agent-money.js';
import { priceChangeSlots, type PriceChangeSlots } from './price-change-slots.js';

/** The orchestrator's own counts the counting guardrails judge on and claim from (see `actions/atomic-claims.ts`). */
export interface GuardrailLedgers {
  priceChanges: PriceChangeSlots;
  agentMoney: AgentMoneyLedger;
}

export function guardrailLedgers(pool: Pool, limits: GuardrailLimits): GuardrailLedgers {
  return { priceChanges: priceChangeSlots(pool, limits), agentMoney: agentMoneyLedger(pool, limits) };
}
