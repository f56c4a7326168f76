import type { Pool } from '../postgres/pool.js';
import { inTransaction } from '../postgres/transaction.js';
import { APPEND_FUNCTION } from './append-function.js';
import { GENESIS_HASH } from './record.js';

/**
 * The audit log's tables, in the schema `audit`:
 * - `records`: one row per record, numbered by `seq`; a trigger refuses UPDATE, DELETE and TRUNCATE, since
 *   a superuser is not bound by a REVOKE. Variables, decisions and steps are `json`, not `jsonb`: stored
 *   as written, so reading a record back yields exactly what was hashed.
 * - `chain_head`: one row, the last record's seq and hash. Every append locks it (FOR UPDATE), which
 *   gives all processes and instances one chain order.
 * - `append(entries)`: the one way records are written (see `append-function.ts`).
 */
const SCHEMA = `
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE IF NOT EXISTS audit.records (
  seq             bigint PRIMARY KEY,
  id              uuid NOT NULL UNIQUE,
  time            timestamptz NOT NULL,
  trace_id        text,
  principal       text NOT NULL,
  on_behalf_of    text,
  reason          text,
  operation_name  text,
  operation_hash  text,
  action          text NOT NULL,
  action_id       text,
  step            text,
  idempotency_key text,
  variables       json NOT NULL,
  decisions       json NOT NULL,
  steps           json NOT NULL,
  outcome         text NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS records_action_step ON audit.records (action_id, (coalesce(step, ''))) WHERE action_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS records_principal ON audit.records (principal, seq);
CREATE INDEX IF NOT EXISTS records_action ON audit.records (action, seq);
CREATE INDEX IF NOT EXISTS records_idempotency_key ON audit.records (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS records_trace_id ON audit.records (trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS records_time ON audit.records USING brin (time);

CREATE TABLE IF NOT EXISTS audit.chain_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq      bigint NOT NULL,
  hash     text NOT NULL
);
INSERT INTO audit.chain_head (seq, hash) VALUES (0, '${GENESIS_HASH}') ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.records is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'audit.records'::regclass AND tgname = 'records_append_only') THEN
    CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON audit.records FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
    CREATE TRIGGER records_never_truncated BEFORE TRUNCATE ON audit.records FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
  END IF;
END $$;
`;

/** Any fixed number: the key of the advisory lock that lets one process at a time create the schema. */
const SCHEMA_LOCK = 8_771_001;

/** Creates what is missing, in one transaction; instances starting at once wait for each other. */
export async function ensureAuditSchema(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(SCHEMA);
    await client.query(APPEND_FUNCTION);
  });
}
