import type { Pool } from '../../../lib/postgres/pool.js';
import { inLockedTransaction } from '../../../lib/postgres/transaction.js';

/**
 * The orchestrator's own tables, beside DBOS's `dbos` schema in the same database. Instances that
 * start together take turns (an advisory lock): `IF NOT EXISTS` alone races on PostgreSQL's catalog.
 */
const STATEMENTS = [
  'CREATE SCHEMA IF NOT EXISTS orchestration',
  // One row per action id, claimed before its workflow starts; `input_hash` makes a reused key with other input an error.
  `CREATE TABLE IF NOT EXISTS orchestration.actions (
    id text PRIMARY KEY,
    action text NOT NULL,
    principal text NOT NULL,
    idempotency_key text NOT NULL,
    input_hash text NOT NULL,
    request jsonb NOT NULL,
    status text NOT NULL,
    outcome jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX IF NOT EXISTS actions_by_status ON orchestration.actions (status, created_at DESC)',
  // The slots of the price-changes-per-day guardrail: one row per change that took effect (or is under way).
  `CREATE TABLE IF NOT EXISTS orchestration.price_changes (
    action_id text PRIMARY KEY,
    product_id text NOT NULL,
    day date NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS price_changes_by_day ON orchestration.price_changes (product_id, day)',
  // The reservations of the agent-money-per-day guardrail: one row per agent action that moves money and took effect (or is under way).
  `CREATE TABLE IF NOT EXISTS orchestration.agent_money (
    action_id text PRIMARY KEY,
    agent_id text NOT NULL,
    day date NOT NULL,
    currency text NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0)
  )`,
  'CREATE INDEX IF NOT EXISTS agent_money_by_day ON orchestration.agent_money (agent_id, day, currency)',
];

const MIGRATION_LOCK = 'orchestration-migrations';

export async function migrate(pool: Pool): Promise<void> {
  await inLockedTransaction(pool, MIGRATION_LOCK, async (client) => {
    for (const statement of STATEMENTS) await client.query(statement);
  });
}
