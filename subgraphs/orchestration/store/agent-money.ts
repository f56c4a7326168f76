import { agentMoneyPerDay } from '../../../policies/guardrails/agent-money.js';
import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import { cents, type Money } from '../../../policies/guardrails/money.js';
import type { Verdict } from '../../../policies/guardrails/verdict.js';
import type { Pool, PoolClient } from '../../../lib/postgres/pool.js';
import { inLockedTransaction } from '../../../lib/postgres/transaction.js';

/**
 * The agent-money-per-day guardrail, summed where every instance sees the same sum: under one advisory
 * lock per (agent, day, currency) the day's reservations are summed, judged, and the action's amount
 * reserved when allowed, so two concurrent actions cannot both take the last of the budget. Reserving
 * is idempotent per action (a step that recovery runs again finds its own reservation and does not
 * count it against itself); an action that left no effect releases it.
 */
export interface AgentMoneyLedger {
  /** What the agent moved on `day` (`YYYY-MM-DD`) in `currency`, the action's own reservation aside: for a dry run's verdict. */
  moved(agentId: string, day: string, currency: string, actionId: string): Promise<Money>;
  /** The guardrail's verdict on the action's amount, reserved when allowed. */
  reserve(actionId: string, agentId: string, amount: Money, day: string): Promise<Verdict>;
  release(actionId: string): Promise<void>;
}

export function agentMoneyLedger(pool: Pool, limits: GuardrailLimits): AgentMoneyLedger {
  return {
    moved: (agentId, day, currency, actionId) => movedBy(pool, agentId, day, currency, actionId),
    reserve: (actionId, agentId, amount, day) =>
      inLockedTransaction(pool, `agent-money:${agentId}:${day}:${amount.currency}`, async (client) => {
        const movedToday = await movedBy(client, agentId, day, amount.currency, actionId);
        const verdict = agentMoneyPerDay({ agentId, amount, movedToday }, limits);
        if (verdict.decision === 'ALLOW') {
          // Run again (recovery), the action's facts were read again: its reservation is the one just judged.
          await client.query(
            `INSERT INTO orchestration.agent_money (action_id, agent_id, day, currency, amount_cents) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (action_id) DO UPDATE SET day = EXCLUDED.day, currency = EXCLUDED.currency, amount_cents = EXCLUDED.amount_cents`,
            [actionId, agentId, day, amount.currency, cents(amount.amount)],
          );
        }
        return verdict;
      }),
    async release(actionId) {
      await pool.query('DELETE FROM orchestration.agent_money WHERE action_id = $1', [actionId]);
    },
  };
}

async function movedBy(db: Pool | PoolClient, agentId: string, day: string, currency: string, actionId: string): Promise<Money> {
  const { rows } = await db.query<{ moved: string }>(
    'SELECT coalesce(sum(amount_cents), 0)::text AS moved FROM orchestration.agent_money WHERE agent_id = $1 AND day = $2 AND currency = $3 AND action_id <> $4',
    [agentId, day, currency, actionId],
  );
  return { amount: Number(rows[0]!.moved) / 100, currency };
}
