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

/** A campaign a step started under its reference, as the CRM has it now. */
export interface Campaign {
  reference: string;
  name: string;
  segment: string;
  productIds: string[];
  status: 'ACTIVE' | 'CANCELLED';
}

export type CampaignRequest = Omit<Campaign, 'status'>;

/** A goodwill credit a step granted under its reference, as the CRM has it now. */
export interface GoodwillCredit {
  reference: string;
  customerId: string;
  /** In major units. */
  amount: number;
  currency: string;
  reason: string;
  status: 'GRANTED' | 'REVOKED';
}

export type GoodwillCreditRequest = Omit<GoodwillCredit, 'status'>;

/** A share off a customer negotiated for one SKU or a category, between two dates (`YYYY-MM-DD`, both included). */
export interface NegotiatedDiscount {
  customerId: string;
  sku: string | null;
  category: string | null;
  percentOff: number;
  validFrom: string;
  validUntil: string;
}

export interface CrmAdapter {
  /** In the order asked; `null` for an unknown id. */
  customersByIds(ids: readonly string[]): Promise<(Customer | null)[]>;
  customers(request: CustomerPageRequest): Promise<CustomerPage>;
  /** Applies the given consent changes to a customer and returns the customer as updated; `null` for an unknown id. */
  updateConsent(customerId: string, changes: Partial<Consent>): Promise<Customer | null>;
  /**
   * Steps of orchestrated actions, each keyed by its reference at the CRM: the same reference again
   * returns what the first call made, as it is now, with no second effect. Each undo names the
   * reference and says whether it undid anything now.
   */
  createCampaign(request: CampaignRequest): Promise<Campaign>;
  cancelCampaign(reference: string): Promise<boolean>;
  /** `null` for a customer the CRM does not have. */
  grantGoodwillCredit(request: GoodwillCreditRequest): Promise<GoodwillCredit | null>;
  revokeGoodwillCredit(reference: string): Promise<boolean>;
  /** The negotiated discounts in force on a day (`YYYY-MM-DD`) that cover a variant SKU, by itself or by its product's category. */
  negotiatedDiscounts(sku: string, activeOn: string): Promise<NegotiatedDiscount[]>;
}
