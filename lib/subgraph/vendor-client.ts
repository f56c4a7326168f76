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

/** JSON over HTTP to one vendor system, with vendor failures turned into coded GraphQL errors. */
export interface VendorClient {
  get<T>(path: string, query?: Query): Promise<T>;
  /** Like `get`, but a vendor 404 is `null` instead of an error. */
  find<T>(path: string, query?: Query): Promise<T | null>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const { vendor, baseUrl } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function request(method: string, path: string, query?: Query, body?: unknown): Promise<Response> {
    const target = `${baseUrl}${path}${toSearch(query)}`;
    try {
      return await fetch(target, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
      throw vendorUnavailable(vendor, `${method} ${path}: ${reason}`);
    }
  }

  async function readJson<T>(response: Response, what: string): Promise<T> {
    if (!response.ok) throw vendorUnavailable(vendor, `${what}: HTTP ${response.status}`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new GraphQLError(`Vendor "${vendor}" sent a response that is not JSON (${what})`, {
        extensions: { code: ErrorCode.VENDOR_BAD_RESPONSE, vendor },
      });
    }
  }

  return {
    async get<T>(path: string, query?: Query) {
      return readJson<T>(await request('GET', path, query), `GET ${path}`);
    },
    async find<T>(path: string, query?: Query) {
      const response = await request('GET', path, query);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      return readJson<T>(response, `GET ${path}`);
    },
    async post<T>(path: string, body: unknown) {
      return readJson<T>(await request('POST', path, undefined, body), `POST ${path}`);
    },
  };
}

export function vendorUnavailable(vendor: string, detail: string): GraphQLError {
  return new GraphQLError(`Vendor "${vendor}" is unavailable: ${detail}`, {
    extensions: { code: ErrorCode.VENDOR_UNAVAILABLE, vendor },
  });
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
