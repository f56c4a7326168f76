import type { Principal } from '../policies/principal.js';
import type { CacheRequestContext } from './cache/stale-answers.js';
import type { PolicyRequestContext } from './policy/policy-context.js';

/** Per-request state of the gateway: who asks, what the policy decided, and what the cache served stale. */
export type GatewayContext = PolicyRequestContext & CacheRequestContext;

/** A request's context before anything has run: only who asks is known. */
export function requestContextFor(principal: Principal): GatewayContext {
  return { principal, _shield: { cache: {} }, policyDecisions: [], staleAnswers: [] };
}
