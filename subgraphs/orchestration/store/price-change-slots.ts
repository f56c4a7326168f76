import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import { priceChangesPerDay } from '../../../policies/guardrails/price-changes.js';
import type { Verdict } from '../../../policies/guardrails/verdict.js';
import type { Pool } from '../../../lib/postgres/pool.js';
import { inLockedTransaction } from '../../../lib/postgres/transaction.js';

/**
 * The price-changes-per-day guardrail, counted where two instances see the same count: the day's
 * changes of a product are counted and a slot taken under one advisory lock per (product, day), so two
 * concurrent changes cannot both take the last slot. Taking is idempotent per action (a step that
 * recovery runs again finds its own slot); a change that did not take effect gives its slot back.
 */
export interface PriceChangeSlots {
  /** Changes of the product on `day` (`YYYY-MM-DD`), the action's own slot aside: for a dry run's verdict. */
  count(productId: string, day: string, actionId: string): Promise<number>;
  /** The guardrail's verdict on the action's change, with its slot taken when allowed. */
  take(actionId: string, productId: string, day: string): Promise<Verdict>;
  release(actionId: string): Promise<void>;
}

export function priceChangeSlots(pool: Pool, limits: GuardrailLimits): PriceChangeSlots {
  return {
    async count(productId, day, actionId) {
      const { rows } = await pool.query<{ changes: number }>(
        'SELECT count(*)::int AS changes FROM orchestration.price_changes WHERE product_id = $1 AND day = $2 AND action_id <> $3',
        [productId, day, actionId],
      );
      return rows[0]!.changes;
    },
    take: (actionId, productId, day) =>
      inLockedTransaction(pool, `price-changes:${productId}:${day}`, async (client) => {
        const { rows } = await client.query<{ action_id: string }>('SELECT action_id FROM orchestration.price_changes WHERE product_id = $1 AND day = $2', [productId, day]);
        const mine = rows.some((row) => row.action_id === actionId);
        const verdict = priceChangesPerDay({ productId, changesToday: rows.length - (mine ? 1 : 0) }, limits);
        if (verdict.decision === 'ALLOW' && !mine) {
          await client.query('INSERT INTO orchestration.price_changes (action_id, product_id, day) VALUES ($1, $2, $3)', [actionId, productId, day]);
        }
        return verdict;
      }),
    async release(actionId) {
      await pool.query('DELETE FROM orchestration.price_changes WHERE action_id = $1', [actionId]);
    },
  };
}
