/**
 * The payment provider's test rule, as Stripe's test cards have it: the card numbered
 * 4000 0000 0000 0002 is always declined. These customers' saved card is that card, so a test or a
 * demo can force a DECLINED payment; every other customer pays with a card that is accepted.
 */
export const DECLINED_CARD_CUSTOMERS: readonly string[] = ['C2000'];

/** The last four digits of Stripe's always-declined test card. */
export const DECLINED_CARD_LAST4 = '0002';
