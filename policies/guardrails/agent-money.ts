import { GUARDRAIL_LIMITS, type GuardrailLimits } from './limits.js';
import { cents, formatMoney, type Money } from './money.js';
import { judge, refuse, type Verdict } from './verdict.js';

export interface AgentMoneyFacts {
  /** The agent's own id, whichever customer it acts for. */
  agentId: string;
  /** What this action moves: an order's total, a credit's amount. */
  amount: Money;
  /** What the agent's other actions moved today (UTC) in the amount's currency, those under way included. */
  movedToday: Money;
}

/**
 * The money one agent moves per UTC day, per currency, stays within the limit; an agent moves no money
 * in a currency without one. Customers and staff are not held to it. The orchestrator sums the day's
 * reservations and reserves this action's amount in one PostgreSQL transaction with this verdict.
 */
export function agentMoneyPerDay(facts: AgentMoneyFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict {
  const { agentId, amount } = facts;
  const maximum = limits.agentMoneyPerDay[amount.currency];
  const [moved, adding] = [cents(facts.movedToday.amount), cents(amount.amount)];
  const value = `${formatMoney(moved, amount.currency)} moved today + ${formatMoney(adding, amount.currency)}`;
  const findings = { subject: `agent:${agentId}`, value };
  if (maximum === undefined) {
    return refuse('agent-money-per-day', { ...findings, limit: `no daily limit for ${amount.currency}` }, `Agents move no money in ${amount.currency}: no daily limit is set for it.`);
  }
  const limit = formatMoney(cents(maximum), amount.currency);
  return judge(
    'agent-money-per-day',
    moved + adding <= cents(maximum),
    { ...findings, limit: `${limit} per day` },
    {
      allow: `${value} is within ${limit}, what agent ${agentId} may move per day (UTC).`,
      otherwise: `${value} > ${limit}, what agent ${agentId} may move per day (UTC).`,
    },
  );
}
