import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../lib/errors.js';

/**
 * The HTTP data source of one subgraph. A subgraph that cannot be reached, or answers with an HTTP
 * error, becomes SUBGRAPH_UNAVAILABLE naming it, at the path where its data was to go; the rest of
 * the answer is still returned.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  constructor(private readonly subgraph: { name: string; url: string }) {
    super({ url: subgraph.url });
  }

  override async process(options: GraphQLDataSourceProcessOptions) {
    try {
      return await super.process(options);
    } catch (error) {
      const path = 'pathInIncomingRequest' in options ? options.pathInIncomingRequest : undefined;
      throw new GraphQLError(`Subgraph "${this.subgraph.name}" is unavailable: ${reasonOf(error)}`, {
        path: path?.filter((key) => key !== '@'),
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.subgraph.name },
      });
    }
  }
}

/** The cause without the subgraph's internal address. */
function reasonOf(error: unknown): string {
  const { code, extensions } = error as { code?: string; extensions?: { response?: { status?: number } } };
  if (extensions?.response?.status) return `HTTP ${extensions.response.status}`;
  return code ?? 'no answer';
}
