import { randomSecret } from '../../lib/signing/development-secret.js';
import { INTERNAL_CALL_HEADER, signInternalCall } from '../../lib/subgraph/internal-calls.js';
import { graphql, type GraphQLResponse } from './graphql.js';

/** The secret the subgraphs a test starts take internal calls with, as `INTERNAL_CALL_SECRET` would be. */
export const TEST_INTERNAL_CALL_SECRET = randomSecret();

/**
 * POSTs one operation to a subgraph as the orchestrator calls a step: its body signed in
 * `x-internal-signature`. (`graphql` sends `JSON.stringify({ query, variables })`, the bytes signed here.)
 */
export function internalGraphql<D = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  secret = TEST_INTERNAL_CALL_SECRET,
): Promise<GraphQLResponse<D>> {
  const signature = signInternalCall(JSON.stringify({ query, variables }), secret);
  return graphql<D>(baseUrl, query, variables, { [INTERNAL_CALL_HEADER]: signature });
}
