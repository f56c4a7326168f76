/**
 * The payments domain's port: card payments authorized, then captured once or voided, each under
 * the orchestrator's reference. Amounts are in major units (as `Money.amount`), currencies ISO 4217.
 */
export type PaymentStatus = 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'REFUNDED' | 'DECLINED';

/** A payment under one reference, as the provider has it now. */
export interface Payment {
  reference: string;
  /** The provider's id, e.g. Stripe's `pi_…`. */
  providerId: string;
  customerId: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  /** Why the card was declined, when it was. */
  declineMessage?: string;
}

export interface AuthorizationRequest {
  customerId: string;
  amount: number;
  currency: string;
  reference: string;
}

/**
 * A payment provider. Every write is keyed by the reference: the provider keeps at most one payment
 * per reference, and a write repeated after its answer was lost has no second effect.
 */
export interface PaymentsAdapter {
  /** Authorizes the customer's card for the amount, or returns the payment authorized (or declined) under the reference before. */
  authorize(request: AuthorizationRequest): Promise<Payment>;
  /** Captures an authorized payment; one captured already is returned as it is. `null` when the reference has no payment. */
  capture(reference: string): Promise<Payment | null>;
  /** Voids an authorization or refunds a capture: true when money was released now, false when there was nothing to undo. */
  void(reference: string): Promise<boolean>;
}
