import { describe, expect, it } from 'vitest';
import { agentMoneyPerDay } from '../policies/guardrails/agent-money.js';
import { warehouseCapacity } from '../policies/guardrails/capacity.js';
import { maxDiscountByCategory } from '../policies/guardrails/discount.js';
import { goodwillApproval } from '../policies/guardrails/goodwill.js';
import { GUARDRAIL_LIMITS } from '../policies/guardrails/limits.js';
import { minimumMargin } from '../policies/guardrails/margin.js';
import { negotiatedDiscountPriceLock, priceChangesPerDay } from '../policies/guardrails/price-changes.js';
import { safetyStock } from '../policies/guardrails/stock.js';

/** Every guardrail, once allowing and once refusing, with the limit it names. */
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('max-discount-by-category', () => {
  it('allows a discount up to the category maximum', () => {
    const verdict = maxDiscountByCategory({ productId: 'P0001', categories: ['apparel/shoes'], percent: 50 });
    expect(verdict).toMatchObject({ guardrail: 'max-discount-by-category', decision: 'ALLOW', limit: '50 %', value: '50 %' });
  });

  it('refuses beyond the strictest of the product’s categories, the most specific entry winning', () => {
    const verdict = maxDiscountByCategory({ productId: 'P0002', categories: ['apparel/shirts', 'home/furniture'], percent: 25 });
    expect(verdict).toMatchObject({ decision: 'DENY', subject: 'P0002', limit: '20 %', value: '25 %' });
  });

  it('holds an uncategorised or unlisted product to the default', () => {
    expect(maxDiscountByCategory({ productId: 'P0003', categories: [], percent: 16 })).toMatchObject({ decision: 'DENY', limit: '15 %' });
    expect(maxDiscountByCategory({ productId: 'P0003', categories: ['garden/tools'], percent: 15 })).toMatchObject({ decision: 'ALLOW' });
  });
});

describe('minimum-margin', () => {
  it('allows a price at cost plus the minimum margin, to the cent', () => {
    expect(minimumMargin({ subject: 'SKU-10001', price: eur(11), cost: eur(10) })).toMatchObject({ decision: 'ALLOW', limit: '11.00 EUR', value: '11.00 EUR' });
  });

  it('refuses a cent below it', () => {
    const verdict = minimumMargin({ subject: 'SKU-10001', price: eur(10.99), cost: eur(10) });
    expect(verdict).toMatchObject({ guardrail: 'minimum-margin', decision: 'DENY', limit: '11.00 EUR', value: '10.99 EUR' });
    expect(verdict.message).toContain('minimum margin of 10 %');
  });

  it('converts a EUR cost at the planning rate of the price’s currency', () => {
    // 10 EUR at 1.08 is 10.80 USD; plus 10 % is 11.88 USD.
    expect(minimumMargin({ subject: 'SKU-1', price: { amount: 11.88, currency: 'USD' }, cost: eur(10) })).toMatchObject({ decision: 'ALLOW', limit: '11.88 USD' });
    expect(minimumMargin({ subject: 'SKU-1', price: { amount: 11.87, currency: 'USD' }, cost: eur(10) }).decision).toBe('DENY');
  });

  it('refuses when the cost is unknown or no planning rate converts it', () => {
    expect(minimumMargin({ subject: 'SKU-1', price: eur(100), cost: null }).decision).toBe('DENY');
    expect(minimumMargin({ subject: 'SKU-1', price: { amount: 100, currency: 'CHF' }, cost: eur(1) })).toMatchObject({ decision: 'DENY', limit: 'a known cost in CHF' });
  });
});

describe('price-changes-per-day', () => {
  const maximum = GUARDRAIL_LIMITS.maxPriceChangesPerProductPerDay;

  it('allows while a slot is left today', () => {
    expect(priceChangesPerDay({ productId: 'P0001', changesToday: maximum - 1 })).toMatchObject({ decision: 'ALLOW' });
  });

  it('refuses once the day’s changes are used up', () => {
    expect(priceChangesPerDay({ productId: 'P0001', changesToday: maximum })).toMatchObject({
      guardrail: 'price-changes-per-day',
      decision: 'DENY',
      limit: `${maximum} changes per day`,
      value: `${maximum} changes today`,
    });
  });
});

describe('negotiated-discount-price-lock', () => {
  const change = { sku: 'SKU-10001', currentPrice: eur(20), newPrice: eur(22) };

  it('allows an increase when no customer holds a negotiated discount, and any decrease', () => {
    expect(negotiatedDiscountPriceLock({ ...change, customersWithNegotiatedDiscount: 0 }).decision).toBe('ALLOW');
    expect(negotiatedDiscountPriceLock({ ...change, newPrice: eur(18), customersWithNegotiatedDiscount: 4 }).decision).toBe('ALLOW');
  });

  it('refuses an increase while one is active', () => {
    expect(negotiatedDiscountPriceLock({ ...change, customersWithNegotiatedDiscount: 1 })).toMatchObject({
      guardrail: 'negotiated-discount-price-lock',
      decision: 'DENY',
      limit: 'no increase above 20.00 EUR while negotiated discounts are active',
    });
  });
});

describe('safety-stock', () => {
  it('allows a quantity the stock above safety stock covers', () => {
    expect(safetyStock({ subject: 'SKU-10001-01', region: 'EU', quantity: 5, availableAboveSafetyStock: 5 }).decision).toBe('ALLOW');
  });

  it('refuses one unit more', () => {
    expect(safetyStock({ subject: 'SKU-10001-01', region: 'EU', quantity: 6, availableAboveSafetyStock: 5 })).toMatchObject({
      guardrail: 'safety-stock',
      decision: 'DENY',
      limit: '5 units above safety stock in EU',
      value: '6 units',
    });
  });
});

describe('warehouse-capacity', () => {
  const shipment = { sku: 'SKU-10001-01', region: 'EU', shipDate: '2026-03-02' };

  it('allows a ship date on which a warehouse has room', () => {
    expect(warehouseCapacity({ ...shipment, firstShipDateWithCapacity: '2026-03-02' }).decision).toBe('ALLOW');
  });

  it('refuses a day without room, naming the first with it, and a window without any', () => {
    expect(warehouseCapacity({ ...shipment, firstShipDateWithCapacity: '2026-03-04' })).toMatchObject({
      guardrail: 'warehouse-capacity',
      decision: 'DENY',
      limit: 'first ship date with capacity 2026-03-04',
    });
    expect(warehouseCapacity({ ...shipment, firstShipDateWithCapacity: null })).toMatchObject({ decision: 'DENY', limit: 'no capacity in the booking window' });
  });
});

describe('goodwill-approval', () => {
  it('allows a credit up to the threshold without approval', () => {
    expect(goodwillApproval({ customerId: 'C0001', credit: eur(50) })).toMatchObject({ decision: 'ALLOW', limit: '50.00 EUR' });
  });

  it('sends a credit above it, or in a currency without one, to approval', () => {
    expect(goodwillApproval({ customerId: 'C0001', credit: eur(50.01) })).toMatchObject({ guardrail: 'goodwill-approval', decision: 'NEEDS_APPROVAL', value: '50.01 EUR' });
    expect(goodwillApproval({ customerId: 'C0001', credit: { amount: 1, currency: 'CHF' } })).toMatchObject({ decision: 'NEEDS_APPROVAL', limit: 'no threshold for CHF' });
  });
});

describe('agent-money-per-day', () => {
  const money = (amount: number, currency: string) => ({ amount, currency });
  const limits = GUARDRAIL_LIMITS.agentMoneyPerDay;

  it('allows an agent to move up to its limit per day, to the cent, in each currency', () => {
    for (const currency of ['EUR', 'USD', 'GBP']) {
      const verdict = agentMoneyPerDay({ agentId: 'shop-bot', amount: money(0.01, currency), movedToday: money(limits[currency]! - 0.01, currency) });
      expect(verdict).toMatchObject({ guardrail: 'agent-money-per-day', decision: 'ALLOW', subject: 'agent:shop-bot' });
    }
    expect(agentMoneyPerDay({ agentId: 'shop-bot', amount: money(50, 'EUR'), movedToday: money(1950, 'EUR') })).toMatchObject({
      decision: 'ALLOW',
      limit: '2,000.00 EUR per day',
      value: '1,950.00 EUR moved today + 50.00 EUR',
    });
  });

  it('refuses what would take it past the limit of the currency, and any currency without one', () => {
    const verdict = agentMoneyPerDay({ agentId: 'shop-bot', amount: money(120, 'EUR'), movedToday: money(1950, 'EUR') });
    expect(verdict).toMatchObject({ guardrail: 'agent-money-per-day', decision: 'DENY', limit: '2,000.00 EUR per day', value: '1,950.00 EUR moved today + 120.00 EUR' });
    expect(verdict.message).toContain('1,950.00 EUR moved today + 120.00 EUR > 2,000.00 EUR');
    // 2,150 USD moved is within the USD limit, but 2,150 GBP is past the GBP one.
    expect(agentMoneyPerDay({ agentId: 'shop-bot', amount: money(1, 'USD'), movedToday: money(2150, 'USD') }).decision).toBe('ALLOW');
    expect(agentMoneyPerDay({ agentId: 'shop-bot', amount: money(1, 'GBP'), movedToday: money(2150, 'GBP') })).toMatchObject({ decision: 'DENY', limit: '1,800.00 GBP per day' });
    expect(agentMoneyPerDay({ agentId: 'shop-bot', amount: money(1, 'CHF'), movedToday: money(0, 'CHF') })).toMatchObject({ decision: 'DENY', limit: 'no daily limit for CHF' });
  });
});
