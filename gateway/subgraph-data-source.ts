import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../lib/errors.js';
import { cachePolicyOf } from './cache/cache-policy.js';
import type { FetchCache, Served, StaleReason } from './cache/fetch-cache.js';
import type { StaleAnswer } from './cache/stale-answers.js';
import { restrictByFetch } from './cache/useClientCacheControl.js';
import type { GatewayContext } from './context.js';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** A fetch that has no whole answer by then is abandoned. */
  timeoutMs: number;
  /** When given, the fetches of queries go through it. */
  cache?: FetchCache;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
/** A fetch of a client's operation (not a health check or a schema load). */
type OperationOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/**
 * The HTTP data source of one subgraph. A subgraph that cannot be reached, answers with an HTTP
 * error, or has not answered within its timeout becomes SUBGRAPH_UNAVAILABLE naming it, at the path
 * where its data was to go; the rest of the answer is still returned. With a cache, a query's fetch
 * may be answered from it, stale ones are recorded on the request for `extensions.stale`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: SubgraphDataSourceOptions) {
    // What clients may cache is narrowed here (`restrictByFetch`), from whichever source answered.
    super({ url: subgraph.url, honorSubgraphCacheControlHeader: false });
    // `@apollo/gateway` sets no timeout: a subgraph that accepts and never answers would hold the request forever.
    const fetcher = this.fetcher;
    this.fetcher = (url, init) => fetcher(url, { ...init, signal: AbortSignal.timeout(subgraph.timeoutMs) });
  }

  override async process(options: ProcessOptions) {
    const operation = 'incomingRequestContext' in options;
    const path = operation ? options.pathInIncomingRequest?.filter((key) => key !== '@') : undefined;
    try {
      if (!operation) return await super.process(options);
      const served = await this.serve(options);
      restrictByFetch(options.incomingRequestContext.overallCachePolicy, served);
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
    const { cache, name } = this.subgraph;
    const load = () => super.process(options);
    if (!cache || options.incomingRequestContext.operation.operation !== 'query') {
      const response = await load();
      return { response, policy: cachePolicyOf(response.http?.headers), ageSeconds: 0 };
    }
    const { query = '', variables = {} } = options.request;
    return cache.serve({ subgraph: name, query, variables, principal: options.context.principal }, load);
  }

  /** One per root field a root fetch served; one at its path for any other fetch. */
  private staleAnswers({ response, ageSeconds }: Served, reason: StaleReason, path: (string | number)[]): StaleAnswer[] {
    const paths = path.length > 0 ? [path] : Object.keys(response.data ?? {}).map((field) => [field]);
    return paths.map((at) => ({ path: at, subgraph: this.subgraph.name, ageSeconds, reason }));
  }

  /** The cause without the subgraph's internal address. */
  private reasonOf(error: unknown): string {
    const { code, name, extensions } = error as { code?: string; name?: string; extensions?: { response?: { status?: number } } };
    if (extensions?.response?.status) return `HTTP ${extensions.response.status}`;
    if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${this.subgraph.timeoutMs} ms`;
    return code ?? 'no answer';
  }
}
