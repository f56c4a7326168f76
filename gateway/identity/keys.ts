import { createSecretKey, type KeyObject, type webcrypto } from 'node:crypto';
import { importSPKI } from 'jose';
import { ConfigError, oneOf, readConfig, text } from '../../lib/config.js';
import type { Environment } from '../config.js';
import { developmentSecret, DEVELOPMENT_SECRET_FILE, MINIMUM_SECRET_LENGTH } from './development-secret.js';

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
 * or `AUTH_JWT_SECRET` (HS256, at least 32 characters). Without either, only `development` has a key:
 * one generated for this checkout (see `development-secret.ts`); production and test refuse to start.
 * The environment is the caller's, already resolved (`NODE_ENV` is not read here); none given is production.
 */
export async function readTokenKeys(env: NodeJS.ProcessEnv, environment: Environment = 'production'): Promise<TokenKeys> {
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
  const key = createSecretKey(Buffer.from(await sharedSecret(config.AUTH_JWT_SECRET, environment)));
  return { ...base, algorithms: ['HS256'], verificationKey: key, signingSecret: key };
}

async function sharedSecret(configured: string, environment: Environment): Promise<string> {
  if (configured !== '') {
    if (configured.length < MINIMUM_SECRET_LENGTH) throw new ConfigError([`AUTH_JWT_SECRET must be at least ${MINIMUM_SECRET_LENGTH} characters`]);
    return configured;
  }
  if (environment === 'development') return developmentSecret();
  throw new ConfigError([missingKey(environment)]);
}

function missingKey(environment: Exclude<Environment, 'development'>): string {
  const required = `AUTH_JWT_SECRET (HS256, at least ${MINIMUM_SECRET_LENGTH} characters) or AUTH_JWT_PUBLIC_KEY (PEM) is required`;
  if (environment === 'production') return `${required} in production (an unset NODE_ENV is production)`;
  return `${required} when NODE_ENV=${environment}; with NODE_ENV=development a key is generated in ${DEVELOPMENT_SECRET_FILE}`;
}
