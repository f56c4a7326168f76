import type { Region } from '../seed/index.js';
import { readLineDraft } from './cart-draft.js';
import { invalidInput } from './errors.js';
import { regionOfStore } from './money.js';

/**
 * What `POST /orders/import` takes, as commercetools' OrderImportDraft, less what this platform works
 * out itself (names, prices and totals, from the store's channel now):
 * `{ orderNumber, customerId, store: { typeId: "store", key }, lineItems: [{ variant: { sku }, quantity }] }`.
 */
export interface OrderImportDraft {
  orderNumber: string;
  customerId: string;
  region: Region;
  lineItems: { sku: string; quantity: number }[];
}

export function readOrderImportDraft(input: unknown): OrderImportDraft {
  const draft = (input ?? {}) as Partial<Record<string, unknown>>;
  const { orderNumber, customerId, lineItems } = draft;
  if (typeof orderNumber !== 'string' || orderNumber === '') throw invalidInput("OrderImportDraft needs an 'orderNumber'.");
  if (typeof customerId !== 'string' || customerId === '') throw invalidInput("OrderImportDraft needs a 'customerId'.");
  const storeKey = (draft.store as { key?: unknown } | undefined)?.key;
  const region = regionOfStore(typeof storeKey === 'string' ? storeKey : undefined);
  if (region === undefined) throw invalidInput(`OrderImportDraft: the store '${String(storeKey)}' does not exist.`);
  if (!Array.isArray(lineItems) || lineItems.length === 0) throw invalidInput("OrderImportDraft: 'lineItems' must be a non-empty array.");
  const lines = lineItems.map((item: { variant?: { sku?: unknown }; quantity?: unknown } | null) =>
    readLineDraft({ sku: item?.variant?.sku, quantity: item?.quantity }, 'LineItemImportDraft'),
  );
  return { orderNumber, customerId, region, lineItems: lines };
}
