import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

export interface VendorClientOptions {
  /** Names the vendor in errors, e.g. `crm`. */
  vendor: string;
  baseUrl: string;
  /** Per call; a vendor slower than this is reported unavailable. */
  timeoutMs?: number;
}

type Query = Record<string, string | number | readonly (string | number)[] | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
}

/**
 * A vendor's answer that is not an outage: a success (2xx) or a refusal (4xx). A refusal's body is
 * the vendor's error shape (or its text, if that is not JSON), for the adapter to read.
 */
export type VendorAnswer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; body: unknown };

/** JSON over HTTP to one vendor system, with vendor failures turned into coded GraphQL errors. */
export interface VendorClient {
  /**
   * One call whose 4xx answers mean something (unknown id, refused command): 2xx and 4xx come back.
   * Unreachable, slow and 5xx vendors throw VENDOR_UNAVAILABLE; a 2xx body that is not JSON, VENDOR_BAD_RESPONSE.
   */
  send<T>(method: Method, path: string, options?: SendOptions): Promise<VendorAnswer<T>>;
  /** The 2xx body; any other answer throws VENDOR_UNAVAILABLE. */
  get<T>(path: string, query?: Query): Promise<T>;
  /** Like `get`, but a vendor 404 is `null` instead of an error. */
  find<T>(path: string, query?: Query): Promise<T | null>;
  /** The 2xx body; any other answer throws VENDOR_UNAVAILABLE. */
  post<T>(path: string, body: unknown): Promise<T>;
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const { vendor, baseUrl } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function send<T>(method: Method, path: string, { query, body }: SendOptions = {}): Promise<VendorAnswer<T>> {
    const what = `${method} ${path}`;
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
      throw vendorUnavailable(vendor, `${what}: ${reason}`);
    }
    const parsed = parseJson(text);
    if (status >= 400 && status < 500) return { ok: false, status, body: parsed === NOT_JSON ? text : parsed };
    if (status < 200 || status >= 300) throw vendorUnavailable(vendor, `${what}: HTTP ${status}`);
    if (parsed === NOT_JSON) {
      throw new GraphQLError(`Vendor "${vendor}" sent a response that is not JSON (${what})`, {
        extensions: { code: ErrorCode.VENDOR_BAD_RESPONSE, vendor },
      });
    }
    return { ok: true, status, body: parsed as T };
  }

  function bodyOf<T>(answer: VendorAnswer<T>, method: Method, path: string): T {
    if (answer.ok) return answer.body;
    throw vendorUnavailable(vendor, `${method} ${path}: HTTP ${answer.status}`);
  }

  return {
    send,
    async get<T>(path: string, query?: Query) {
      return bodyOf(await send<T>('GET', path, { query }), 'GET', path);
    },
    async find<T>(path: string, query?: Query) {
      const answer = await send<T>('GET', path, { query });
      return answer.status === 404 ? null : bodyOf(answer, 'GET', path);
    },
    async post<T>(path: string, body: unknown) {
      return bodyOf(await send<T>('POST', path, { body }), 'POST', path);
    },
  };
}

export function vendorUnavailable(vendor: string, detail: string): GraphQLError {
  return new GraphQLError(`Vendor "${vendor}" is unavailable: ${detail}`, {
    extensions: { code: ErrorCode.VENDOR_UNAVAILABLE, vendor },
  });
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
