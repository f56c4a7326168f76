import { DECLINED_CARD_CUSTOMERS, DECLINED_CARD_LAST4 } from '../seed/payments.js';
import type { SeedCustomer, SeedData } from '../seed/index.js';

/** A saved card, as a Stripe PaymentMethod of type `card`. */
export interface CardPaymentMethod {
  id: string;
  card: { brand: string; last4: string };
}

/** Stripe's test PaymentMethods that any integration may pass: one accepted, one declined. */
const TEST_PAYMENT_METHODS: CardPaymentMethod[] = [
  { id: 'pm_card_visa', card: { brand: 'visa', last4: '4242' } },
  { id: 'pm_card_chargeDeclined', card: { brand: 'visa', last4: DECLINED_CARD_LAST4 } },
];

/** The provider's customers (`cus_<our customer id>`), each with a default card, and the PaymentMethods it knows. */
export interface PaymentCustomers {
  /** The card a payment intent for `customer` is charged to: `paymentMethod` if given, else the customer's default. */
  cardFor(customer: string | undefined, paymentMethod: string | undefined): CardPaymentMethod | undefined;
}

export function isDeclined(card: CardPaymentMethod): boolean {
  return card.card.last4 === DECLINED_CARD_LAST4;
}

/**
 * Each seed customer (`cus_<id>`) pays by default with the first card the seed saved for them (a
 * Visa 4242 when there is none); the seed's declined-card customers with the always-declined card.
 * Only they are declined: a seed card that happens to end in 0002 is shown as 4242.
 */
export function createPaymentCustomers(data: SeedData): PaymentCustomers {
  const methods = new Map(TEST_PAYMENT_METHODS.map((method) => [method.id, method]));
  const defaults = new Map<string, CardPaymentMethod>();
  for (const customer of data.customers) {
    const card = defaultCardOf(customer);
    methods.set(card.id, card);
    defaults.set(`cus_${customer.id}`, card);
  }
  return {
    cardFor: (customer, paymentMethod) => (paymentMethod ? methods.get(paymentMethod) : customer ? defaults.get(customer) : undefined),
  };
}

function defaultCardOf(customer: SeedCustomer): CardPaymentMethod {
  if (DECLINED_CARD_CUSTOMERS.includes(customer.id)) return { id: `pm_${customer.id}_declined`, card: { brand: 'visa', last4: DECLINED_CARD_LAST4 } };
  const saved = customer.paymentMethods[0];
  if (!saved) return { id: `pm_${customer.id}_visa`, card: { brand: 'visa', last4: '4242' } };
  return { id: `pm_${saved.id}`, card: { brand: saved.brand, last4: saved.last4 === DECLINED_CARD_LAST4 ? '4242' : saved.last4 } };
}
