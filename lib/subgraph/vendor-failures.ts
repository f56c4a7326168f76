import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

/** One call to a vendor, as its errors describe it. */
export interface VendorCall {
  vendor: string;
  /**
   * `METHOD /path`, given only in development: elsewhere an error names the vendor and the kind of
   * failure, never a route, which could tell a caller how the vendor's API is laid out.
   */
  route?: string;
}

/** Refusals of what the caller asked for: malformed (400), unprocessable (422) or too large (413, 414, 431). */
const INPUT_REFUSALS: ReadonlySet<number> = new Set([400, 413, 414, 422, 431]);

/** A 4xx answer that says "no"; 408 (timed out) and 429 (rate-limited) say "not now", as an unavailable vendor does. */
export function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** What a refusal means when the adapter does not interpret it itself. */
export function vendorRefusal(call: VendorCall, status: number): GraphQLError {
  return INPUT_REFUSALS.has(status)
    ? vendorError(ErrorCode.BAD_USER_INPUT, call, 'refused the input', `HTTP ${status}`)
    : vendorError(ErrorCode.VENDOR_REFUSED, call, 'refused the request', `HTTP ${status}`);
}

export function vendorUnavailable(call: VendorCall, reason: string): GraphQLError {
  return vendorError(ErrorCode.VENDOR_UNAVAILABLE, call, 'is unavailable', reason);
}

export function vendorBadResponse(call: VendorCall, reason: string): GraphQLError {
  return vendorError(ErrorCode.VENDOR_BAD_RESPONSE, call, 'sent a response its adapter cannot read', reason);
}

/** e.g. `Vendor "pim" refused the input: HTTP 431`, or in development `…: GET /api/rest/v1/products: HTTP 431`. */
function vendorError(code: ErrorCode, call: VendorCall, what: string, reason: string): GraphQLError {
  const message = [`Vendor "${call.vendor}" ${what}`, call.route, reason].filter((part) => part !== undefined).join(': ');
  return new GraphQLError(message, { extensions: { code, vendor: call.vendor } });
}
