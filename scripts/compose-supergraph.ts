import { composeServices } from '@apollo/composition';
import { loadTypeDefs } from '../lib/subgraph/schema.js';
import { SUBGRAPHS } from './topology.js';

export type Composition = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

/** Composes the subgraphs' SDL files, with their default URLs, into a supergraph. */
export function composeSupergraph(root: URL): Composition {
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.subgraph,
      url: `http://127.0.0.1:${subgraph.port}/graphql`,
      typeDefs: loadTypeDefs(new URL(subgraph.schema, root)),
    })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}
