/** How often one agent may run one operation: `points` calls per window, the window starting at its first call. */
export interface RateLimit {
  points: number;
  /** Whole seconds (Redis counts in whole seconds). */
  windowSeconds: number;
}

/**
 * Per-agent rate limits. Counted per agent (its own id, never the customer it acts for) and per operation
 * (its name, which is also its MCP tool's name; an unnamed operation counts as `anonymous`), cache hits
 * included. Only agents are limited: customers, staff and anonymous callers are not. A bound on what an
 * agent may do in business terms (money moved per day) is a guardrail (`guardrails/agent-money.ts`), not a rate limit.
 */
export interface RateLimits {
  /** Each query (a read tool). */
  reads: RateLimit;
  /** Each mutation (an action tool). */
  actions: RateLimit;
  /** Limits of particular operations, by operation name, instead of `reads` or `actions`. */
  operations: Record<string, RateLimit>;
}

export const RATE_LIMITS: RateLimits = {
  reads: { points: 60, windowSeconds: 60 },
  actions: { points: 10, windowSeconds: 60 },
  operations: {},
};

/** The name an unnamed operation is counted by. */
export const UNNAMED_OPERATION = 'anonymous';

/** Which limit holds an operation: `reads`, `actions`, or `operation` for one named in `RateLimits.operations`. */
export type RateLimitKind = 'reads' | 'actions' | 'operation';

export interface ApplicableLimit {
  kind: RateLimitKind;
  /** The operation's name, or `anonymous`: what its count goes by. */
  operation: string;
  limit: RateLimit;
}

/** The limit an operation of this type and name is held to. */
export function rateLimitFor(limits: RateLimits, type: 'query' | 'mutation' | 'subscription', name: string | undefined): ApplicableLimit {
  const operation = name ?? UNNAMED_OPERATION;
  const own = Object.hasOwn(limits.operations, operation) ? limits.operations[operation] : undefined;
  if (own) return { kind: 'operation', operation, limit: own };
  const kind = type === 'mutation' ? 'actions' : 'reads';
  return { kind, operation, limit: limits[kind] };
}
