import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../lib/config.js';
import { withTypeTags } from '../lib/invalidation/message.js';
import { CacheTags } from '../lib/subgraph/cache-tags.js';
import { FRESHNESS_SETTINGS, staleWindows } from '../lib/subgraph/freshness.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { composeSupergraph } from '../scripts/compose-supergraph.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';

describe('the cache hints in the subgraphs\' SDL', () => {
  it('stay out of the supergraph: composition drops the directive, and its enum is kept out of the API', async () => {
    const composition = composeSupergraph(new URL('../', import.meta.url));
    expect(composition.ok && composition.supergraphSdl).not.toMatch(/@cacheControl/);
    // The one hint of composition: Apollo's declaration for subgraphs has an enum that no field uses.
    expect(composition.ok && composition.hints).toEqual([expect.stringMatching(/^\[UNUSED_ENUM_TYPE\]: Enum type "CacheControlScope"/)]);
    const api = await loadApiSchema(readFileSync(new URL(`../${SUPERGRAPH_PATH}`, import.meta.url), 'utf8'));
    expect(api.getType('CacheControlScope')).toBeUndefined();
  });
});

describe('the entity tags of an answer', () => {
  it('names each entity once, by every key it carries, in the order met', () => {
    const tags = new CacheTags();
    const product = { id: 'P0001', sku: 'SKU-10001', name: 'x' };
    tags.addEntity('Product', [['id'], ['sku']], product);
    tags.addEntity('Product', [['id'], ['sku']], product);
    tags.addEntity('Product', [['id'], ['sku']], { sku: 'SKU-10002' });
    tags.addEntity('Availability', [['sku', 'region']], { sku: 'SKU-10001', region: 'EU' });
    tags.add('Stock', 'SKU-10001');
    tags.add('Stock', 'SKU-10001');
    expect(tags.header()).toBe('Product:P0001 Product:SKU-10001 Product:SKU-10002 Availability:SKU-10001,EU Stock:SKU-10001');
  });

  it('covers an id no tag can carry (a space, over 256 characters) by its type tag', () => {
    const tags = new CacheTags();
    tags.add('Product', 'P 1');
    tags.add('Cart', 'C'.repeat(257));
    expect(tags.header()).toBe('Product:* Cart:*');
  });

  it('past its length bound, names the types with the most tags by their type tag, largest first', () => {
    const tags = new CacheTags();
    for (let i = 0; i < 10; i++) tags.add('Product', `P000${i}`);
    for (let i = 0; i < 4; i++) tags.add('Stock', `S${i}`);
    tags.add('Cart', 'CART-C0001');
    expect(tags.header(1_000)).toContain('Product:P0009');
    expect(tags.header(100)).toBe('Product:* Stock:S0 Stock:S1 Stock:S2 Stock:S3 Cart:CART-C0001');
    expect(tags.header(33)).toBe('Product:* Stock:* Cart:CART-C0001');
    expect(tags.header(32)).toBe('Product:* Stock:* Cart:*');
  });

  it('is empty for an answer that names no entity', () => {
    expect(new CacheTags().header()).toBe('');
  });
});

describe('what a change publishes', () => {
  it('each tag once, and the type tag of each, which answers with too many entities carry', () => {
    expect(withTypeTags(['Stock:SKU-1-01', 'Stock:SKU-1', 'Cart:C', 'Stock:SKU-1'])).toEqual(['Stock:SKU-1-01', 'Stock:SKU-1', 'Cart:C', 'Stock:*', 'Cart:*']);
  });
});

describe('the stale windows of a subgraph, from its environment', () => {
  it('default to a minute of stale-while-revalidate and a day of stale-if-error; 0 turns one off', () => {
    expect(staleWindows(readConfig(FRESHNESS_SETTINGS, {}))).toEqual({ staleWhileRevalidateS: 60, staleIfErrorS: 86_400 });
    const configured = { CACHE_STALE_WHILE_REVALIDATE_S: '0', CACHE_STALE_IF_ERROR_S: '600' };
    expect(staleWindows(readConfig(FRESHNESS_SETTINGS, configured))).toEqual({ staleWhileRevalidateS: 0, staleIfErrorS: 600 });
  });

  it('refuses anything but whole seconds, naming each variable that is wrong', () => {
    expect(() => readConfig(FRESHNESS_SETTINGS, { CACHE_STALE_WHILE_REVALIDATE_S: '-1', CACHE_STALE_IF_ERROR_S: '1.5' })).toThrow(
      /CACHE_STALE_WHILE_REVALIDATE_S must be a whole number of seconds \(0 or more\), got "-1"\n.*CACHE_STALE_IF_ERROR_S must be/,
    );
  });
});
