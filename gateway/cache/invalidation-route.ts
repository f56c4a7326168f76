import express from 'express';
import { ErrorCode } from '../../lib/errors.js';
import { INVALIDATION_ROUTE, parseInvalidation } from '../../lib/invalidation/message.js';
import { createSignatureVerifier, SIGNATURE_HEADER } from '../../lib/signing/signed-body.js';

/**
 * `POST INVALIDATION_ROUTE`: an invalidation signed with `INVALIDATION_SECRET` (see
 * `lib/signing/signed-body.ts`). A forged, old or replayed one is 401 and purges nothing; a signed
 * body that is not an invalidation is 400; an applied one is 204.
 */
export function invalidationRoute(secret: string, invalidate: (tags: string[]) => Promise<void>): (app: express.Express) => void {
  const verifier = createSignatureVerifier(secret);
  return (app) => {
    app.post(INVALIDATION_ROUTE, express.text({ type: '*/*', limit: '256kb' }), async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const verdict = verifier.verify(body, req.get(SIGNATURE_HEADER));
      if (!verdict.ok) return refuse(res, 401, ErrorCode.UNAUTHENTICATED, `Invalidation refused: ${verdict.reason} signature`);
      const invalidation = parseInvalidation(body);
      if (!invalidation) return refuse(res, 400, ErrorCode.BAD_REQUEST, 'Invalidation refused: the body is not {"tags": ["Type:id", …]}');
      await invalidate(invalidation.tags);
      res.status(204).end();
    });
  };
}

function refuse(res: express.Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
