import { developmentSecret as generatedOnce, developmentSecretFile } from '../../lib/signing/development-secret.js';

export { MINIMUM_SECRET_LENGTH, randomSecret } from '../../lib/signing/development-secret.js';

/** Where development keeps its token signing secret (see `lib/signing/development-secret.ts`). */
export const DEVELOPMENT_SECRET_FILE = developmentSecretFile('dev-token-secret');

/** The development token signing secret, shared by the gateway of `npm start` and `npm run token`. */
export function developmentSecret(file = DEVELOPMENT_SECRET_FILE): Promise<string> {
  return generatedOnce(file);
}
