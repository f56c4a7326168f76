import { describe, expect, it } from 'vitest';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { useIdentity } from '../gateway/identity/useIdentity.js';
import { runTs } from './support/process.js';

/**
 * `npm run token` is a development tool, like `npm start`: without NODE_ENV it signs with the key the
 * development gateway verifies with; elsewhere it needs the configured secret, as the gateway does.
 */
describe('the token command', () => {
  const noConfiguredKey = { AUTH_JWT_SECRET: undefined, AUTH_JWT_PUBLIC_KEY: undefined };
  const mint = (env: NodeJS.ProcessEnv) => runTs('scripts/token.ts', ['--kind', 'staff', '--id', 'ops-1', '--role', 'service'], env);

  it('without NODE_ENV or a key, mints what the development gateway accepts', async () => {
    const command = mint({ ...noConfiguredKey, NODE_ENV: undefined });
    expect(await command.exited).toBe(0);
    const verify = useIdentity({ keys: await readTokenKeys({}, 'development') });
    expect(await verify(`Bearer ${command.output().trim()}`)).toEqual({ kind: 'staff', id: 'ops-1', roles: ['service'] });
  });

  it('refuses to mint in production without AUTH_JWT_SECRET', async () => {
    const command = mint({ ...noConfiguredKey, NODE_ENV: 'production' });
    expect(await command.exited).toBe(2);
    expect(command.output()).toContain('AUTH_JWT_SECRET');
    expect(command.output()).not.toMatch(/^ey/m);
  });

  it('refuses to mint in test without AUTH_JWT_SECRET, and says how development gets a key', async () => {
    const command = mint({ ...noConfiguredKey, NODE_ENV: 'test' });
    expect(await command.exited).toBe(2);
    expect(command.output()).toContain('with NODE_ENV=development a key is generated');
  });
});
