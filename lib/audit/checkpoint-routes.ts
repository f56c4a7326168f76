import type { KeyObject } from 'node:crypto';
import type express from 'express';
import { readCheckpoints } from './checkpoint-file.js';
import { publicKeyPem } from './signing-key.js';

export const AUDIT_CHECKPOINTS_ROUTE = '/audit/checkpoints';

/** The answer of `GET /audit/checkpoints`. */
export interface PublishedCheckpoints {
  algorithm: 'Ed25519';
  /** SPKI PEM. An auditor pins it from elsewhere too: whoever could rewrite the file could swap a key served beside it. */
  publicKey: string;
  checkpoints: Awaited<ReturnType<typeof readCheckpoints>>;
}

/**
 * `GET /audit/checkpoints`: every checkpoint published to `file`, with the key that verifies them. Its shape
 * is `GraphQLService.routes`, to serve it beside `/graphql`.
 */
export function auditCheckpointRoutes({ file, publicKey }: { file: string; publicKey: KeyObject }): (app: express.Express) => void {
  const pem = publicKeyPem(publicKey);
  return (app) => {
    app.get(AUDIT_CHECKPOINTS_ROUTE, async (_req, res) => {
      const body: PublishedCheckpoints = { algorithm: 'Ed25519', publicKey: pem, checkpoints: await readCheckpoints(file) };
      res.set('cache-control', 'no-store').json(body);
    });
  };
}
