import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import type { CtPage } from './commercetools-types.js';

/** The platform's largest page. */
const PAGE_LIMIT = 500;

/** Every page of a query, so a batch is complete even past the platform's page limit. */
export async function queryAll<T>(client: VendorClient, path: string, where?: string, sort?: string, expand?: string): Promise<T[]> {
  const results: T[] = [];
  for (let offset = 0; ; offset += PAGE_LIMIT) {
    const page = await client.get<CtPage<T>>(path, { where, sort, expand, limit: PAGE_LIMIT, offset });
    results.push(...page.results);
    if (page.count < PAGE_LIMIT || results.length >= page.total) return results;
  }
}

/**
 * `field in ("a", "b")`. Values with a quote or backslash cannot be written in the platform's
 * predicate language and cannot be its keys either, so they are left out (and come back as unknown).
 */
export function keyIn(field: string, values: readonly string[]): string {
  const writable = values.filter((value) => !/["\\]/.test(value));
  return `${field} in (${(writable.length > 0 ? writable : ['']).map((value) => `"${value}"`).join(', ')})`;
}
