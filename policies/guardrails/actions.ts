import { agentMoneyPerDay, type AgentMoneyFacts } from './agent-money.js';
import { warehouseCapacity } from './capacity.js';
import { maxDiscountByCategory } from './discount.js';
import { goodwillApproval, type GoodwillFacts } from './goodwill.js';
import { GUARDRAIL_LIMITS, type GuardrailLimits } from './limits.js';
import { minimumMargin } from './margin.js';
import { cents, type Money } from './money.js';
import { negotiatedDiscountPriceLock, priceChangesPerDay } from './price-changes.js';
import { safetyStock } from './stock.js';
import type { Verdict } from './verdict.js';

/**
 * Which guardrails hold each action, from the values the orchestrator reads before it writes
 * anything. Every verdict is returned, allowed or not: a dry run shows them all.
 */

export interface PlaceOrderFacts {
  region: string;
  lines: { sku: string; quantity: number; availableAboveSafetyStock: number }[];
  shipments: { sku: string; shipDate: string; firstShipDateWithCapacity: string | null }[];
  /** The order's total as the agent placing it moves it; null when a customer or staff places it. */
  agentMoney: AgentMoneyFacts | null;
}

export function placeOrderGuardrails(facts: PlaceOrderFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict[] {
  const { region } = facts;
  return [
    ...facts.lines.map((line) => safetyStock({ subject: line.sku, region, quantity: line.quantity, availableAboveSafetyStock: line.availableAboveSafetyStock })),
    ...facts.shipments.map((shipment) => warehouseCapacity({ ...shipment, region })),
    ...agentMoney(facts.agentMoney, limits),
  ];
}

export interface PromotedProductFacts {
  productId: string;
  categories: string[];
  availableAboveSafetyStock: number;
  /** Today's price in the region (the sale price while on sale) and the cost, both before the promotion. */
  price: Money;
  cost: Money | null;
}

export interface LaunchPromotionFacts {
  region: string;
  percent: number;
  products: PromotedProductFacts[];
}

export function launchPromotionGuardrails(facts: LaunchPromotionFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict[] {
  const { region, percent } = facts;
  return facts.products.flatMap((product) => [
    maxDiscountByCategory({ productId: product.productId, categories: product.categories, percent }, limits),
    minimumMargin({ subject: product.productId, price: discounted(product.price, percent), cost: product.cost }, limits),
    safetyStock({
      subject: product.productId,
      region,
      quantity: limits.minimumUnitsToPromote,
      availableAboveSafetyStock: product.availableAboveSafetyStock,
    }),
  ]);
}

export interface ChangePriceFacts {
  sku: string;
  productId: string;
  currentPrice: Money;
  newPrice: Money;
  cost: Money | null;
  customersWithNegotiatedDiscount: number;
  /** Price changes of the product today; see `priceChangesPerDay` for how it is counted. */
  changesToday: number;
}

export function changePriceGuardrails(facts: ChangePriceFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict[] {
  return [
    minimumMargin({ subject: facts.sku, price: facts.newPrice, cost: facts.cost }, limits),
    negotiatedDiscountPriceLock(facts),
    priceChangesPerDay(facts, limits),
  ];
}

export interface GoodwillCreditFacts extends GoodwillFacts {
  /** The credit as the agent issuing it moves it; null when staff issue it. */
  agentMoney: AgentMoneyFacts | null;
}

export function goodwillCreditGuardrails(facts: GoodwillCreditFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict[] {
  return [goodwillApproval(facts, limits), ...agentMoney(facts.agentMoney, limits)];
}

/** Only agents are held to what they move per day. */
function agentMoney(facts: AgentMoneyFacts | null, limits: GuardrailLimits): Verdict[] {
  return facts ? [agentMoneyPerDay(facts, limits)] : [];
}

/** The promoted price, rounded down to the cent: the margin is checked against the least the customer could pay. */
function discounted(price: Money, percent: number): Money {
  return { amount: Math.floor((cents(price.amount) * (100 - percent)) / 100) / 100, currency: price.currency };
}
