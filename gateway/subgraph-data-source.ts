import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../lib/errors.js';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** A fetch that has no whole answer by then is abandoned. */
  timeoutMs: number;
}

/**
 * The HTTP data source of one subgraph. A subgraph that cannot be reached, answers with an HTTP
 * error, or has not answered within its timeout becomes SUBGRAPH_UNAVAILABLE naming it, at the path
 * where its data was to go; the rest of the answer is still returned.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(private readonly subgraph: SubgraphDataSourceOptions) {
    super({ url: subgraph.url });
    // `@apollo/gateway` sets no timeout: a subgraph that accepts and never answers would hold the request forever.
    const fetcher = this.fetcher;
    this.fetcher = (url, init) => fetcher(url, { ...init, signal: AbortSignal.timeout(subgraph.timeoutMs) });
  }

  override async process(options: GraphQLDataSourceProcessOptions) {
    try {
      return await super.process(options);
    } catch (error) {
      const path = ('pathInIncomingRequest' in options ? options.pathInIncomingRequest : undefined)?.filter((key) => key !== '@');
      throw new GraphQLError(`Subgraph "${this.subgraph.name}" is unavailable: ${this.reasonOf(error)}`, {
        // A root fetch has no path of its own: it may serve several root fields.
        path: path?.length ? path : undefined,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.subgraph.name },
      });
    }
  }

  /** The cause without the subgraph's internal address. */
  private reasonOf(error: unknown): string {
    const { code, name, extensions } = error as { code?: string; name?: string; extensions?: { response?: { status?: number } } };
    if (extensions?.response?.status) return `HTTP ${extensions.response.status}`;
    if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${this.subgraph.timeoutMs} ms`;
    return code ?? 'no answer';
  }
}
