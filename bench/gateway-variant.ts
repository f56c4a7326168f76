import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { createGateway } from '../gateway/server.js';
import { serveGraphQL } from '../lib/service/graphql.js';
import { runUntilSignalled } from '../lib/service/run.js';
import { benchSupergraph } from './topology.js';

/**
 * One gateway to measure, on the committed supergraph and the run's subgraphs:
 *   plain       `@apollo/gateway` in Apollo Server, nothing of ours
 *   policy-off  our gateway (identity, operation limits) without the access policy
 *   policy-on   our gateway as it ships
 */
const { values } = parseArgs({ options: { variant: { type: 'string' }, port: { type: 'string' } } });
const port = Number(values.port);

void runUntilSignalled(async () => {
  const supergraph = benchSupergraph();
  if (values.variant === 'plain') {
    const urls = new Map(supergraph.subgraphs.map((s) => [s.name, s.url]));
    const gateway = new ApolloGateway({
      supergraphSdl: supergraph.sdl,
      buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls.get(name) ?? url }),
    });
    const server = new ApolloServer({ gateway });
    return [await serveGraphQL({ name: 'plain gateway', server, context: async () => ({}) }, { port })];
  }
  const keys = await readTokenKeys(process.env);
  const policy = values.variant === 'policy-off' ? null : undefined;
  return [await serveGraphQL(createGateway({ supergraph, keys, environment: 'production', policy }), { port })];
});
