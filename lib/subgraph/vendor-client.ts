import type { GraphQLError } from 'graphql';
import { isRefusal, vendorBadResponse, vendorRefusal, vendorUnavailable, type VendorCall } from './vendor-failures.js';

export interface VendorClientOptions {
  /** Names the vendor in errors, e.g. `crm`. */
  vendor: string;
  baseUrl: string;
  /** Per call; a vendor slower than this is reported unavailable. */
  timeoutMs?: number;
  /** Errors name the vendor's routes only in `development`; by default they do not. */
  environment?: 'development' | 'production';
}

/** How an adapter reaches its vendor: the client's options but the vendor's name, which the adapter knows. */
export type VendorConnection = Omit<VendorClientOptions, 'vendor'>;

type Query = Record<string, string | number | readonly (string | number)[] | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * A vendor's answer that is not an outage: a success (2xx) or a refusal (4xx but 408, 429). A refusal's body is
 * the vendor's error shape (or its text, if that is not JSON), for the adapter to read; its `error`
 * is what the refusal means when the adapter has no reading of its own.
 */
export type VendorAnswer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; body: unknown; error: GraphQLError };

/**
 * JSON over HTTP to one vendor system, with vendor failures turned into coded GraphQL errors:
 *
 * | the vendor's answer                                             | `extensions.code`   |
 * |-----------------------------------------------------------------|---------------------|
 * | 400, 413, 414, 422, 431: the input is malformed or too large    | BAD_USER_INPUT      |
 * | 401, 403: our credentials or rights at the vendor; other 4xx    | VENDOR_REFUSED      |
 * | 408, 429 (not now), 5xx, no answer in time, no connection       | VENDOR_UNAVAILABLE  |
 * | a 2xx that is not JSON                                          | VENDOR_BAD_RESPONSE |
 *
 * Every error names the vendor in `extensions.vendor`. Its message says the kind of failure, and
 * the route (`GET /path`, never the query) only in development.
 */
export interface VendorClient {
  /** One call whose refusals mean something (unknown id, refused command): 2xx and refusals come back, the rest throws. */
  send<T>(method: Method, path: string, options?: SendOptions): Promise<VendorAnswer<T>>;
  /** The 2xx body; anything else throws. */
  get<T>(path: string, query?: Query): Promise<T>;
  /** Like `get`, but a vendor 404 is `null` instead of an error. */
  find<T>(path: string, query?: Query): Promise<T | null>;
  /** The 2xx body; anything else throws. */
  post<T>(path: string, body: unknown): Promise<T>;
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const { vendor, baseUrl } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const showRoutes = options.environment === 'development';

  async function send<T>(method: Method, path: string, { query, body }: SendOptions = {}): Promise<VendorAnswer<T>> {
    const call: VendorCall = showRoutes ? { vendor, route: `${method} ${path}` } : { vendor };
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${baseUrl}${path}${toSearch(query)}`, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
      throw vendorUnavailable(call, reason);
    }
    const parsed = parseJson(text);
    if (isRefusal(status)) return { ok: false, status, body: parsed === NOT_JSON ? text : parsed, error: vendorRefusal(call, status) };
    if (status < 200 || status >= 300) throw vendorUnavailable(call, `HTTP ${status}`);
    if (parsed === NOT_JSON) throw vendorBadResponse(call, 'not JSON');
    return { ok: true, status, body: parsed as T };
  }

  return {
    send,
    async get<T>(path: string, query?: Query) {
      return bodyOf(await send<T>('GET', path, { query }));
    },
    async find<T>(path: string, query?: Query) {
      const answer = await send<T>('GET', path, { query });
      return answer.status === 404 ? null : bodyOf(answer);
    },
    async post<T>(path: string, body: unknown) {
      return bodyOf(await send<T>('POST', path, { body }));
    },
  };
}

function bodyOf<T>(answer: VendorAnswer<T>): T {
  if (answer.ok) return answer.body;
  throw answer.error;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
