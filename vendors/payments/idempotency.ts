import { isDeepStrictEqual } from 'node:util';
import type { RequestHandler } from 'express';
import { sendStripeError } from './errors.js';

/** How long a key is remembered, as Stripe does: 24 hours. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

interface SavedRequest {
  path: string;
  params: unknown;
  at: number;
  /** Absent while the first request with the key is still running. */
  response?: { status: number; body: unknown };
}

/**
 * Stripe's `Idempotency-Key` on every POST: the first request with a key runs, and its status and
 * body (errors included) are saved; the same key again within 24 hours gets that answer back, with
 * `Idempotent-Replayed: true`, and runs nothing. The same key with other parameters or on another
 * route is a 400 `idempotency_error`, and while the first is still running a 409.
 * `now` is the clock keys expire by.
 */
export function idempotencyKeys(now: () => number = Date.now): RequestHandler {
  const saved = new Map<string, SavedRequest>();
  return (req, res, next) => {
    const key = req.method === 'POST' ? req.get('idempotency-key') : undefined;
    if (!key) return next();
    forgetExpired(saved, now() - IDEMPOTENCY_KEY_TTL_MS);
    const earlier = saved.get(key);
    if (earlier) {
      if (earlier.path !== req.path || !isDeepStrictEqual(earlier.params, req.body ?? {})) {
        return sendStripeError(res, 400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}'.`,
        });
      }
      if (!earlier.response) {
        return sendStripeError(res, 409, { type: 'idempotency_error', message: 'There is currently another in-progress request using this Idempotent Key.' });
      }
      res.set('Idempotent-Replayed', 'true');
      return res.status(earlier.response.status).json(earlier.response.body);
    }
    const request: SavedRequest = { path: req.path, params: req.body ?? {}, at: now() };
    saved.set(key, request);
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      request.response = { status: res.statusCode, body };
      return json(body);
    };
    next();
  };
}

/** Keys are saved in the order they were first used, so the expired ones come first. */
function forgetExpired(saved: Map<string, SavedRequest>, before: number): void {
  for (const [key, request] of saved) {
    if (request.at >= before) return;
    saved.delete(key);
  }
}
