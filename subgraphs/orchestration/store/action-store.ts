import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../lib/errors.js';
import type { Pool } from '../../../lib/postgres/pool.js';
import type { ActionOutcome, ActionRequest, ActionStatus } from '../actions/model.js';

/** The first request under an action id, or the action that id names already. */
export type Claim = { fresh: true } | { fresh: false; outcome: ActionOutcome };

/**
 * Every action's row: claimed once per id before its workflow starts, then holding where it stands
 * and what it did, for repeated requests, for `actions(status:)`, and for staff.
 */
export interface ActionStore {
  /**
   * Claims the id for this input in one statement (INSERT … ON CONFLICT DO NOTHING): of two requests
   * that arrive at once, one claims and the other sees its row. Another input under the id is refused.
   */
  claim(request: ActionRequest, inputHash: string, initial: ActionOutcome): Promise<Claim>;
  save(outcome: ActionOutcome): Promise<void>;
  get(actionId: string): Promise<{ request: ActionRequest; outcome: ActionOutcome } | null>;
  list(status: ActionStatus | null, limit: number): Promise<ActionOutcome[]>;
  /** Claimed over `seconds` ago and still RUNNING: maybe claimed by a process that died before starting its workflow. */
  unfinished(seconds: number): Promise<ActionRequest[]>;
}

export function actionStore(pool: Pool): ActionStore {
  return {
    async claim(request, inputHash, initial) {
      const inserted = await pool.query(
        `INSERT INTO orchestration.actions (id, action, principal, idempotency_key, input_hash, request, status, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [request.actionId, request.action, initial.principal, request.idempotencyKey, inputHash, request, initial.status, initial],
      );
      if (inserted.rowCount === 1) return { fresh: true };
      const { rows } = await pool.query<{ input_hash: string; outcome: ActionOutcome }>('SELECT input_hash, outcome FROM orchestration.actions WHERE id = $1', [request.actionId]);
      const existing = rows[0]!;
      if (existing.input_hash !== inputHash) throw keyReused(request);
      return { fresh: false, outcome: existing.outcome };
    },

    async save(outcome) {
      await pool.query('UPDATE orchestration.actions SET status = $2, outcome = $3, updated_at = now() WHERE id = $1', [outcome.actionId, outcome.status, outcome]);
    },

    async get(actionId) {
      const { rows } = await pool.query<{ request: ActionRequest; outcome: ActionOutcome }>('SELECT request, outcome FROM orchestration.actions WHERE id = $1', [actionId]);
      return rows[0] ?? null;
    },

    async list(status, limit) {
      const { rows } = await pool.query<{ outcome: ActionOutcome }>(
        'SELECT outcome FROM orchestration.actions WHERE $1::text IS NULL OR status = $1 ORDER BY created_at DESC LIMIT $2',
        [status, limit],
      );
      return rows.map((row) => row.outcome);
    },

    async unfinished(seconds) {
      const { rows } = await pool.query<{ request: ActionRequest }>(
        `SELECT request FROM orchestration.actions WHERE status = 'RUNNING' AND created_at < now() - make_interval(secs => $1)`,
        [seconds],
      );
      return rows.map((row) => row.request);
    },
  };
}

function keyReused(request: ActionRequest): GraphQLError {
  return new GraphQLError(
    `Idempotency key "${request.idempotencyKey}" was used for ${request.action} with other input: the first action stands (${request.actionId}); use a new key for a new action`,
    { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED, actionId: request.actionId, idempotencyKey: request.idempotencyKey } },
  );
}
