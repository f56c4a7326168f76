import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors.js';
import { vendorUnavailable } from '../../lib/subgraph/vendor-client.js';

/** A vendor's answer to a command whose 4xx answers carry meaning (a refusal, not an outage). */
export interface CommandAnswer {
  status: number;
  body: unknown;
}

export interface CommandOptions {
  vendor: string;
  baseUrl: string;
  timeoutMs: number;
}

/**
 * POSTs a command and hands back 2xx and 4xx answers with their status, so the adapter can tell a
 * refusal (409 full, 404 unknown) from an outage. The shared vendor client turns every non-2xx into
 * VENDOR_UNAVAILABLE; unreachable, slow or 5xx answers still become that coded error here.
 */
export async function postCommand(options: CommandOptions, path: string, body: unknown = {}): Promise<CommandAnswer> {
  const what = `POST ${path}`;
  let response: Response;
  try {
    response = await fetch(`${options.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : 'unreachable';
    throw vendorUnavailable(options.vendor, `${what}: ${reason}`);
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    throw vendorUnavailable(options.vendor, `${what}: HTTP ${response.status}`);
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch {
    throw new GraphQLError(`Vendor "${options.vendor}" sent a response that is not JSON (${what})`, {
      extensions: { code: ErrorCode.VENDOR_BAD_RESPONSE, vendor: options.vendor },
    });
  }
}
