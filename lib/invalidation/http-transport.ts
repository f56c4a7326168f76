import { SIGNATURE_HEADER, signBody } from '../signing/signed-body.js';
import { INVALIDATION_ROUTE } from './message.js';
import type { InvalidationTransport } from './publisher.js';

export interface HttpTransportOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:4000`. */
  gatewayUrl: string;
  /** What the gateway verifies the signature with (`INVALIDATION_SECRET`). */
  secret: string;
  timeoutMs?: number;
}

/** Invalidations as a signed `POST` to the one gateway's INVALIDATION_ROUTE: the embedded default, without Redis. */
export function createHttpTransport({ gatewayUrl, secret, timeoutMs = 2_000 }: HttpTransportOptions): InvalidationTransport {
  const url = `${gatewayUrl}${INVALIDATION_ROUTE}`;
  return {
    name: 'http',
    async send(body) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, secret) },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(`${url} ${whyUnreached(error as Error, timeoutMs)}`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    },
    close: async () => {},
  };
}

function whyUnreached(error: Error, timeoutMs: number): string {
  if (error.name === 'TimeoutError') return `did not answer within ${timeoutMs} ms`;
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return `is unreachable${code ? ` (${code})` : ''}`;
}
