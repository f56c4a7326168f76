import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Principal } from '../../policies/principal.js';
import { requestContextFor, type GatewayContext } from '../context.js';
import { AGENT_REASON_HEADER } from '../identity/forwarded-principal.js';
import type { OperationRequest } from './useMcp.js';

/** The headers of a tool call that a `/graphql` request would carry to the audit log and the subgraphs. */
const CARRIED_HEADERS = ['traceparent', AGENT_REASON_HEADER];

/**
 * Runs an operation for a principal through Apollo Server's whole request pipeline, exactly as a POST
 * to `/graphql` runs: limits, rate limits, safelist, access policy, caches, audit.
 */
export function executeOperationAs(server: ApolloServer<GatewayContext>) {
  return async (principal: Principal, { query, operationName, variables, header }: OperationRequest): Promise<FormattedExecutionResult> => {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    for (const name of CARRIED_HEADERS) {
      const value = header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const response = await server.executeOperation(
      { query, operationName, variables, http: { method: 'POST', headers, search: '', body: {} } },
      { contextValue: requestContextFor(principal) },
    );
    if (response.body.kind !== 'single') throw new Error('an incremental answer (@defer) cannot be a tool result');
    return response.body.singleResult;
  };
}
