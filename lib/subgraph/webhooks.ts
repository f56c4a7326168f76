import express from 'express';
import { ErrorCode } from '../errors.js';
import type { TagPublisher } from '../invalidation/publisher.js';
import { SIGNATURE_HEADER, type SignatureVerifier } from '../signing/signed-body.js';
import { MalformedEvent, type ChangeFeed } from './change-feed.js';

/** The largest event accepted: a vendor batches at most a few hundred changes in one. */
const EVENT_BODY_LIMIT = '1mb';

/**
 * `POST /webhooks/<vendor>` for each feed. The signature is checked over the raw body before anything
 * is read from it: a forged, old or replayed delivery is refused with 401, and publishes nothing.
 * A good one answers 200 with the tags it published.
 */
export function addWebhookRoutes(app: express.Express, feeds: readonly ChangeFeed[], verifier: SignatureVerifier, invalidations: TagPublisher): void {
  for (const feed of feeds) {
    app.post(`/webhooks/${feed.vendor}`, express.text({ type: '*/*', limit: EVENT_BODY_LIMIT }), async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const verdict = verifier.verify(body, req.get(SIGNATURE_HEADER));
      if (!verdict.ok) return refuse(res, 401, ErrorCode.UNAUTHENTICATED, `Webhook signature refused: ${verdict.reason}`);
      let tags: string[];
      try {
        tags = feed.tagsOf(JSON.parse(body));
      } catch (error) {
        if (!(error instanceof SyntaxError || error instanceof MalformedEvent)) throw error;
        return refuse(res, 400, ErrorCode.BAD_REQUEST, `Not a ${feed.vendor} event: ${error.message}`);
      }
      await invalidations.publish(tags);
      res.json({ tags });
    });
  }
}

function refuse(res: express.Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
