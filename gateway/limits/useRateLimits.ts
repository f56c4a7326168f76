import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AuditEntry } from '../../lib/audit/record.js';
import { ErrorCode } from '../../lib/errors.js';
import type { AgentPrincipal } from '../../policies/principal.js';
import { RATE_LIMITS, rateLimitFor, type ApplicableLimit, type RateLimits } from '../../policies/rate-limits.js';
import { recordedRequestOf, requestEntry } from '../audit/request-entry.js';
import type { GatewayContext } from '../context.js';
import { createRateCounters, type RedisCounting } from './rate-counters.js';

export interface RateLimitOptions {
  /** `policies/rate-limits.ts` by default. */
  limits?: RateLimits;
  /** Counts in Redis, one count for every gateway instance; without it, in this process's memory (one instance only). */
  redis?: RedisCounting;
  /** Where refusals are recorded: one record per agent, operation and window, not one per refused call. */
  audit?: { append(entry: AuditEntry): Promise<unknown> };
}

/**
 * Holds each agent to `policies/rate-limits.ts`, per agent and operation, once the operation is known and
 * before anything runs (answers are reused from the caches later, so cache hits count too). Over its limit:
 * RATE_LIMITED with `retryAfter`, HTTP 429 with `Retry-After`, and nothing runs. Only the first refusal of
 * a window is audited: the count is atomic, so exactly one call sees `points + 1`, across every instance
 * sharing Redis (each instance's memory counts apart while Redis is gone).
 */
export function useRateLimits(options: RateLimitOptions = {}): ApolloServerPlugin<GatewayContext> {
  const limits = options.limits ?? RATE_LIMITS;
  const counters = createRateCounters(limits, options.redis);
  return {
    async serverWillStart() {
      await counters.ready();
      return { serverWillStop: async () => counters.close() };
    },
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { contextValue: { principal }, operation } = requestContext;
          // Without an operation (none by that name) nothing runs: execution refuses the request.
          if (principal.kind !== 'agent' || !operation) return;
          const applicable = rateLimitFor(limits, operation.operation, operation.name?.value);
          // An operation name is a GraphQL name, without `:`: the key reads one way only.
          const refusal = await counters.consume(applicable, `${applicable.operation}:${principal.id}`);
          if (!refusal) return;
          if (options.audit && refusal.consumedPoints === applicable.limit.points + 1) {
            await record(options.audit, refusalEntry(requestContext, applicable));
          }
          throw rateLimited(principal, applicable, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
        },
      };
    },
  };
}

/**
 * A rate limit is a guard the gateway holds an agent to: its decision is of kind `guardrail`, named
 * `rate-limit`. One record stands for the window's refusals; the trace, operation, variables and stated
 * reason in it are those of the first refused call.
 */
function refusalEntry(requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>, applicable: ApplicableLimit): AuditEntry {
  const { points, windowSeconds } = applicable.limit;
  const reason = `more than ${points} calls of ${applicable.operation} in ${windowSeconds} s (${applicable.kind})`;
  return requestEntry(recordedRequestOf(requestContext), { action: 'rateLimit', outcome: 'rate_limited', decisions: [{ kind: 'guardrail', name: 'rate-limit', verdict: 'deny', reason }] });
}

/** A record that cannot be written is logged: the refusal stays a refusal. */
async function record(log: NonNullable<RateLimitOptions['audit']>, entry: AuditEntry): Promise<void> {
  try {
    await log.append(entry);
  } catch (error) {
    console.error(`The audit log could not record that ${entry.principal} was rate limited on ${entry.operationName ?? 'an unnamed operation'}: ${(error as Error).message}`);
  }
}

function rateLimited(agent: AgentPrincipal, { operation, limit }: ApplicableLimit, retryAfter: number): GraphQLError {
  return new GraphQLError(`Rate limited: agent ${agent.id} may run ${operation} ${limit.points} times in ${limit.windowSeconds} s; retry in ${retryAfter} s`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfter,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
    },
  });
}
