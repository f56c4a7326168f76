import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

/** The error of an argument that is not acceptable; `extensions` add details for clients, e.g. a `reason`. */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}
