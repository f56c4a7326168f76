import {
  BrokenCircuitError,
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  noop,
  retry,
  type Event,
  EventEmitter,
  type IPolicy,
} from 'cockatiel';
import { backoffWithin } from './backoff-within.js';
import { callErrorOf, countsAgainstBreaker, isRetryable, SubgraphCallError, timedOut, type FailureReason } from './failure.js';

/** How calls to one subgraph are guarded; `readResilienceConfig` reads it from the environment. */
export interface ResiliencePolicy {
  /** How long one call may take, retries and the waits between them included. */
  timeoutMs: number;
  /** How many more attempts a retryable failure gets (queries only). */
  retries: number;
  /** The first wait before a retry; later waits grow exponentially, with jitter. */
  retryBackoffMs: number;
  /** Consecutive failures that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit refuses every call before it lets one trial call through. */
  halfOpenAfterMs: number;
  /** Calls in flight at once; one more is refused at once (there is no queue). */
  maxConcurrency: number;
}

export interface ResilienceOptions extends ResiliencePolicy {
  subgraph: string;
}

export interface CallOptions<T> {
  /** Whether a retryable failure is tried again: for queries only, never for mutations. */
  retry: boolean;
  /**
   * An answer that arrived but reports an outage (a 200 whose errors carry VENDOR_UNAVAILABLE):
   * it counts against the circuit like a failure, and is still returned to the caller.
   */
  isFailure?: (value: T) => boolean;
}

export type CircuitStateName = 'closed' | 'half-open' | 'open';

/** How a call ended: `failed-answer` is an answer that `isFailure` reported. */
export type CallOutcome = 'success' | 'failed-answer' | FailureReason;

export interface CallReport {
  subgraph: string;
  outcome: CallOutcome;
  durationMs: number;
  /** Requests that reached the subgraph: 0 when refused at once, more than 1 after retries. */
  attempts: number;
}

export interface SubgraphResilience {
  readonly subgraph: string;
  /**
   * Runs `call` under the policy. `call` must pass the signal to its fetch and resolve only with the
   * whole answer read: the signal aborts when the timeout passes. Every failure is thrown as a
   * `SubgraphCallError`; an open circuit or a full bulkhead throws at once, without calling.
   */
  execute<T>(call: (signal: AbortSignal) => Promise<T>, options: CallOptions<T>): Promise<T>;
  state(): CircuitStateName;
  readonly onStateChange: Event<CircuitStateName>;
  readonly onCall: Event<CallReport>;
}

interface Answer<T> {
  value: T;
  failed: boolean;
}

/**
 * Timeout, retry, circuit breaker and bulkhead for one subgraph. Outermost first: the timeout bounds
 * everything, retries and their waits included; the bulkhead refuses calls beyond its bound; retries
 * repeat single attempts; the breaker counts each attempt, and refuses while open. The breaker,
 * bulkhead, retry and backoff are cockatiel's; the timeout is a plain `AbortSignal.timeout`, which
 * is all a cooperative timeout is (cockatiel's TimeoutPolicy would only wrap one).
 */
export function createSubgraphResilience(options: ResilienceOptions): SubgraphResilience {
  const countedFailures = handleWhen((error) => error instanceof SubgraphCallError && countsAgainstBreaker(error.reason));
  const breaker = circuitBreaker(
    countedFailures.orWhenResult((answer) => (answer as Answer<unknown>).failed),
    { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) },
  );
  const concurrency = bulkhead(options.maxConcurrency);
  const retryableFailures = handleWhen((error) => error instanceof SubgraphCallError && isRetryable(error.reason));
  const calls = new EventEmitter<CallReport>();

  function retrying(mayRetry: boolean, deadline: number): IPolicy {
    if (!mayRetry || options.retries === 0) return noop;
    return retry(retryableFailures, { maxAttempts: options.retries, backoff: backoffWithin(deadline, options.retryBackoffMs) });
  }

  async function execute<T>(call: (signal: AbortSignal) => Promise<T>, { retry: mayRetry, isFailure }: CallOptions<T>): Promise<T> {
    const started = performance.now();
    const signal = AbortSignal.timeout(options.timeoutMs);
    const deadline = Date.now() + options.timeoutMs;
    let attempts = 0;
    const report = (outcome: CallOutcome) =>
      calls.emit({ subgraph: options.subgraph, outcome, attempts, durationMs: performance.now() - started });

    const attempt = async (): Promise<Answer<T>> => {
      // Half-open, cockatiel holds every other call until its one trial ends: refuse them at once instead.
      if (breaker.state === CircuitState.HalfOpen) throw new BrokenCircuitError();
      // A wait before a retry ends at the deadline at the latest, and then no attempt is left.
      if (Date.now() >= deadline) throw timedOut(options);
      return breaker.execute(async () => {
        attempts++;
        try {
          const value = await call(signal);
          return { value, failed: isFailure?.(value) ?? false };
        } catch (error) {
          throw callErrorOf(error, signal, options);
        }
      });
    };

    try {
      const answer = await concurrency.execute(() => retrying(mayRetry, deadline).execute(attempt, signal));
      report(answer.failed ? 'failed-answer' : 'success');
      return answer.value;
    } catch (error) {
      const failure = callErrorOf(error, signal, options);
      report(failure.reason);
      throw failure;
    }
  }

  return {
    subgraph: options.subgraph,
    execute,
    state: () => stateName(breaker.state),
    onStateChange: (listener) => breaker.onStateChange((state) => listener(stateName(state))),
    onCall: calls.addListener,
  };
}

/** A circuit held open by hand (cockatiel's `isolate`) is open to whoever calls. */
function stateName(state: CircuitState): CircuitStateName {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half-open';
  return 'open';
}
