import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed deliveries (vendor webhooks to a subgraph, invalidations to a gateway): an HMAC-SHA256 over
 * `<unix seconds>.<raw body>`, sent as `t=<seconds>,v1=<hex>` in one header, the scheme Stripe uses.
 * The timestamp bounds how old a delivery may be; a replay inside that window is refused by the id
 * of the signature itself.
 */
export const SIGNATURE_HEADER = 'x-signature';

export function signBody(body: string, secret: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  return `t=${seconds},v1=${hmac(secret, `${seconds}.${body}`)}`;
}

export type Verdict = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'bad signature' | 'too old' | 'replayed' };

export interface SignatureVerifier {
  verify(body: string, header: string | undefined): Verdict;
}

/**
 * Verifies signatures made with `secret`, no older than `toleranceMs` (and no further ahead), each once
 * unless `refuseReplays` is false (for calls whose every effect is idempotent by reference anyway).
 */
export function createSignatureVerifier(secret: string, { toleranceMs = 300_000, now = Date.now, refuseReplays = true } = {}): SignatureVerifier {
  const seen = new Map<string, number>();
  return {
    verify(body, header) {
      if (!header) return { ok: false, reason: 'missing' };
      const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header);
      if (!match) return { ok: false, reason: 'malformed' };
      const [, seconds, signature] = match as unknown as [string, string, string];
      const expected = Buffer.from(hmac(secret, `${seconds}.${body}`), 'hex');
      if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { ok: false, reason: 'bad signature' };
      const at = Number(seconds) * 1000;
      const current = now();
      if (Math.abs(current - at) > toleranceMs) return { ok: false, reason: 'too old' };
      if (!refuseReplays) return { ok: true };
      forgetOlderThan(seen, current - toleranceMs);
      if (seen.has(signature)) return { ok: false, reason: 'replayed' };
      seen.set(signature, at);
      return { ok: true };
    },
  };
}

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** A signature older than the tolerance is refused as too old anyway: it need not be remembered. */
function forgetOlderThan(seen: Map<string, number>, oldest: number): void {
  for (const [signature, at] of seen) if (at < oldest) seen.delete(signature);
}
