import { CURRENCY_BY_REGION, type Region, type SeedData } from '../seed/index.js';
import { optional } from './catalog.js';
import { readCartDraft, readLineDraft } from './cart-draft.js';
import { PlatformError } from './errors.js';
import { platformId, regionOfStore, storeOf, sumMoney } from './money.js';
import type { Pricing } from './pricing.js';
import type { Collection } from './query.js';
import type { Cart, LineItem } from './types.js';
import { readUpdate, unknownAction } from './writes.js';

/** An update action, as `POST /carts/key=:key` takes them. */
export type CartAction =
  | { action: 'addLineItem'; sku: string; quantity: number }
  | { action: 'removeLineItem'; lineItemKey?: string; lineItemId?: string };

/** The carts, kept in memory, created from drafts and changed by update actions. */
export interface CartStore {
  byKey: ReadonlyMap<string, Cart>;
  collection: Collection<Cart>;
  create(draft: unknown): Cart;
  /** Applies the update actions of a `POST /carts/key=:key` body. */
  update(cart: Cart, body: unknown): Cart;
}

export function createCartStore(data: SeedData, pricing: Pricing): CartStore {
  const byKey = new Map<string, Cart>();
  const keysByCustomer = new Map<string, string[]>();
  function add(cart: Cart): Cart {
    byKey.set(cart.key, cart);
    keysByCustomer.set(cart.customerId, [...(keysByCustomer.get(cart.customerId) ?? []), cart.key]);
    return cart;
  }

  for (const seed of data.carts) {
    const lineItems = seed.items.map((item) => pricing.lineItem(seed.id, seed.region, item.variantSku, item.quantity));
    add(withTotals({
      id: platformId('cart', seed.id), key: seed.id, version: 1, customerId: seed.customerId, cartState: 'Active',
      store: storeOf(seed.region), lineItems,
      createdAt: seed.updatedAt, lastModifiedAt: seed.updatedAt,
    }));
  }

  function create(input: unknown): Cart {
    const draft = readCartDraft(input, (key) => byKey.has(key));
    const lineItems = draft.lineItems.reduce<LineItem[]>(
      (lines, { sku, quantity }) => applyAction(pricing, draft.key, draft.region, lines, { action: 'addLineItem', sku, quantity }),
      [],
    );
    const now = new Date().toISOString();
    return add(withTotals({
      id: platformId('cart', draft.key), key: draft.key, version: 1, customerId: draft.customerId, cartState: 'Active',
      store: storeOf(draft.region), lineItems, createdAt: now, lastModifiedAt: now,
    }));
  }

  function update(cart: Cart, body: unknown): Cart {
    const actions = readUpdate(cart, body);
    const region = regionOfStore(cart.store.key)!;
    const lineItems = actions.reduce<LineItem[]>((lines, action) => applyAction(pricing, cart.key, region, lines, action), cart.lineItems);
    const updated = withTotals({ ...cart, lineItems, version: cart.version + 1, lastModifiedAt: new Date().toISOString() });
    byKey.set(cart.key, updated);
    return updated;
  }

  const collection: Collection<Cart> = {
    all: () => byKey.values(),
    fields: { key: (cart) => cart.key, customerId: (cart) => cart.customerId, cartState: (cart) => cart.cartState, lastModifiedAt: (cart) => cart.lastModifiedAt },
    indexes: {
      key: (key) => optional(byKey.get(key)),
      customerId: (customerId) => (keysByCustomer.get(customerId) ?? []).map((key) => byKey.get(key)!),
    },
  };
  return { byKey, collection, create, update };
}

function applyAction(pricing: Pricing, cartKey: string, region: Region, lines: LineItem[], input: unknown): LineItem[] {
  const action = (input ?? {}) as Partial<Record<string, unknown>>;
  if (action.action === 'addLineItem') {
    const { sku, quantity } = readLineDraft(action, 'addLineItem');
    const existing = lines.find((line) => line.key === sku);
    const added = pricing.lineItem(cartKey, region, sku, (existing?.quantity ?? 0) + quantity);
    return existing ? lines.map((line) => (line === existing ? added : line)) : [...lines, added];
  }
  if (action.action === 'removeLineItem') {
    const target = lines.find((line) => line.key === action.lineItemKey || line.id === action.lineItemId);
    if (!target) throw new PlatformError(400, 'InvalidOperation', 'removeLineItem: the cart has no such line item.');
    return lines.filter((line) => line !== target);
  }
  throw unknownAction(action);
}

function withTotals(cart: Omit<Cart, 'totalPrice'>): Cart {
  const currency = CURRENCY_BY_REGION[regionOfStore(cart.store.key)!];
  return { ...cart, totalPrice: sumMoney(cart.lineItems.map((line) => line.totalPrice), currency) };
}
