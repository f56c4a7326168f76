import type { Request } from 'express';

/** What one HTTP request to `/graphql` asks the gateway to run. */
export interface AskedOperation {
  query?: string;
  /** `extensions.persistedQuery.sha256Hash`: an automatic persisted query, by hash alone or registering its query. */
  persistedHash?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * Reads a request as Apollo Server's `runHttpQuery` will: a GET's search parameters (each given once,
 * `variables` and `extensions` as JSON), the JSON body otherwise. What Apollo Server would refuse to read
 * is left out here too, so this never finds a query or hash that Apollo Server would not run.
 */
export function askedOperation(req: Pick<Request, 'method' | 'url' | 'body'>): AskedOperation {
  const fields = req.method === 'GET' ? searchFields(req.url) : (record(req.body) ?? {});
  return {
    query: text(fields.query),
    persistedHash: text(record(record(fields.extensions)?.persistedQuery)?.sha256Hash),
    operationName: text(fields.operationName),
    variables: record(fields.variables),
  };
}

function searchFields(url: string): Record<string, unknown> {
  const search = new URL(url, 'http://gateway').searchParams;
  const once = (name: string) => {
    const values = search.getAll(name);
    return values.length === 1 ? values[0] : undefined;
  };
  return { query: once('query'), operationName: once('operationName'), variables: json(once('variables')), extensions: json(once('extensions')) };
}

function json(value: string | undefined): unknown {
  try {
    return value === undefined ? undefined : JSON.parse(value);
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
