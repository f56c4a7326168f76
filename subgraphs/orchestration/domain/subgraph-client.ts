import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../lib/errors.js';
import { INTERNAL_CALL_HEADER, signInternalCall } from '../../../lib/subgraph/internal-calls.js';
import type { StepFailure } from '../actions/model.js';
import type { DomainSubgraph } from './domain-subgraphs.js';


/**
 * Whether a failed call may have taken effect. `refused`: the subgraph answered that it did not do it
 * (bad input, a vendor's refusal such as INSUFFICIENT_STOCK). `unknown`: no answer, or a failure on
 * the way (the vendor may have acted and lost its response): it is compensated by reference anyway.
 */
export type FailureOutcome = 'refused' | 'unknown';

/** Codes with which a subgraph says, with certainty, that it wrote nothing. */
const REFUSAL_CODES: ReadonlySet<string> = new Set([ErrorCode.BAD_USER_INPUT, ErrorCode.FORBIDDEN, ErrorCode.UNAUTHENTICATED, ErrorCode.VENDOR_REFUSED]);

export class StepCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly outcome: FailureOutcome,
    /** The vendor's refusal reason (`extensions.reason`), e.g. `NO_CAPACITY`. */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'StepCallError';
  }
}

/** Any error of a call or a read as a step result records it: only a refusal by its code is known to have done nothing. */
export function failureOf(error: unknown): StepFailure {
  if (error instanceof StepCallError) return { message: error.message, code: error.code, outcome: error.outcome, reason: error.reason };
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    return { message: error.message, code, outcome: REFUSAL_CODES.has(code) ? 'refused' : 'unknown', reason: (error.extensions.reason as string | undefined) ?? null };
  }
  return { message: (error as Error)?.message ?? String(error), code: ErrorCode.INTERNAL_SERVER_ERROR, outcome: 'unknown', reason: null };
}

/** A failure after which nobody knows what happened (no answer, an error on the way): worth trying again, by its reference. */
export function outcomeUnknown(error: unknown): boolean {
  return failureOf(error).outcome === 'unknown';
}

export interface SubgraphClient {
  /** The `data` of one signed operation; a StepCallError when it has errors or no answer. */
  call<D>(subgraph: DomainSubgraph, query: string, variables: Record<string, unknown>, traceparent?: string | null): Promise<D>;
}

export interface SubgraphClientOptions {
  urls: Record<DomainSubgraph, string>;
  /** INTERNAL_CALL_SECRET: step mutations and internal reads run only for calls signed with it. */
  secret: string;
  timeoutMs: number;
}

interface GraphQLAnswer<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/** Every call is signed over its exact body, as `requireInternalCall` on the other side checks. */
export function createSubgraphClient(options: SubgraphClientOptions): SubgraphClient {
  return {
    async call<D>(subgraph: DomainSubgraph, query: string, variables: Record<string, unknown>, traceparent?: string | null) {
      const body = JSON.stringify({ query, variables });
      const headers: Record<string, string> = { 'content-type': 'application/json', [INTERNAL_CALL_HEADER]: signInternalCall(body, options.secret) };
      if (traceparent) headers.traceparent = traceparent;
      let answer: GraphQLAnswer<D>;
      try {
        const response = await fetch(options.urls[subgraph], { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
        answer = (await response.json()) as GraphQLAnswer<D>;
      } catch (error) {
        throw new StepCallError(`${subgraph} subgraph did not answer: ${(error as Error).message}`, ErrorCode.SUBGRAPH_UNAVAILABLE, 'unknown');
      }
      const [first] = answer.errors ?? [];
      if (first) {
        const code = first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
        const refused = (answer.errors ?? []).every((error) => REFUSAL_CODES.has(error.extensions?.code ?? ''));
        throw new StepCallError(`${subgraph}: ${first.message}`, code, refused ? 'refused' : 'unknown', first.extensions?.reason ?? null);
      }
      if (!answer.data) throw new StepCallError(`${subgraph} subgraph answered without data`, ErrorCode.SUBGRAPH_UNAVAILABLE, 'unknown');
      return answer.data;
    },
  };
}
