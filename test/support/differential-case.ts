import { expect } from 'vitest';
import { randomSecret } from '../../gateway/identity/development-secret.js';
import { readTokenKeys } from '../../gateway/identity/keys.js';
import { mintToken } from '../../gateway/identity/mint.js';
import type { Principal } from '../../policies/principal.js';
import type { Answer, Operation } from './differential-compare.js';
import type { Differential } from './differential.js';
import { authAs, testTokenKeys } from './tokens.js';

type Signed = Exclude<Principal, { kind: 'anonymous' }>;

/** One operation a differential test sends both gateways, and what it expects of the comparison. */
export interface DifferentialCase {
  name: string;
  operation: Operation;
  /** Who asks (a token signed as `npm run token` signs it, in `Authorization`); anonymous by default. */
  as?: Signed;
  /** An `Authorization` header as sent, valid or not, in place of `as`'s (a function: one signed when the case runs). */
  authorization?: string | (() => Promise<string>);
  /**
   * What plain `@apollo/gateway` answers (HTTP status, error codes in order), so that no case
   * compares two answers that are broken the same way by a mistake in its fixture.
   */
  plain: { status: number; codes: string[] };
  /** The allowed differences this case must hit, by name, in the order of ALLOWED_DIFFERENCES; none unless listed. */
  allowed?: string[];
}

/** Sends the case to both gateways: nothing unexplained, exactly the allowances it names, plain answering as it says. */
export async function expectPlainAnswer(differential: Differential, testCase: DifferentialCase): Promise<void> {
  const comparison = await differential.compare(testCase.operation, { headers: await headersOf(testCase) });
  expect(comparison.unexplained).toEqual([]);
  expect(comparison.allowed.map((allowance) => allowance.name)).toEqual(testCase.allowed ?? []);
  expect({ status: comparison.theirs.status, codes: codesOf(comparison.theirs) }).toEqual(testCase.plain);
}

async function headersOf({ as, authorization }: DifferentialCase): Promise<Record<string, string>> {
  if (authorization !== undefined) return { authorization: typeof authorization === 'string' ? authorization : await authorization() };
  return as ? authAs(as) : {};
}

function codesOf(answer: Answer): unknown[] {
  const { errors } = answer.body as { errors?: { extensions?: { code?: unknown } }[] };
  return (errors ?? []).map((error) => error.extensions?.code);
}

/** A well-formed bearer token for a principal, signed with a random secret no gateway knows. */
export function forgedToken(principal: Signed): () => Promise<string> {
  return async () => `Bearer ${await mintToken(principal, await readTokenKeys({ AUTH_JWT_SECRET: randomSecret() }, 'test'))}`;
}

/** A bearer token for a principal signed with the tests' own secret, that expired a minute ago. */
export function expiredToken(principal: Signed): () => Promise<string> {
  return async () => `Bearer ${await mintToken(principal, await testTokenKeys(), Math.floor(Date.now() / 1000) - 60)}`;
}
