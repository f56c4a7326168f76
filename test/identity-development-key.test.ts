import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_SECRET_FILE, developmentSecret, randomSecret } from '../gateway/identity/development-secret.js';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import { useIdentity } from '../gateway/identity/useIdentity.js';

/** Development signs with a secret generated once for the checkout, in `.data/`, never one from the source. */
describe('the development signing secret', () => {
  const freshFile = () => join(mkdtempSync(join(tmpdir(), 'dev-secret-')), '.data', 'dev-token-secret');

  it('is generated once, random, readable by its owner only, in a directory created for it', async () => {
    const file = freshFile();
    const secret = await developmentSecret(file);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await developmentSecret(file)).toBe(secret);
    expect(await developmentSecret(freshFile())).not.toBe(secret);
  });

  it('is the same for processes that ask for it at the same moment', async () => {
    const file = freshFile();
    const secrets = await Promise.all(Array.from({ length: 8 }, () => developmentSecret(file)));
    expect(new Set(secrets).size).toBe(1);
  });

  it('refuses a file that holds no usable secret, and says what to do', async () => {
    const file = freshFile();
    await developmentSecret(file);
    writeFileSync(file, 'short\n');
    await expect(developmentSecret(file)).rejects.toThrow(`${file} holds no usable secret`);
  });

  it('is what development signs and verifies with when no key is configured', async () => {
    const keys = await readTokenKeys({}, 'development');
    const fromFile = await readTokenKeys({ AUTH_JWT_SECRET: readFileSync(DEVELOPMENT_SECRET_FILE, 'utf8').trim() });
    const token = await mintToken({ kind: 'customer', id: 'C0001' }, keys);
    expect(await useIdentity({ keys: fromFile })(`Bearer ${token}`)).toEqual({ kind: 'customer', id: 'C0001' });
  });

  it('gives way to a configured secret in development too', async () => {
    const configured = { AUTH_JWT_SECRET: randomSecret() };
    const token = await mintToken({ kind: 'customer', id: 'C0001' }, await readTokenKeys(configured, 'development'));
    await expect(useIdentity({ keys: await readTokenKeys({}, 'development') })(`Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await useIdentity({ keys: await readTokenKeys(configured) })(`Bearer ${token}`)).toMatchObject({ id: 'C0001' });
  });
});
