import { isBrokenCircuitError, isBulkheadRejectedError } from 'cockatiel';
import { ErrorCode } from '../../lib/errors.js';

/** Why a call to a subgraph gave no usable answer. */
export type FailureReason = 'circuit-open' | 'bulkhead-full' | 'timeout' | 'transport' | `http-${number}`;

/**
 * A subgraph call that failed, for whatever reason: the data source turns it into
 * SUBGRAPH_UNAVAILABLE at its path (or serves stale data instead). Its message never holds the
 * subgraph's internal address.
 */
export class SubgraphCallError extends Error {
  readonly code = ErrorCode.SUBGRAPH_UNAVAILABLE;

  constructor(
    readonly subgraph: string,
    readonly reason: FailureReason,
    /** What failed, in a few words: `HTTP 503`, `circuit open`, `no answer within 300 ms`. */
    readonly detail: string,
    options?: { cause: unknown },
  ) {
    super(`Subgraph "${subgraph}" is unavailable: ${detail}`, options);
    this.name = 'SubgraphCallError';
  }
}

interface Call {
  subgraph: string;
  timeoutMs: number;
}

/**
 * What went wrong, from what a call or a policy threw. An aborted signal is our own timeout; an
 * HTTP status is read where `@apollo/gateway`'s data source puts it; anything else thrown on the
 * way to an answer (refused, reset, unreadable) is the transport's.
 */
export function callErrorOf(error: unknown, signal: AbortSignal, call: Call): SubgraphCallError {
  if (error instanceof SubgraphCallError) return error;
  if (isBrokenCircuitError(error)) return new SubgraphCallError(call.subgraph, 'circuit-open', 'circuit open');
  if (isBulkheadRejectedError(error)) return new SubgraphCallError(call.subgraph, 'bulkhead-full', 'too many calls in flight');
  if (signal.aborted) return timedOut(call, error);
  const status = httpStatusOf(error);
  if (status) return new SubgraphCallError(call.subgraph, `http-${status}`, `HTTP ${status}`, { cause: error });
  const code = (error as { code?: unknown }).code;
  return new SubgraphCallError(call.subgraph, 'transport', typeof code === 'string' ? code : 'no answer', { cause: error });
}

export function timedOut(call: Call, cause?: unknown): SubgraphCallError {
  return new SubgraphCallError(call.subgraph, 'timeout', `no answer within ${call.timeoutMs} ms`, { cause });
}

/** A subgraph that is slow, throttling or failing; one that refuses a request (another 4xx) is up. */
export function countsAgainstBreaker(reason: FailureReason): boolean {
  if (reason === 'timeout' || reason === 'transport') return true;
  const status = statusOf(reason);
  return status !== undefined && (status >= 500 || status === 408 || status === 429);
}

/**
 * Failures after which another attempt may well succeed. A timeout is not among them: the timeout
 * bounds the whole call, retries included, so once it has passed no attempt is left to make.
 */
export function isRetryable(reason: FailureReason): boolean {
  return reason === 'transport' || [502, 503, 504].includes(statusOf(reason) ?? 0);
}

function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { extensions?: { response?: { status?: unknown } } }).extensions?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function statusOf(reason: FailureReason): number | undefined {
  return reason.startsWith('http-') ? Number(reason.slice('http-'.length)) : undefined;
}
