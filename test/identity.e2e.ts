import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from '../gateway/identity/claims.js';
import { randomSecret } from '../gateway/identity/development-secret.js';
import { readTokenKeys, type TokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import { graphql } from './support/graphql.js';
import { runTs } from './support/process.js';
import { startStack, type Stack } from './support/stack.js';
import { TEST_TOKEN_ENV, testTokenKeys } from './support/tokens.js';

/** Bearer tokens: a valid one is a principal, a bad one is refused, never anonymous. */
describe('identity', () => {
  let stack: Stack;
  const publicQuery = '{ product(id: "P0001") { id } }';
  const withHeader = (authorization: string) => graphql(stack.gateway.url, publicQuery, undefined, { authorization });

  beforeAll(async () => {
    stack = await startStack();
  });

  it('treats a request without a token as the anonymous storefront', async () => {
    expect((await graphql(stack.gateway.url, publicQuery)).data).toEqual({ product: { id: 'P0001' } });
  });

  it('accepts a token minted by `npm run token`', async () => {
    const cli = runTs('scripts/token.ts', ['--kind', 'customer', '--id', 'C0001'], TEST_TOKEN_ENV);
    expect(await cli.exited).toBe(0);
    const { data, errors } = await graphql(stack.gateway.url, '{ customer(id: "C0001") { email } }', undefined, {
      authorization: `Bearer ${cli.output().trim()}`,
    });
    expect(errors).toBeUndefined();
    expect(data!.customer.email).toContain('@');
  });

  it.each([
    ['a header that is not a bearer token', async () => 'Basic dXNlcjpwYXNz'],
    ['a token that is not a JWT', async () => 'Bearer not-a-token'],
    ['an expired token', async () => `Bearer ${await mintToken({ kind: 'customer', id: 'C0001' }, await testTokenKeys(), Math.floor(Date.now() / 1000) - 60)}`],
    ['a token signed with another key', async () => `Bearer ${await signedWith(await readTokenKeys({ AUTH_JWT_SECRET: randomSecret() }))}`],
    ['a token with an unknown kind', async () => `Bearer ${await signedWith(await testTokenKeys(), { kind: 'robot' })}`],
  ])('refuses %s with UNAUTHENTICATED, on public fields too', async (_name, header) => {
    const response = await withHeader(await header());
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  async function signedWith(keys: TokenKeys, overrides: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT({ ...claimsOf({ kind: 'customer', id: 'C0001' }), ...overrides })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(keys.issuer)
      .setAudience(keys.audience)
      .setExpirationTime('5m')
      .sign(keys.signingSecret!);
  }
});
