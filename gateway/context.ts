import type { PolicyRequestContext } from './policy/policy-context.js';

/** Per-request state of the gateway: who asks, and what the policy decided. */
export type GatewayContext = PolicyRequestContext;
