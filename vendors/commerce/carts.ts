import { CURRENCY_BY_REGION, type Region, type SeedData } from '../seed/index.js';
import { optional, type Catalog } from './catalog.js';
import { readCartDraft } from './cart-draft.js';
import { invalidInput, PlatformError } from './errors.js';
import { platformId, regionOfStore, storeOf, sumMoney } from './money.js';
import { toLineItem } from './mapping.js';
import type { Collection } from './query.js';
import type { Cart, LineItem } from './types.js';

/** An update action, as `POST /carts/key=:key` takes them. */
export type CartAction =
  | { action: 'addLineItem'; sku: string; quantity: number }
  | { action: 'removeLineItem'; lineItemKey?: string; lineItemId?: string };

/** The carts, kept in memory, created from drafts and changed by update actions. */
export interface CartStore {
  byKey: ReadonlyMap<string, Cart>;
  collection: Collection<Cart>;
  create(draft: unknown): Cart;
  update(cart: Cart, version: number | undefined, actions: unknown): Cart;
}

export function createCartStore(data: SeedData, catalog: Catalog): CartStore {
  const byKey = new Map<string, Cart>();
  const keysByCustomer = new Map<string, string[]>();
  function add(cart: Cart): Cart {
    byKey.set(cart.key, cart);
    keysByCustomer.set(cart.customerId, [...(keysByCustomer.get(cart.customerId) ?? []), cart.key]);
    return cart;
  }

  for (const seed of data.carts) {
    const lineItems = seed.items.map((item) => lineItemFor(catalog, seed.id, seed.region, item.variantSku, item.quantity));
    add(withTotals({
      id: platformId('cart', seed.id), key: seed.id, version: 1, customerId: seed.customerId, cartState: 'Active',
      store: storeOf(seed.region), lineItems,
      createdAt: seed.updatedAt, lastModifiedAt: seed.updatedAt,
    }));
  }

  function create(input: unknown): Cart {
    const draft = readCartDraft(input, (key) => byKey.has(key));
    const lineItems = draft.lineItems.reduce<LineItem[]>(
      (lines, { sku, quantity }) => applyAction(catalog, draft.key, draft.region, lines, { action: 'addLineItem', sku, quantity }),
      [],
    );
    const now = new Date().toISOString();
    return add(withTotals({
      id: platformId('cart', draft.key), key: draft.key, version: 1, customerId: draft.customerId, cartState: 'Active',
      store: storeOf(draft.region), lineItems, createdAt: now, lastModifiedAt: now,
    }));
  }

  function update(cart: Cart, version: number | undefined, actions: unknown): Cart {
    if (version !== undefined && version !== cart.version) {
      throw new PlatformError(409, 'ConcurrentModification', `Object ${cart.id} has a different version than expected. Expected: ${version} - Actual: ${cart.version}.`);
    }
    if (!Array.isArray(actions) || actions.length === 0) throw invalidInput("'actions' must be a non-empty array.");
    const region = regionOfStore(cart.store.key)!;
    const lineItems = actions.reduce<LineItem[]>((lines, action) => applyAction(catalog, cart.key, region, lines, action), cart.lineItems);
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

function applyAction(catalog: Catalog, cartKey: string, region: Region, lines: LineItem[], input: unknown): LineItem[] {
  const action = (input ?? {}) as Partial<Record<string, unknown>>;
  if (action.action === 'addLineItem') {
    const { sku, quantity } = action;
    if (typeof sku !== 'string') throw invalidInput("addLineItem needs a 'sku'.");
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0) {
      throw invalidInput(`addLineItem: 'quantity' must be a positive integer, got '${String(quantity)}'.`);
    }
    const existing = lines.find((line) => line.key === sku);
    const added = lineItemFor(catalog, cartKey, region, sku, (existing?.quantity ?? 0) + quantity);
    return existing ? lines.map((line) => (line === existing ? added : line)) : [...lines, added];
  }
  if (action.action === 'removeLineItem') {
    const target = lines.find((line) => line.key === action.lineItemKey || line.id === action.lineItemId);
    if (!target) throw new PlatformError(400, 'InvalidOperation', 'removeLineItem: the cart has no such line item.');
    return lines.filter((line) => line !== target);
  }
  throw invalidInput(`Unknown update action '${String(action.action)}'.`);
}

function lineItemFor(catalog: Catalog, cartKey: string, region: Region, sku: string, quantity: number): LineItem {
  const entry = catalog.bySku.get(sku);
  if (!entry) throw invalidInput(`A product variant with the SKU '${sku}' does not exist.`);
  const price = entry.variant.prices.find((candidate) => candidate.channel.key === storeOf(region).key)!;
  return toLineItem(cartKey, entry.product, entry.variant, price, quantity);
}

function withTotals(cart: Omit<Cart, 'totalPrice'>): Cart {
  const currency = CURRENCY_BY_REGION[regionOfStore(cart.store.key)!];
  return { ...cart, totalPrice: sumMoney(cart.lineItems.map((line) => line.totalPrice), currency) };
}
