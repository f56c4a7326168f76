import { createSecretKey, type KeyObject, type webcrypto } from 'node:crypto';
import { importSPKI } from 'jose';
import { ConfigError, oneOf, readConfig, text } from '../../lib/config.js';

/** A development-only signing secret, so that `npm start` and `npm run token` work out of the box. */
export const DEVELOPMENT_SECRET = 'dev-only-secret-never-use-in-production-0123456789';

export interface TokenKeys {
  issuer: string;
  audience: string;
  algorithms: string[];
  verificationKey: KeyObject | webcrypto.CryptoKey;
  /** Present only for a shared secret (HS256): then this process can also mint tokens. */
  signingSecret?: KeyObject;
}

/**
 * Token keys from the environment: `AUTH_JWT_PUBLIC_KEY` (PEM, with `AUTH_JWT_ALGORITHM`, RS256 by default)
 * or `AUTH_JWT_SECRET` (HS256, at least 32 characters). Production must name one; elsewhere a
 * well-known development secret is used.
 */
export async function readTokenKeys(env: NodeJS.ProcessEnv): Promise<TokenKeys> {
  const config = readConfig(
    {
      AUTH_JWT_ISSUER: text('commerce-control-plane'),
      AUTH_JWT_AUDIENCE: text('commerce-gateway'),
      AUTH_JWT_ALGORITHM: oneOf(['RS256', 'ES256', 'EdDSA'], 'RS256'),
      AUTH_JWT_PUBLIC_KEY: text(''),
      AUTH_JWT_SECRET: text(''),
    },
    env,
  );
  const base = { issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE };
  if (config.AUTH_JWT_PUBLIC_KEY) {
    try {
      const key = await importSPKI(config.AUTH_JWT_PUBLIC_KEY, config.AUTH_JWT_ALGORITHM);
      return { ...base, algorithms: [config.AUTH_JWT_ALGORITHM], verificationKey: key };
    } catch (error) {
      throw new ConfigError([`AUTH_JWT_PUBLIC_KEY is not a ${config.AUTH_JWT_ALGORITHM} public key in PEM: ${(error as Error).message}`]);
    }
  }
  const secret = config.AUTH_JWT_SECRET || (env.NODE_ENV === 'production' ? '' : DEVELOPMENT_SECRET);
  if (secret === '') throw new ConfigError(['AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY is required when NODE_ENV=production']);
  if (secret.length < 32) throw new ConfigError(['AUTH_JWT_SECRET must be at least 32 characters']);
  const key = createSecretKey(Buffer.from(secret));
  return { ...base, algorithms: ['HS256'], verificationKey: key, signingSecret: key };
}
