import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/** One curated operation: a `.graphql` file under `operations/agent/`, what an agent may run (and its MCP tool). */
export interface RegisteredOperation {
  /** The operation's name: what it is asked for by and the MCP tool's name, e.g. `PlaceOrder`. */
  name: string;
  type: 'query' | 'mutation';
  /** The file's leading `#` comment: what the operation does, written for a model. */
  description: string;
  /** The operation with the fragments it spreads (from `operations/fragments.graphql`). */
  document: DocumentNode;
  /** The document as the registry prints it: sent as is, it is found by its hash without being parsed. */
  body: string;
  /** SHA-256 (hex) of `body`: Apollo's query hash, and the `sha256Hash` of a persisted-query request. */
  hash: string;
  file: string;
}

export interface OperationRegistry {
  operations: RegisteredOperation[];
  byName: ReadonlyMap<string, RegisteredOperation>;
  /** By the hash of the normalized document (`normalizedHash`). */
  byHash: ReadonlyMap<string, RegisteredOperation>;
}

export const OPERATIONS_DIRECTORY = 'operations';
const AGENT_OPERATIONS = 'agent';
const SHARED_FRAGMENTS = 'fragments.graphql';

/**
 * Reads the registered operations: each file of `operations/agent/` holds one named query or mutation,
 * its description in the `#` lines above it; fragments shared by several live in `operations/fragments.graphql`.
 * A file that breaks these rules stops the load with a message naming it.
 */
export function loadOperations(directory: string = OPERATIONS_DIRECTORY): OperationRegistry {
  const fragments = fragmentsIn(readFileSync(join(directory, SHARED_FRAGMENTS), 'utf8'));
  const folder = join(directory, AGENT_OPERATIONS);
  const operations = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => registered(join(folder, file), fragments));
  return registryOf(operations);
}

export function registryOf(operations: RegisteredOperation[]): OperationRegistry {
  const byName = new Map<string, RegisteredOperation>();
  for (const operation of operations) {
    if (byName.has(operation.name)) throw new Error(`${operation.file}: operation ${operation.name} is registered twice`);
    byName.set(operation.name, operation);
  }
  return { operations, byName, byHash: new Map(operations.map((operation) => [operation.hash, operation])) };
}

/**
 * The hash a document is registered under, whatever its layout: its operation first, then its fragments
 * by name, printed. `null` when the source does not parse, or has more than `maxTokens` tokens.
 */
export function normalizedHash(source: string, maxTokens?: number): string | null {
  try {
    return sha256(print(normalized(parse(source, { noLocation: true, maxTokens }))));
  } catch {
    return null;
  }
}

function registered(file: string, fragments: Map<string, FragmentDefinitionNode>): RegisteredOperation {
  const source = readFileSync(file, 'utf8');
  const definitions = parse(source, { noLocation: true }).definitions;
  const operations = definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || definitions.length !== 1) throw new Error(`${file}: must hold exactly one operation (shared fragments go in ${SHARED_FRAGMENTS})`);
  if (!operation!.name) throw new Error(`${file}: the operation needs a name (it is the tool's name)`);
  if (operation!.operation === 'subscription') throw new Error(`${file}: subscriptions cannot be registered`);
  const description = leadingComment(source);
  if (!description) throw new Error(`${file}: describe the operation in # lines above it (its description for models)`);
  const document = normalized({ kind: Kind.DOCUMENT, definitions: [operation!, ...spreadFragments(operation!, fragments, file)] });
  const body = print(document);
  return { name: operation!.name.value, type: operation!.operation, description, document, body, hash: sha256(body), file };
}

function fragmentsIn(source: string): Map<string, FragmentDefinitionNode> {
  const fragments = parse(source, { noLocation: true }).definitions.filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION);
  return new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
}

/** The fragments an operation spreads, and those they spread, each once. */
function spreadFragments(root: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>, file: string): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (found.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${file}: spreads ...${name}, which ${SHARED_FRAGMENTS} does not define`);
        found.set(name, fragment);
        walk(fragment);
      },
    });
  walk(root);
  return [...found.values()];
}

function normalized(document: DocumentNode): DocumentNode {
  const rank = (node: DefinitionNode) => (node.kind === Kind.FRAGMENT_DEFINITION ? `1${node.name.value}` : '0');
  return { ...document, definitions: [...document.definitions].sort((a, b) => rank(a).localeCompare(rank(b))) };
}

/** The `#` lines before the first definition, joined into one paragraph. */
function leadingComment(source: string): string {
  const lines = [];
  for (const line of source.split('\n')) {
    const comment = /^\s*#\s?(.*)$/.exec(line);
    if (!comment) break;
    lines.push(comment[1]!.trim());
  }
  return lines.join(' ').trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
