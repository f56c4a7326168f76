/** An amount in major units (`Money.amount`) and its ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** Guardrails compare whole cents: 0.1 + 0.2 must not decide whether a price is allowed. */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}

const MAJOR_UNITS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1,950.00 EUR`. */
export function formatMoney(amountInCents: number, currency: string): string {
  return `${MAJOR_UNITS.format(amountInCents / 100)} ${currency}`;
}
