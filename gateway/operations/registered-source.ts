import { Lexer, Source, TokenKind } from 'graphql';
import { LRUCache } from 'lru-cache';
import { normalizedHash, sha256, type OperationRegistry } from './registry.js';

/** Verdicts kept, by query hash: the few layouts agents send of the registered operations, and recent refusals. */
const VERDICTS_KEPT = 1_000;

/**
 * Whether a document is one of the registered operations, in any layout: its query hash (Apollo Server's,
 * the SHA-256 of the source) is a registered hash, the document sent exactly as registered, or its
 * normalized hash is. The verdict is kept by query
 * hash. A document with more tokens than the largest registered operation cannot be one of them (comments
 * and commas are not tokens; a layout changes no token), so it is refused without being parsed to the end.
 */
export function registeredSource(registry: OperationRegistry): (source: string, queryHash?: string) => boolean {
  const maxTokens = Math.max(0, ...registry.operations.map((operation) => tokenCount(operation.body)));
  const verdicts = new LRUCache<string, boolean>({ max: VERDICTS_KEPT });
  return (source, queryHash = sha256(source)) => {
    if (registry.byHash.has(queryHash)) return true;
    let verdict = verdicts.get(queryHash);
    if (verdict === undefined) {
      const hash = normalizedHash(source, maxTokens);
      verdict = hash !== null && registry.byHash.has(hash);
      verdicts.set(queryHash, verdict);
    }
    return verdict;
  };
}

function tokenCount(body: string): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}
