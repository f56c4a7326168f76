import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../lib/errors.js';

/**
 * Errors of fields that still return data: an availability computed without one inventory system
 * is answered, and the failure is reported beside it at the field's path. graphql-js cannot attach
 * an error to a field that resolves, so resolvers note them here and `partialErrorsPlugin` appends
 * them to the response's `errors`.
 */
export class PartialErrors {
  private readonly errors: GraphQLFormattedError[] = [];

  report(error: Error, path: readonly (string | number)[]): void {
    const coded = error instanceof GraphQLError ? error : internalError(error);
    this.errors.push({ message: coded.message, path, extensions: coded.extensions });
  }

  get reported(): readonly GraphQLFormattedError[] {
    return this.errors;
  }
}

export interface WithPartialErrors extends BaseContext {
  partialErrors: PartialErrors;
}

export function partialErrorsPlugin<C extends WithPartialErrors>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const extra = contextValue.partialErrors?.reported ?? [];
          if (extra.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra];
        },
      };
    },
  };
}

function internalError(error: Error): GraphQLError {
  console.error('inventory source failed unexpectedly', error);
  return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}
