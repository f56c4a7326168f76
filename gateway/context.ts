import type { CacheRequestContext } from './cache/stale-answers.js';
import type { PolicyRequestContext } from './policy/policy-context.js';

/** Per-request state of the gateway: who asks, what the policy decided, and what the cache served stale. */
export type GatewayContext = PolicyRequestContext & CacheRequestContext;
