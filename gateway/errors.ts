import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../lib/errors.js';

/**
 * Errors raised inside the gateway itself with no code of their own are masked outside development:
 * their messages can carry internals. Errors a subgraph sent (they name it in `serviceName`) and
 * coded errors pass unchanged, exactly as plain `@apollo/gateway` passes them.
 */
export function maskUnexpectedErrors(environment: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (environment === 'development') return formatted;
    const code = formatted.extensions?.code;
    const fromSubgraph = formatted.extensions?.serviceName !== undefined;
    if (fromSubgraph || code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    const original = unwrapResolverError(error);
    console.error('masked gateway error:', original);
    return { ...formatted, message: 'Internal server error', extensions: { code } };
  };
}
