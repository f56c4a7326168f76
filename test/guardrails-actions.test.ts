import { describe, expect, it } from 'vitest';
import { changePriceGuardrails, goodwillCreditGuardrails, launchPromotionGuardrails, placeOrderGuardrails } from '../policies/guardrails/actions.js';
import { needsApproval, refusals } from '../policies/guardrails/verdict.js';

/** Which guardrails hold each action, every one of them answering whether it allows or not. */
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const decisions = (verdicts: { guardrail: string; decision: string }[]) => verdicts.map((verdict) => `${verdict.guardrail} ${verdict.decision}`);

describe('guardrails per action', () => {
  it('holds each line of an order to safety stock and each shipment to capacity', () => {
    const verdicts = placeOrderGuardrails({
      region: 'EU',
      lines: [
        { sku: 'A', quantity: 2, availableAboveSafetyStock: 5 },
        { sku: 'B', quantity: 6, availableAboveSafetyStock: 5 },
      ],
      shipments: [{ sku: 'A', shipDate: '2026-03-02', firstShipDateWithCapacity: '2026-03-02' }],
      agentMoney: null,
    });
    expect(decisions(verdicts)).toEqual(['safety-stock ALLOW', 'safety-stock DENY', 'warehouse-capacity ALLOW']);
    expect(refusals(verdicts).map((verdict) => verdict.subject)).toEqual(['B']);
  });

  it('judges a promotion on the discounted price, and on the stock a promotion needs', () => {
    const product = { productId: 'P1', categories: ['apparel/shirts'], availableAboveSafetyStock: 20, price: eur(20), cost: eur(15) };
    // 20 EUR less 10 % is 18.00, above 15 × 1.1 = 16.50; less 20 % is 16.00, below it.
    expect(decisions(launchPromotionGuardrails({ region: 'EU', percent: 10, products: [product] }))).toEqual([
      'max-discount-by-category ALLOW',
      'minimum-margin ALLOW',
      'safety-stock ALLOW',
    ]);
    const verdicts = launchPromotionGuardrails({ region: 'EU', percent: 20, products: [{ ...product, availableAboveSafetyStock: 19 }] });
    expect(decisions(verdicts)).toEqual(['max-discount-by-category ALLOW', 'minimum-margin DENY', 'safety-stock DENY']);
    expect(verdicts[1]).toMatchObject({ limit: '16.50 EUR', value: '16.00 EUR' });
  });

  it('holds a price change to margin, negotiated discounts and the day’s changes', () => {
    const change = { sku: 'SKU-1', productId: 'P1', currentPrice: eur(20), newPrice: eur(25), cost: eur(10), customersWithNegotiatedDiscount: 0, changesToday: 0 };
    expect(refusals(changePriceGuardrails(change))).toEqual([]);
    expect(decisions(changePriceGuardrails({ ...change, customersWithNegotiatedDiscount: 2, changesToday: 3 }))).toEqual([
      'minimum-margin ALLOW',
      'negotiated-discount-price-lock DENY',
      'price-changes-per-day DENY',
    ]);
  });

  it('asks for approval of a large credit rather than refusing it', () => {
    expect(needsApproval(goodwillCreditGuardrails({ customerId: 'C0001', credit: eur(10), agentMoney: null }))).toBe(false);
    const verdicts = goodwillCreditGuardrails({ customerId: 'C0001', credit: eur(500), agentMoney: null });
    expect(needsApproval(verdicts)).toBe(true);
    expect(refusals(verdicts)).toEqual([]);
  });

  it('holds the money an agent moves, by order or credit, to its day’s limit; customers and staff are not held to it', () => {
    const order = { region: 'EU', lines: [{ sku: 'A', quantity: 1, availableAboveSafetyStock: 5 }], shipments: [] };
    const agentMoney = { agentId: 'shop-bot', amount: eur(120), movedToday: eur(1950) };
    expect(decisions(placeOrderGuardrails({ ...order, agentMoney: null }))).toEqual(['safety-stock ALLOW']);
    expect(decisions(placeOrderGuardrails({ ...order, agentMoney }))).toEqual(['safety-stock ALLOW', 'agent-money-per-day DENY']);
    expect(decisions(goodwillCreditGuardrails({ customerId: 'C0001', credit: eur(20), agentMoney: { ...agentMoney, amount: eur(20) } }))).toEqual([
      'goodwill-approval ALLOW',
      'agent-money-per-day ALLOW',
    ]);
  });
});
