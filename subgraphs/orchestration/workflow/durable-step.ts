import { DBOS } from '@dbos-inc/dbos-sdk';

/**
 * Every step of an action as a DBOS step. A step's body returns its outcome, failures of the call
 * included; it throws only when its own writes (its audit record, the action's row) fail, and then DBOS
 * runs it again, for about half a minute, so a PostgreSQL blip does not strand the action midway. Running
 * a body again is safe: its call is idempotent by reference, its record by (action id, step).
 */
const THROUGH_A_DATABASE_BLIP = { retriesAllowed: true, maxAttempts: 6, intervalSeconds: 1, backoffRate: 2 };

export function runStep<T>(name: string, body: () => Promise<T>): Promise<T> {
  return DBOS.runStep(body, { name, ...THROUGH_A_DATABASE_BLIP });
}
