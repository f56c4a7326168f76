import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import type { AuthorizationRequest } from './adapter.js';
import { readReference } from '../../lib/subgraph/internal-calls.js';

/** The currencies of the shop's regions, all with two decimals (so an amount is a whole number of cents). */
export const CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
const MAX_AMOUNT = 999_999.99;
const CUSTOMER_ID = /^[\w-]{1,64}$/;


export function readAuthorization(args: AuthorizationRequest): AuthorizationRequest {
  if (!CUSTOMER_ID.test(args.customerId)) throw badUserInput('"customerId" must be a customer id such as `C0001`');
  const cents = args.amount * 100;
  if (!(args.amount > 0 && args.amount <= MAX_AMOUNT && Math.abs(cents - Math.round(cents)) < 1e-6)) {
    throw badUserInput(`"amount" must be above 0 and at most ${MAX_AMOUNT}, in whole cents, got ${args.amount}`);
  }
  if (!(CURRENCIES as readonly string[]).includes(args.currency)) throw badUserInput(`"currency" must be one of ${CURRENCIES.join(', ')}`);
  return { customerId: args.customerId, amount: Math.round(cents) / 100, currency: args.currency, reference: readReference(args.reference) };
}
