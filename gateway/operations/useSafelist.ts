import type { ApolloServerPlugin, PersistedQueryOptions } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { AuditEntry } from '../../lib/audit/record.js';
import { ErrorCode } from '../../lib/errors.js';
import { describeActor, type Principal, type PrincipalKind } from '../../policies/principal.js';
import { requestEntry } from '../audit/request-entry.js';
import type { GatewayContext } from '../context.js';
import { askedOperation, type AskedOperation } from './asked-operation.js';
import { registeredFirst } from './persisted-queries.js';
import { registeredSource } from './registered-source.js';
import { sha256, type OperationRegistry } from './registry.js';

export interface SafelistOptions {
  /** The operations this supergraph can run (`bindOperations`). */
  registry: OperationRegistry;
  /** The principal kinds held to them; the others send any document, as before. */
  enforcedFor: readonly PrincipalKind[];
  /** Where refusals are recorded, one record each. */
  audit?: { append(entry: AuditEntry): Promise<unknown> } | null;
}

export interface Safelist {
  /** For the context function: throws OPERATION_NOT_IN_SAFELIST, once the refusal is recorded. */
  admit(principal: Principal, req: Pick<Request, 'method' | 'url' | 'body' | 'headers'>): Promise<void>;
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Apollo Server's `persistedQueries`: the registered operations by hash, then its own registrations. */
  persistedQueries: PersistedQueryOptions;
}

/**
 * The persisted-operation safelist: principals of the enforced kinds run only the registered operations,
 * sent as registered, in another layout, or by registered hash alone (`sha256Hash`, no `query`). Any other
 * document is refused with OPERATION_NOT_IN_SAFELIST (HTTP 403) before it is parsed: it is never validated,
 * planned, fetched, nor stored as an automatic persisted query, and a hash registered by someone else runs
 * nothing for them. Everyone may ask for a registered operation by its hash alone (`persistedQueries`).
 *
 * Where: Apollo Server 5 gives a plugin no way to answer before parsing. Its request pipeline does not catch
 * an error thrown from `didResolveSource` (nor from `requestDidStart`): `internalExecuteOperation` turns it
 * into a 500 "Internal server error". And a plugin cannot skip the parse: the pipeline parses the source
 * unless its document store holds the document under the query hash. The context function is Apollo
 * Server's place to refuse a request up front (an UNAUTHENTICATED token is refused there too): a GraphQLError
 * it throws is the whole answer, with its code and HTTP status, and no hook runs. So `admit` refuses from
 * the context, reading the request as Apollo Server will read it. The plugin checks again, in
 * `didResolveSource`, the very source Apollo Server is about to parse: it holds what comes in without the
 * context function (`executeOperation`, as the MCP server runs its tools), and any request the two would
 * read differently fails (that 500) rather than runs.
 */
export function useSafelist({ registry, enforcedFor, audit }: SafelistOptions): Safelist {
  const enforced = new Set(enforcedFor);
  const isRegistered = registeredSource(registry);
  const admits = ({ query, persistedHash }: AskedOperation): boolean =>
    query !== undefined ? isRegistered(query) : persistedHash !== undefined && registry.byHash.has(persistedHash);

  return {
    async admit(principal, req) {
      if (!enforced.has(principal.kind)) return;
      const asked = askedOperation(req);
      if (admits(asked)) return;
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      await record(audit, refusalEntry(principal, asked, header));
      throw notInSafelist(principal);
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        if (!enforced.has(contextValue.principal.kind)) return;
        return {
          async didResolveSource({ source, queryHash }) {
            if (!isRegistered(source, queryHash)) throw notInSafelist(contextValue.principal);
          },
        };
      },
    },
    persistedQueries: registeredFirst(registry),
  };
}

/** The request's hash: the persisted query's it names, else its query's (Apollo Server's query hash). */
function refusalEntry(principal: Principal, asked: AskedOperation, header: (name: string) => string | undefined): AuditEntry {
  const operationHash = asked.persistedHash ?? (asked.query === undefined ? null : sha256(asked.query));
  const recorded = { principal, header, operationName: asked.operationName ?? null, operationHash, variables: asked.variables ?? {} };
  const reason = 'not a registered operation';
  return requestEntry(recorded, { action: 'safelist', outcome: 'refused', decisions: [{ kind: 'access', name: 'safelist', verdict: 'deny', reason }] });
}

/** A record that cannot be written is logged: the refusal stands. */
async function record(audit: SafelistOptions['audit'], entry: AuditEntry): Promise<void> {
  try {
    await audit?.append(entry);
  } catch (error) {
    console.error(`The audit log could not record a safelist refusal of ${entry.principal}: ${(error as Error).message}`);
  }
}

function notInSafelist(principal: Principal): GraphQLError {
  return new GraphQLError(
    `${describeActor(principal)} may run only the registered operations (operations/): this document is not one of them. ` +
      'Send a registered operation, or its hash alone as extensions.persistedQuery.sha256Hash.',
    { extensions: { code: ErrorCode.OPERATION_NOT_IN_SAFELIST, http: { status: 403 } } },
  );
}
