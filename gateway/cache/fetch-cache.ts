import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ErrorCode } from '../../lib/errors.js';
import { fetchKeys, type FetchKeys, type SubgraphFetch } from './cache-key.js';
import { cachePolicyOf, type CachePolicy } from './cache-policy.js';
import { outlivesInvalidation, remainingLifetimeMs, type CachedFetch, type CacheStore } from './cache-store.js';
import { singleFlight } from './single-flight.js';
import { createSoftTimeout, OVERDUE } from './soft-timeout.js';

export type StaleReason = 'stale-while-revalidate' | 'stale-if-error';

/** What one fetch was answered with, whole, from one source. */
export interface Served {
  response: GatewayGraphQLResponse;
  /** The policy it was stored (or would be stored) under; `null`: not to be kept. */
  policy: CachePolicy | null;
  /** When the subgraph was asked for it (epoch ms, by the cache's clock). */
  fetchedAt: number;
  /** 0 for a subgraph's own answer. */
  ageSeconds: number;
  /** Set when it is past its max-age: why it was served all the same. */
  stale?: StaleReason;
  /** A background call to the subgraph was started to refresh it. */
  refreshing?: true;
}

/** Asks the subgraph: throws on a transport error, an HTTP error or a timeout. */
export type LoadFromSubgraph = () => Promise<GatewayGraphQLResponse>;

export interface ServeOptions {
  /**
   * The subgraph's circuit is not closed: a call would be refused, or is the one trial of a half-open
   * circuit that may hang until its timeout. An entry servable if-error is then served at once, and
   * the call runs in the background to refresh it.
   */
  degraded?: boolean;
}

export interface FetchCache {
  serve(fetch: SubgraphFetch, load: LoadFromSubgraph, options?: ServeOptions): Promise<Served>;
  /** Every entry carrying one of these tags, fetched until now, is never served again. */
  invalidate(tags: string[]): Promise<void>;
}

/** A subgraph's answer, as JSON text: everyone who waited for it parses a copy of their own. */
type Loaded = { body: string; policy: CachePolicy | null; outage: boolean; fetchedAt: number };

/**
 * The semantics of the fetch cache: fresh within max-age; then stale while one background refresh
 * runs (stale-while-revalidate); stale when the subgraph fails, up to stale-if-error; past that, the
 * subgraph's own failure. Concurrent misses for one key make one subgraph call. A request with a
 * stale-if-error fallback waits at most `softTimeoutMs` for the subgraph: a slow answer is a failure too.
 */
export function createFetchCache({ store, now, softTimeoutMs }: { store: CacheStore; now: () => number; softTimeoutMs: number }): FetchCache {
  const flight = singleFlight<Loaded>();
  const softTimeout = createSoftTimeout(softTimeoutMs);

  async function fetchAndStore(keys: FetchKeys, load: LoadFromSubgraph): Promise<Loaded> {
    const fetchedAt = now();
    const { http, ...body } = await load();
    const policy = cachePolicyOf(http?.headers);
    // A private answer is kept for its principal only, and not at all for the anonymous one.
    const key = policy?.scope === 'private' ? keys.personal : keys.shared;
    if (policy && key && body.data && !body.errors?.length) await store.set(key, { fetchedAt, policy, data: JSON.stringify(body.data) });
    return { body: JSON.stringify(body), policy, outage: isOutage(body), fetchedAt };
  }

  async function find(keys: FetchKeys): Promise<CachedFetch | undefined> {
    const [personal, shared] = await Promise.all([keys.personal ? store.get(keys.personal) : undefined, store.get(keys.shared)]);
    return [personal, shared].find((entry) => entry && remainingLifetimeMs(entry, now()) > 0);
  }

  const ageOf = (entry: CachedFetch) => now() - entry.fetchedAt;
  const within = (entry: CachedFetch, seconds: number) => ageOf(entry) < seconds * 1000;

  const withinStaleIfError = (entry: CachedFetch) => within(entry, entry.policy.maxAgeSeconds + entry.policy.staleIfErrorSeconds);

  /**
   * The fallback served stale-if-error, unless it was invalidated meanwhile: asked only when it is about
   * to be served (the subgraph failed, was too slow, or its circuit is not closed), not on every miss.
   */
  async function staleIfError(fallback: CachedFetch | undefined): Promise<Served | undefined> {
    if (!fallback || !outlivesInvalidation(fallback, await store.invalidatedAt(fallback.policy.tags))) return undefined;
    return fromCache(fallback, 'stale-if-error');
  }

  function fromCache(entry: CachedFetch, stale?: StaleReason): Served {
    const ageSeconds = Math.floor(ageOf(entry) / 1000);
    return { response: { data: JSON.parse(entry.data) }, policy: entry.policy, fetchedAt: entry.fetchedAt, ageSeconds, ...(stale ? { stale } : {}) };
  }

  function refreshInBackground(keys: FetchKeys, load: LoadFromSubgraph): void {
    flight(keys.flight, () => fetchAndStore(keys, load)).catch(() => {
      // A failed refresh leaves the entry as it was: the next request past the window asks again.
    });
  }

  return {
    async serve(fetch, load, { degraded = false } = {}) {
      const keys = fetchKeys(fetch);
      const cached = await find(keys);
      if (cached && within(cached, cached.policy.maxAgeSeconds)) return fromCache(cached);
      if (cached && within(cached, cached.policy.maxAgeSeconds + cached.policy.staleWhileRevalidateSeconds)) {
        refreshInBackground(keys, load);
        return { ...fromCache(cached, 'stale-while-revalidate'), refreshing: true };
      }
      const fallback = cached && withinStaleIfError(cached) ? cached : undefined;
      if (fallback && (degraded || softTimeout.isOverdue(keys.flight))) {
        const stale = await staleIfError(fallback);
        if (stale) {
          refreshInBackground(keys, load);
          return { ...stale, refreshing: true };
        }
      }
      const loading = flight(keys.flight, () => fetchAndStore(keys, load));
      let loaded: Loaded | typeof OVERDUE;
      try {
        loaded = fallback ? await softTimeout.race(keys.flight, loading) : await loading;
        if (loaded === OVERDUE) {
          // The call goes on to refresh the entry (the race has taken its failure, if it fails).
          const stale = await staleIfError(fallback);
          if (stale) return { ...stale, refreshing: true };
          loaded = await loading;
        }
      } catch (error) {
        const stale = await staleIfError(fallback);
        if (stale) return stale;
        throw error;
      }
      if (loaded.outage) {
        const stale = await staleIfError(fallback);
        if (stale) return stale;
      }
      return { response: JSON.parse(loaded.body) as GatewayGraphQLResponse, policy: loaded.policy, fetchedAt: loaded.fetchedAt, ageSeconds: 0 };
    },
    invalidate: (tags) => store.recordInvalidation(tags, now()),
  };
}

/** An HTTP 200 that says the vendor behind the subgraph is out: how a vendor outage arrives. */
export function isOutage({ errors }: GatewayGraphQLResponse): boolean {
  return errors?.some((error) => error.extensions?.code === ErrorCode.VENDOR_UNAVAILABLE) ?? false;
}
