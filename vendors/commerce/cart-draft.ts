import { CURRENCY_BY_REGION, type Region } from '../seed/index.js';
import { invalidInput, PlatformError } from './errors.js';
import { regionOfStore } from './money.js';

/**
 * What `POST /carts` takes, as commercetools' CartDraft:
 * `{ key, customerId, store: { typeId: "store", key }, currency, lineItems?: [{ sku, quantity }] }`.
 */
export interface CartDraft {
  key: string;
  customerId: string;
  region: Region;
  lineItems: { sku: string; quantity: number }[];
}

/** Checks a draft's shape; line items are checked as `addLineItem` actions when the cart is built. */
export function readCartDraft(input: unknown, keyTaken: (key: string) => boolean): CartDraft {
  const draft = (input ?? {}) as Partial<Record<string, unknown>>;
  const { key, customerId, currency, lineItems = [] } = draft;
  if (typeof key !== 'string' || key === '') throw invalidInput("CartDraft needs a 'key'.");
  if (keyTaken(key)) throw new PlatformError(400, 'DuplicateField', `A duplicate value '"${key}"' exists for field 'key'.`);
  if (typeof customerId !== 'string' || customerId === '') throw invalidInput("CartDraft needs a 'customerId'.");
  const storeKey = (draft.store as { key?: unknown } | undefined)?.key;
  const region = regionOfStore(typeof storeKey === 'string' ? storeKey : undefined);
  if (region === undefined) throw invalidInput(`CartDraft: the store '${String(storeKey)}' does not exist.`);
  if (currency !== CURRENCY_BY_REGION[region]) {
    throw invalidInput(`CartDraft: the currency '${String(currency)}' is not sold in store '${String(storeKey)}'.`);
  }
  if (!Array.isArray(lineItems)) throw invalidInput("CartDraft: 'lineItems' must be an array.");
  return { key, customerId, region, lineItems: lineItems as CartDraft['lineItems'] };
}

/** One line of a draft or an `addLineItem` action (`what`): a SKU and a positive whole quantity. */
export function readLineDraft(input: unknown, what: string): { sku: string; quantity: number } {
  const { sku, quantity } = (input ?? {}) as Partial<Record<string, unknown>>;
  if (typeof sku !== 'string') throw invalidInput(`${what} needs a 'sku'.`);
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0) {
    throw invalidInput(`${what}: 'quantity' must be a positive integer, got '${String(quantity)}'.`);
  }
  return { sku, quantity };
}
