import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../lib/errors.js';
import { cachePolicyOf } from './cache/cache-policy.js';
import { isOutage, type FetchCache, type Served, type StaleReason } from './cache/fetch-cache.js';
import type { StaleAnswer } from './cache/stale-answers.js';
import { restrictByFetch } from './cache/useClientCacheControl.js';
import type { GatewayContext } from './context.js';
import { forwardedPrincipal } from './identity/forwarded-principal.js';
import type { GatewayMetrics } from './metrics/gateway-metrics.js';
import { signalledFetcher, type SignalledFetcher } from './resilience/signalled-fetcher.js';
import { SubgraphCallError } from './resilience/failure.js';
import type { SubgraphResilience } from './resilience/subgraph-resilience.js';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Timeout, retries (queries only), circuit breaker and bulkhead of every call. */
  resilience: SubgraphResilience;
  /** When given, the fetches of queries go through it. */
  cache?: FetchCache;
  metrics?: GatewayMetrics;
  /** Signs the principal into each operation's fetch (`forwardedPrincipal`); none is sent without it. */
  internalCallSecret?: string;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
/** A fetch of a client's operation (not a health check or a schema load). */
type OperationOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/**
 * The HTTP data source of one subgraph. Every call runs under the subgraph's resilience policy: a
 * subgraph that cannot be reached, answers with an HTTP error, has not answered within its timeout,
 * or whose circuit is open becomes SUBGRAPH_UNAVAILABLE naming it, at the path where its data was
 * to go; the rest of the answer is still returned. With a cache, a query's fetch may be answered
 * from it, stale ones are recorded on the request for `extensions.stale`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly signalled: SignalledFetcher;

  constructor(private readonly subgraph: SubgraphDataSourceOptions) {
    // What clients may cache is narrowed here (`restrictByFetch`), from whichever source answered.
    super({ url: subgraph.url, honorSubgraphCacheControlHeader: false });
    // `@apollo/gateway` sets no timeout: each call's fetch carries the signal of its resilience policy.
    this.signalled = signalledFetcher(this.fetcher);
    this.fetcher = this.signalled.fetcher;
  }

  override willSendRequest(options: ProcessOptions): void {
    const secret = this.subgraph.internalCallSecret;
    if (!secret || !('incomingRequestContext' in options)) return;
    const headers = forwardedPrincipal(options.context.principal, options.incomingRequestContext.request.http?.headers, secret);
    for (const [name, value] of Object.entries(headers)) options.request.http?.headers.set(name, value);
  }

  override async process(options: ProcessOptions) {
    const operation = 'incomingRequestContext' in options;
    const path = operation ? options.pathInIncomingRequest?.filter((key) => key !== '@') : undefined;
    try {
      if (!operation) return await super.process(options);
      const served = await this.serve(options);
      restrictByFetch(options.incomingRequestContext.overallCachePolicy, served);
      options.context.answerSources?.record(served);
      if (served.stale) options.context.staleAnswers.push(...this.staleAnswers(served, served.stale, path ?? []));
      return served.response;
    } catch (error) {
      throw new GraphQLError(`Subgraph "${this.subgraph.name}" is unavailable: ${this.reasonOf(error)}`, {
        // A root fetch has no path of its own: it may serve several root fields.
        path: path?.length ? path : undefined,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.subgraph.name },
      });
    }
  }

  private async serve(options: OperationOptions): Promise<Served> {
    const { cache, name, resilience } = this.subgraph;
    const query = options.incomingRequestContext.operation.operation === 'query';
    const load = () =>
      resilience.execute((signal) => this.signalled.run(signal, () => super.process(options)), { retry: query, isFailure: isOutage });
    if (!cache || !query) {
      const response = await load();
      return { response, policy: cachePolicyOf(response.http?.headers), fetchedAt: Date.now(), ageSeconds: 0 };
    }
    const { query: document = '', variables = {} } = options.request;
    const fetch = { subgraph: name, query: document, variables, principal: options.context.principal };
    const served = await cache.serve(fetch, load, { degraded: resilience.state() !== 'closed' });
    this.record(served);
    return served;
  }

  /** A fresh answer of a subgraph is a miss; anything older came from the cache. */
  private record({ stale, ageSeconds, refreshing }: Served): void {
    const { metrics, name: subgraph } = this.subgraph;
    if (!metrics) return;
    if (refreshing) metrics.cacheRefresh({ cache: 'fetch', subgraph });
    if (stale) metrics.staleServed({ cache: 'fetch', subgraph, reason: stale });
    else if (ageSeconds > 0) metrics.cacheHit({ cache: 'fetch', subgraph });
    else metrics.cacheMiss({ cache: 'fetch', subgraph });
  }

  /** One per root field a root fetch served; one at its path for any other fetch. */
  private staleAnswers({ response, ageSeconds }: Served, reason: StaleReason, path: (string | number)[]): StaleAnswer[] {
    const paths = path.length > 0 ? [path] : Object.keys(response.data ?? {}).map((field) => [field]);
    return paths.map((at) => ({ path: at, subgraph: this.subgraph.name, ageSeconds, reason }));
  }

  /** The cause without the subgraph's internal address. */
  private reasonOf(error: unknown): string {
    if (error instanceof SubgraphCallError) return error.detail;
    const { code, extensions } = error as { code?: string; extensions?: { response?: { status?: number } } };
    if (extensions?.response?.status) return `HTTP ${extensions.response.status}`;
    return code ?? 'no answer';
  }
}
