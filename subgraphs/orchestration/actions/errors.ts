import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../lib/errors.js';
import { refusals } from '../../../policies/guardrails/verdict.js';
import { failureOf } from '../domain/subgraph-client.js';
import type { ActionOutcome } from './model.js';

/**
 * A refused action as a typed error: `extensions.guardrail` and `extensions.limit` name the first
 * refusal, `extensions.refusals` lists them all, `extensions.actionId` the action (whose key is used).
 */
export function guardrailRefused(outcome: ActionOutcome): GraphQLError {
  const refused = refusals(outcome.verdicts);
  const first = refused[0]!;
  return new GraphQLError(outcome.error ?? first.message, {
    extensions: {
      code: ErrorCode.GUARDRAIL_REFUSED,
      guardrail: first.guardrail,
      limit: first.limit,
      value: first.value,
      subject: first.subject,
      refusals: refused,
      actionId: outcome.actionId,
    },
  });
}

export function signInRequired(): GraphQLError {
  return new GraphQLError('Orchestrated actions need a signed-in principal, asserted by the gateway', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** A failed read of a dry run, as the GraphQL error of its code. */
export function asGraphQLError(error: unknown): never {
  if (error instanceof GraphQLError) throw error;
  const { message, code, reason } = failureOf(error);
  throw new GraphQLError(message, { extensions: { code, ...(reason ? { reason } : {}) } });
}
