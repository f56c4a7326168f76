import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import type { OrderRequest, PriceChangeRequest, ProductDiscountRequest } from './adapter.js';
import { readCustomerId, readInstant, readRegion } from './arguments.js';
import { readReference } from '../../lib/subgraph/internal-calls.js';

/** Checks of the steps' arguments: each returns the accepted value or throws a BAD_USER_INPUT error. */

const MAX_LINES = 100;
const MAX_LINE_QUANTITY = 1000;
const MAX_AMOUNT = 999_999.99;
const MAX_DISCOUNT_SKUS = 100;


export function readOrderRequest(args: { reference: string; customerId: string; region: string; lines: { sku: string; quantity: number }[] }): OrderRequest {
  if (args.lines.length < 1 || args.lines.length > MAX_LINES) throw badUserInput(`"lines" must hold 1 to ${MAX_LINES} lines`);
  for (const { quantity } of args.lines) {
    if (quantity < 1 || quantity > MAX_LINE_QUANTITY) throw badUserInput(`"quantity" must be between 1 and ${MAX_LINE_QUANTITY}, got ${quantity}`);
  }
  return {
    reference: readReference(args.reference),
    customerId: readCustomerId(args.customerId),
    region: readRegion(args.region),
    lines: args.lines.map(({ sku, quantity }) => ({ sku, quantity })),
  };
}

export function readPriceChange(args: { sku: string; region: string; amount: number; reference: string }): PriceChangeRequest {
  const cents = args.amount * 100;
  if (!(args.amount > 0 && args.amount <= MAX_AMOUNT && Math.abs(cents - Math.round(cents)) < 1e-6)) {
    throw badUserInput(`"amount" must be above 0 and at most ${MAX_AMOUNT}, in whole cents, got ${args.amount}`);
  }
  return { reference: readReference(args.reference), sku: args.sku, region: readRegion(args.region), amount: Math.round(cents) / 100 };
}

export function readProductDiscount(args: { reference: string; skus: string[]; percent: number; validUntil: string }, now = new Date()): ProductDiscountRequest {
  const skus = [...new Set(args.skus)];
  if (skus.length < 1 || skus.length > MAX_DISCOUNT_SKUS) throw badUserInput(`"skus" must name 1 to ${MAX_DISCOUNT_SKUS} SKUs`);
  const basisPoints = args.percent * 100;
  if (!(args.percent > 0 && args.percent <= 100 && Math.abs(basisPoints - Math.round(basisPoints)) < 1e-6)) {
    throw badUserInput(`"percent" must be above 0 and at most 100, with at most two decimals, got ${args.percent}`);
  }
  const validUntil = readInstant('validUntil', args.validUntil);
  if (validUntil <= now.toISOString()) throw badUserInput(`"validUntil" must be in the future, got "${args.validUntil}"`);
  return { reference: readReference(args.reference), skus, percent: Math.round(basisPoints) / 100, validUntil };
}
