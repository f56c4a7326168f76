import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors.js';

/** The one error a denied field or mutation gets, at its path, naming the field and the rule. */
export function forbidden(coordinate: string, rule: string, path: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(`Forbidden: ${coordinate} is not available to this principal`, {
    path,
    extensions: { code: ErrorCode.FORBIDDEN, rule },
  });
}
