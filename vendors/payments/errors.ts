import type { Response } from 'express';

/** Stripe's error types: a malformed or impossible request, a card that was declined, a reused idempotency key. */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error';

export interface StripeError {
  type: StripeErrorType;
  code?: string;
  decline_code?: string;
  param?: string;
  message: string;
}

/** Stripe's error body: `{ error: { type, code, message, … } }`. */
export function sendStripeError(res: Response, status: number, error: StripeError & Record<string, unknown>): void {
  res.status(status).json({ error });
}
