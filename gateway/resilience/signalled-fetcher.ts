import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { AsyncLocalStorage } from 'node:async_hooks';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SignalledFetcher {
  /** The data source's fetcher, with the signal of the call in progress. */
  fetcher: Fetcher;
  /** Runs `work` (the data source's `process`) so that its fetches carry `signal`. */
  run<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T>;
}

/**
 * `RemoteGraphQLDataSource` calls its fetcher with options of its own making, none per call: the
 * signal of a guarded call (`SubgraphResilience.execute`) reaches that fetch through async context.
 */
export function signalledFetcher(fetcher: Fetcher): SignalledFetcher {
  const current = new AsyncLocalStorage<AbortSignal>();
  return {
    fetcher: (url, init) => fetcher(url, { ...init, signal: current.getStore() }),
    run: (signal, work) => current.run(signal, work),
  };
}
