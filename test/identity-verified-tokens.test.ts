import { describe, expect, it } from 'vitest';
import { mintToken } from '../gateway/identity/mint.js';
import { useIdentity } from '../gateway/identity/useIdentity.js';
import { testTokenKeys } from './support/tokens.js';

describe('tokens verified once are remembered until they expire', () => {
  it('answers a known token from memory, and refuses it once its expiry has passed', async () => {
    const keys = await testTokenKeys();
    const principalFor = useIdentity({ keys });
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const authorization = `Bearer ${await mintToken({ kind: 'customer', id: 'C0001' }, keys, expiresAt)}`;
    expect(await principalFor(authorization)).toEqual({ kind: 'customer', id: 'C0001' });
    expect(await principalFor(authorization)).toEqual({ kind: 'customer', id: 'C0001' });

    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 50));
    await expect(principalFor(authorization)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'Unauthenticated: the token has expired' });
  });
});
