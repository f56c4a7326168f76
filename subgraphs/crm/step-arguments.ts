import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import type { CampaignRequest, GoodwillCreditRequest } from './adapter.js';
import { readSegment } from './arguments.js';
import { readReference } from '../../lib/subgraph/internal-calls.js';

/** Checks of the steps' arguments: each returns the accepted value or throws a BAD_USER_INPUT error. */

const MAX_NAME_LENGTH = 80;
const MAX_REASON_LENGTH = 500;
const MAX_CAMPAIGN_PRODUCTS = 100;
const MAX_AMOUNT = 999_999.99;
const CURRENCIES = ['EUR', 'USD', 'GBP'];


export function readCampaign(args: CampaignRequest): CampaignRequest {
  const name = readText('name', args.name, MAX_NAME_LENGTH);
  const productIds = [...new Set(args.productIds)];
  if (productIds.length < 1 || productIds.length > MAX_CAMPAIGN_PRODUCTS || productIds.some((id) => id.includes(';'))) {
    throw badUserInput(`"productIds" must name 1 to ${MAX_CAMPAIGN_PRODUCTS} product ids`);
  }
  const segment = readSegment(args.segment);
  if (segment === null) throw badUserInput('"segment" must name a segment');
  return { reference: readReference(args.reference), name, segment, productIds };
}

export function readGoodwillCredit(args: GoodwillCreditRequest): GoodwillCreditRequest {
  const cents = args.amount * 100;
  if (!(args.amount > 0 && args.amount <= MAX_AMOUNT && Math.abs(cents - Math.round(cents)) < 1e-6)) {
    throw badUserInput(`"amount" must be above 0 and at most ${MAX_AMOUNT}, in whole cents, got ${args.amount}`);
  }
  if (!CURRENCIES.includes(args.currency)) throw badUserInput(`"currency" must be one of ${CURRENCIES.join(', ')}`);
  return {
    reference: readReference(args.reference),
    customerId: args.customerId,
    amount: Math.round(cents) / 100,
    currency: args.currency,
    reason: readText('reason', args.reason, MAX_REASON_LENGTH),
  };
}

function readText(name: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (text === '' || text.length > maxLength) throw badUserInput(`"${name}" must be 1 to ${maxLength} characters`);
  return text;
}
