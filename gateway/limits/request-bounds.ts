import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { OperationLimits } from '../../policies/limits.js';
import type { PrincipalKind } from '../../policies/principal.js';

/** Validation stops after this many errors: an error answer stays about the size of its document. */
export const VALIDATION_ERRORS_LIMIT = 10;

/**
 * What Apollo Server bounds itself, before any principal is known: the parser stops at the largest
 * token limit of any kind, so no kind's own limit is ever checked on a runaway document; validation
 * stops at a few errors, so 500 repeated directives are not 500 errors (graphql-js stops at 100).
 */
export function requestBounds(
  limits: Record<PrincipalKind, OperationLimits>,
): Pick<ApolloServerOptions<BaseContext>, 'parseOptions' | 'validationOptions'> {
  return {
    parseOptions: { maxTokens: Math.max(...Object.values(limits).map((limit) => limit.tokens)) },
    validationOptions: { maxErrors: VALIDATION_ERRORS_LIMIT },
  };
}
