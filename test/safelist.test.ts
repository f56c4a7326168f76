import { describe, expect, it } from 'vitest';
import { askedOperation } from '../gateway/operations/asked-operation.js';
import { registeredFirst } from '../gateway/operations/persisted-queries.js';
import { registeredSource } from '../gateway/operations/registered-source.js';
import { loadOperations } from '../gateway/operations/registry.js';

/** The safelist's parts: which sources are registered, how a request is read, and the persisted-query cache. */
const registry = loadOperations();
const placeOrder = registry.byName.get('PlaceOrder')!;

describe('registeredSource', () => {
  const isRegistered = registeredSource(registry);

  it('finds every registered operation as registered, and in another layout (a comment, one line), the one with the most tokens too', () => {
    for (const operation of registry.operations) {
      expect(isRegistered(operation.body)).toBe(true);
      expect(isRegistered(`# my copy\n${operation.body.replace(/\s+/g, ' ')}`)).toBe(true);
    }
  });

  it('finds a registered operation with its fragments first', () => {
    const [operation, ...fragments] = placeOrder.body.split(/\n(?=fragment )/);
    expect(isRegistered(`${fragments.join('\n')}\n${operation}`)).toBe(true);
  });

  it('refuses a document that is not registered: one more field, two operations, one that does not parse', () => {
    expect(isRegistered(placeOrder.body.replace('dryRun\n', 'dryRun\n  __typename\n'))).toBe(false);
    expect(isRegistered(`${placeOrder.body}\nquery Other { __typename }`)).toBe(false);
    expect(isRegistered('{ products(first: 1 { id }')).toBe(false);
  });
});

describe('askedOperation', () => {
  const hash = placeOrder.hash;
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };

  it('reads a POST body: query, persisted-query hash, operation name, variables', () => {
    const body = { query: '{ a }', operationName: 'A', variables: { id: 1 }, extensions };
    expect(askedOperation({ method: 'POST', url: '/', body })).toEqual({ query: '{ a }', persistedHash: hash, operationName: 'A', variables: { id: 1 } });
  });

  it('reads a GET search, JSON-encoded variables and extensions included', () => {
    const search = new URLSearchParams({ query: '{ a }', variables: '{"id":1}', extensions: JSON.stringify(extensions) });
    expect(askedOperation({ method: 'GET', url: `/?${search}`, body: {} })).toEqual({ query: '{ a }', persistedHash: hash, operationName: undefined, variables: { id: 1 } });
  });

  it('reads nothing Apollo Server would refuse: a repeated parameter, a query that is not a string, a batch, a GET body', () => {
    expect(askedOperation({ method: 'GET', url: '/?query=%7B%20a%20%7D&query=%7B%20b%20%7D', body: {} }).query).toBeUndefined();
    expect(askedOperation({ method: 'GET', url: '/#?query=%7B%20a%20%7D', body: { query: '{ a }' } }).query).toBeUndefined();
    expect(askedOperation({ method: 'POST', url: '/', body: { query: { kind: 'Document' }, extensions: JSON.stringify(extensions) } })).toEqual({});
    expect(askedOperation({ method: 'POST', url: '/', body: [{ query: '{ a }' }] }).query).toBeUndefined();
  });
});

describe('registeredFirst', () => {
  it('answers a registered hash from the registry, unasked before, under the key Apollo Server prefixes', async () => {
    const { cache } = registeredFirst(registry);
    expect(await cache!.get(`apq:${placeOrder.hash}`)).toBe(placeOrder.body);
  });

  it('keeps other documents as Apollo Server registers them, and forgets them on delete', async () => {
    const { cache } = registeredFirst(registry);
    expect(await cache!.get('apq:0000')).toBeUndefined();
    await cache!.set('apq:0000', '{ a }', { ttl: 60 });
    expect(await cache!.get('apq:0000')).toBe('{ a }');
    await cache!.delete('apq:0000');
    expect(await cache!.get('apq:0000')).toBeUndefined();
  });
});
