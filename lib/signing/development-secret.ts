import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config.js';

export const MINIMUM_SECRET_LENGTH = 32;

/** Where development keeps a secret named `name`: in the project, never in its source (`.data/` is ignored by git). */
export function developmentSecretFile(name: string): string {
  return fileURLToPath(new URL(`../../.data/${name}`, import.meta.url));
}

/** A fresh secret: 32 random bytes, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A development secret: generated into `file` (mode 0600) the first time, read from it ever after,
 * so every process of `npm start` (and `npm run token`) signs and verifies with the same one.
 */
export async function developmentSecret(file: string): Promise<string> {
  const secret = (await readExisting(file)) ?? (await createOnce(file));
  if (secret.length < MINIMUM_SECRET_LENGTH) {
    throw new ConfigError([`${file} holds no usable secret (fewer than ${MINIMUM_SECRET_LENGTH} characters): delete it to generate a new one`]);
  }
  return secret;
}

async function readExisting(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Written aside and linked into place: the file appears whole or not at all, and when two processes
 * start at once (the gateway and the token command) the second keeps the first one's secret.
 */
async function createOnce(file: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${randomSecret()}\n`, { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  return (await readExisting(file))!;
}
