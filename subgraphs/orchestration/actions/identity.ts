import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describePrincipal, type Principal } from '../../../policies/principal.js';
import type { ActionName } from './model.js';

/**
 * An action's id is derived from who asks, which action, and their idempotency key: the same three
 * always name the same DBOS workflow, and two principals using one key never meet. An agent acting
 * for one customer is another principal than the same agent acting for another.
 */
export function actionIdOf(principal: Principal, action: ActionName, idempotencyKey: string): string {
  return `act_${sha256(canonicalize([describePrincipal(principal), action, idempotencyKey])!).slice(0, 32)}`;
}

/** The hash of an action's input (RFC 8785 canonical JSON): the same key with other input is refused by it. */
export function inputHashOf(action: ActionName, input: unknown): string {
  return sha256(canonicalize({ action, input })!);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
