/** The crm subgraph's port: what it needs from any CRM, in our domain's words. */

export type LoyaltyTier = 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

export interface Consent {
  email: boolean;
  sms: boolean;
  profiling: boolean;
}

export interface Address {
  kind: 'SHIPPING' | 'BILLING';
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

/** A masked reference to a saved payment method: never a full card number. */
export interface PaymentMethod {
  id: string;
  brand: string;
  last4: string;
  expiryMonth: number;
  expiryYear: number;
}

export interface Customer {
  /** Our customer number, e.g. `C0001`. */
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** The main address first. */
  addresses: Address[];
  segments: string[];
  loyalty: { tier: LoyaltyTier; points: number };
  consent: Consent;
  paymentMethods: PaymentMethod[];
}

export interface CustomerPageRequest {
  offset: number;
  limit: number;
  /** Only customers in this segment; `null` for all. */
  segment: string | null;
}

export interface CustomerPage {
  /** At most `limit` customers, in customer-number order, starting at `offset`. */
  customers: Customer[];
  /** Customers matching the request's segment, over all pages. */
  totalCount: number;
}

export interface CrmAdapter {
  /** In the order asked; `null` for an unknown id. */
  customersByIds(ids: readonly string[]): Promise<(Customer | null)[]>;
  customers(request: CustomerPageRequest): Promise<CustomerPage>;
  /** Applies the given consent changes to a customer and returns the customer as updated; `null` for an unknown id. */
  updateConsent(customerId: string, changes: Partial<Consent>): Promise<Customer | null>;
}
