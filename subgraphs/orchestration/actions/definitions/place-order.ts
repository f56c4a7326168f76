import { badUserInput } from '../../../../lib/subgraph/bad-user-input.js';
import { placeOrderGuardrails } from '../../../../policies/guardrails/actions.js';
import type { AgentMoneyFacts } from '../../../../policies/guardrails/agent-money.js';
import { cents, type Money } from '../../../../policies/guardrails/money.js';
import { commerce, fulfillment, inventory, payments } from '../../domain/step-operations.js';
import { readDate, readList, readQuantity, readRegion, readText } from '../arguments.js';
import { agentMoneyReservation } from '../atomic-claims.js';
import { step, type ActionDefinition } from '../definition.js';
import { mayActForCustomer } from '../permits.js';
import { todayUtc } from '../today.js';

export interface PlaceOrderInput {
  customerId: string;
  region: string;
  lines: { sku: string; quantity: number }[];
  /** The ship date asked for; null for the first day a warehouse has room. */
  shipDate: string | null;
}

interface PlaceOrderFacts {
  lines: { sku: string; quantity: number; availableAboveSafetyStock: number; unitPrice: Money }[];
  shipments: { sku: string; shipDate: string; firstShipDateWithCapacity: string | null }[];
  /** What the payment authorizes and captures. */
  total: Money;
  agentMoney: AgentMoneyFacts | null;
}

/**
 * Reserve stock → authorize payment → create the order → book fulfillment within capacity → capture.
 * Each line ships as its own shipment, so each is reserved and booked under its own reference.
 */
export const placeOrder: ActionDefinition<PlaceOrderInput, PlaceOrderFacts> = {
  name: 'placeOrder',
  atomic: [agentMoneyReservation],

  readInput: (args) => ({
    customerId: readText('customerId', args.customerId),
    region: readRegion(args.region),
    lines: readList('lines', args.lines, readLine, (line) => line.sku),
    shipDate: args.shipDate == null ? null : readDate('shipDate', args.shipDate),
  }),

  mayRun: (principal, input) => mayActForCustomer(principal, input.customerId),

  async readFacts({ region, lines, shipDate }, reads) {
    const from = shipDate ?? todayUtc();
    const [available, prices, firstShipDates] = await Promise.all([
      reads.availableUnits(lines.map((line) => line.sku), region),
      Promise.all(lines.map((line) => reads.price(line.sku, region))),
      Promise.all(lines.map((line) => reads.firstShipDate(line.sku, region, from))),
    ]);
    const priced = lines.map((line, i) => {
      const price = prices[i];
      if (!price) throw badUserInput(`No price for ${line.sku} in ${region}: it cannot be sold there`);
      return { ...line, availableAboveSafetyStock: available.get(line.sku) ?? 0, unitPrice: price.price };
    });
    const shipments = lines.map((line, i) => {
      const first = firstShipDates[i] ?? null;
      return { sku: line.sku, shipDate: shipDate ?? first ?? from, firstShipDateWithCapacity: first };
    });
    const total = totalOf(priced);
    return { lines: priced, shipments, total, agentMoney: await reads.agentMoney(total) };
  },

  guardrails: ({ region }, { lines, shipments, agentMoney }, limits) => placeOrderGuardrails({ region, lines, shipments, agentMoney }, limits),

  plan({ customerId, region, lines }, facts, reference) {
    const authorization = reference('authorize-payment');
    return [
      ...lines.map((line, i) =>
        step(`reserve-stock-${i + 1}`, reference, (ref) => [inventory.reserveStock({ ...line, region, reference: ref }), inventory.releaseStockReservation({ reference: ref })]),
      ),
      step('authorize-payment', reference, (ref) => [payments.authorizePayment({ customerId, ...facts.total, reference: ref }), payments.voidPayment({ reference: ref })]),
      step('create-order', reference, (ref) => [commerce.createOrder({ reference: ref, customerId, region, lines }), commerce.cancelOrder({ reference: ref })]),
      ...facts.shipments.map((shipment, i) =>
        step(`book-fulfillment-${i + 1}`, reference, (ref) => [
          fulfillment.bookFulfillment({ sku: shipment.sku, region, date: shipment.shipDate, reference: ref }),
          fulfillment.cancelFulfillmentBooking({ reference: ref }),
        ]),
      ),
      // The capture passes the authorization's reference; voiding that refunds a captured payment, so the capture has no undo of its own.
      { name: 'capture-payment', reference: authorization, forward: payments.capturePayment({ reference: authorization }), compensation: null },
    ];
  },
};

function readLine(value: unknown): { sku: string; quantity: number } {
  const line = (value ?? {}) as Record<string, unknown>;
  return { sku: readText('lines.sku', line.sku), quantity: readQuantity('lines.quantity', line.quantity) };
}

function totalOf(lines: { quantity: number; unitPrice: Money }[]): Money {
  const currency = lines[0]!.unitPrice.currency;
  if (lines.some((line) => line.unitPrice.currency !== currency)) throw badUserInput('The lines are priced in different currencies');
  return { amount: lines.reduce((sum, line) => sum + cents(line.unitPrice.amount) * line.quantity, 0) / 100, currency };
}
