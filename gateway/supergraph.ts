import { readFileSync } from 'node:fs';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { ConfigError } from '../lib/config.js';

/** A subgraph as the supergraph names it: `join__Graph` enum value → name and URL. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export interface Supergraph {
  sdl: string;
  subgraphs: SubgraphEndpoint[];
}

/** Reads any Federation 2 supergraph file; `overrides` replace the URLs written in it, by subgraph name. */
export function loadSupergraph(path: string, overrides: Record<string, string> = {}): Supergraph {
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`supergraph file "${path}" cannot be read: ${(error as Error).message}`]);
  }
  const subgraphs = listSubgraphs(sdl).map((subgraph) => ({
    ...subgraph,
    url: overrides[subgraph.name.toLowerCase()] ?? subgraph.url,
  }));
  const unknown = Object.keys(overrides).filter((name) => !subgraphs.some((s) => s.name.toLowerCase() === name));
  if (unknown.length > 0) {
    throw new ConfigError(unknown.map((name) => `SUBGRAPH_${name.toUpperCase()}_URL names no subgraph of ${path}`));
  }
  return { sdl, subgraphs };
}

function listSubgraphs(sdl: string): SubgraphEndpoint[] {
  let document;
  try {
    document = parse(sdl);
  } catch (error) {
    throw new ConfigError([`supergraph is not valid GraphQL SDL: ${(error as Error).message}`]);
  }
  const graphs = document.definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (graphs?.kind !== Kind.ENUM_TYPE_DEFINITION) {
    throw new ConfigError(['supergraph has no join__Graph enum: is it a composed Federation supergraph?']);
  }
  return (graphs.values ?? []).map((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    return { name: stringArgument(directive, 'name') ?? value.name.value, url: stringArgument(directive, 'url') ?? '' };
  });
}

function stringArgument(directive: ConstDirectiveNode | undefined, name: string): string | undefined {
  const argument = directive?.arguments?.find((a) => a.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}
