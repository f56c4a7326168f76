/**
 * The commercetools-style platform's resources, as far as this adapter reads them.
 * (The subgraph knows the vendor only through its HTTP API, so these are declared here.)
 */
export interface CtMoney {
  centAmount: number;
  currencyCode: string;
  fractionDigits: number;
}

export interface CtReference {
  typeId: string;
  key?: string;
  id?: string;
}

export interface CtPrice {
  value: CtMoney;
  channel?: CtReference;
  discounted?: { value: CtMoney };
  /** The custom field `costPrice` holds what a unit costs, in the price's currency. */
  custom?: { fields: { costPrice?: CtMoney } };
}

export interface CtVariant {
  sku: string;
  prices: CtPrice[];
  attributes: { name: string; value: unknown }[];
}

export interface CtProductProjection {
  key: string;
  masterVariant: CtVariant;
  variants: CtVariant[];
}

export interface CtLineItem {
  productKey: string;
  variant: { sku: string };
  price: CtPrice;
  quantity: number;
  totalPrice: CtMoney;
}

export interface CtCart {
  key: string;
  customerId: string;
  store: CtReference;
  lineItems: (CtLineItem & { id: string; key: string })[];
  totalPrice: CtMoney;
  lastModifiedAt: string;
}

export interface CtOrder {
  orderNumber: string;
  customerId: string;
  store: CtReference;
  orderState: 'Open' | 'Confirmed' | 'Complete' | 'Cancelled';
  paymentState?: string;
  shipmentState?: string;
  returnInfo?: unknown[];
  lineItems: CtLineItem[];
  totalPrice: CtMoney;
  createdAt: string;
}

export interface CtDiscountCode {
  key: string;
  code: string;
  name: { en?: string };
  validFrom: string;
  validUntil: string;
  cartDiscounts: { obj?: { value: { type: string; permyriad?: number }; target: { predicate: string } } }[];
}

/** A change of one variant's price in one channel, created once per `key`. */
export interface CtPriceChange {
  key: string;
  productKey: string;
  sku: string;
  channel: CtReference;
  value: CtMoney;
  previousPrice: CtPrice;
  state: 'Applied' | 'Reverted';
}

export interface CtProductDiscount {
  key: string;
  value: { type: string; permyriad?: number };
  /** `sku in ("A", "B")`, as this adapter writes it. */
  predicate: string;
  isActive: boolean;
  validUntil?: string;
}

export interface CtPage<T> {
  limit: number;
  offset: number;
  count: number;
  total: number;
  results: T[];
}

/** The platform's error body (with a 4xx): the first error's `code` says what was refused. */
export interface CtErrorBody {
  statusCode: number;
  message: string;
  errors: { code: string; message: string }[];
}
