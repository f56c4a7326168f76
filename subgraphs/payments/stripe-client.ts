import { createVendorClient, type VendorAnswer, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import { isRefusal, vendorBadResponse, vendorRefusal, vendorUnavailable } from '../../lib/subgraph/vendor-failures.js';

/** Stripe's form-encoded parameters: plain values, `key[sub]` maps (metadata) and `key[]` lists (expand). */
export type StripeParams = Record<string, string | number | readonly string[] | Readonly<Record<string, string>>>;

/**
 * HTTP to a Stripe-style provider. Reads go through the shared vendor client; writes are
 * form-encoded POSTs under an `Idempotency-Key`, which the shared client (JSON, no headers of its
 * own) does not send, with failures coded as it codes them (`lib/subgraph/vendor-client.ts`).
 */
export interface StripeClient {
  /** The 2xx body; anything else throws. */
  get<T>(path: string, query: Record<string, string>): Promise<T>;
  /** A success or a refusal (a declined card is a 402), for the adapter to read; an outage throws. */
  post<T>(path: string, params: StripeParams, idempotencyKey: string): Promise<VendorAnswer<T>>;
}

const VENDOR = 'payments';

export function createStripeClient(connection: VendorConnection): StripeClient {
  const reader = createVendorClient({ vendor: VENDOR, ...connection });
  const timeoutMs = connection.timeoutMs ?? 5_000;
  return {
    get: (path, query) => reader.get(path, query),
    async post<T>(path: string, params: StripeParams, idempotencyKey: string): Promise<VendorAnswer<T>> {
      const call = connection.environment === 'development' ? { vendor: VENDOR, route: `POST ${path}` } : { vendor: VENDOR };
      let status: number;
      let text: string;
      try {
        const response = await fetch(`${connection.baseUrl}${path}`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey },
          body: formEncode(params),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        throw vendorUnavailable(call, (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable');
      }
      const body = parseJson(text);
      if (isRefusal(status)) return { ok: false, status, body, error: vendorRefusal(call, status) };
      if (status < 200 || status >= 300) throw vendorUnavailable(call, `HTTP ${status}`);
      if (body === undefined) throw vendorBadResponse(call, 'not JSON');
      return { ok: true, status, body: body as T };
    },
  };
}

function formEncode(params: StripeParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) form.append(`${key}[]`, item);
    else if (typeof value === 'object') for (const [sub, item] of Object.entries(value)) form.append(`${key}[${sub}]`, item);
    else form.append(key, String(value));
  }
  return form.toString();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
