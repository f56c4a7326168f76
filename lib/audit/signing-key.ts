import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError } from '../config.js';
import { developmentSecret, developmentSecretFile } from '../signing/development-secret.js';

export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The DER header of a PKCS #8 Ed25519 private key (RFC 8410), before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const DEVELOPMENT_AUDIT_KEY_FILE = developmentSecretFile('audit-signing-key');

/**
 * The Ed25519 key checkpoints are signed with: `AUDIT_SIGNING_KEY` (`configured`, a PKCS #8 PEM) when set.
 * Unset, development derives one from a seed generated once in `.data/audit-signing-key` (the same for every
 * process of `npm start`); production and test require it.
 */
export async function readAuditSigningKey(configured: string | undefined, development: boolean): Promise<AuditSigningKey> {
  if (configured) return fromPem(configured);
  if (development) return fromSeed(Buffer.from(await developmentSecret(DEVELOPMENT_AUDIT_KEY_FILE), 'base64url'));
  throw new ConfigError([
    `AUDIT_SIGNING_KEY (an Ed25519 private key, PKCS #8 PEM) is required; with NODE_ENV=development one is generated in ${DEVELOPMENT_AUDIT_KEY_FILE}`,
  ]);
}

function fromPem(pem: string): AuditSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new ConfigError([`AUDIT_SIGNING_KEY is not a private key in PEM: ${(error as Error).message}`]);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError([`AUDIT_SIGNING_KEY must be an Ed25519 key, got ${privateKey.asymmetricKeyType}`]);
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function fromSeed(seed: Buffer): AuditSigningKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** A public key as auditors are given it: SPKI PEM. */
export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key from `AUDIT_PUBLIC_KEY` (SPKI PEM). */
export function readAuditPublicKey(pem: string): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // reported below
  }
  throw new ConfigError(['AUDIT_PUBLIC_KEY must be an Ed25519 public key in PEM (SPKI)']);
}
