import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { REGIONS, type CartChange, type Cart, type Region } from './adapter.js';

/** Argument checks: each returns the accepted value or throws a BAD_USER_INPUT error. */

export function readRegion(region: string): Region {
  if (!(REGIONS as readonly string[]).includes(region)) {
    throw badUserInput(`"region" must be one of ${REGIONS.join(', ')}, got "${region}"`);
  }
  return region as Region;
}

export function readFirst(first: number, max = 100): number {
  if (first < 1 || first > max) throw badUserInput(`"first" must be between 1 and ${max}, got ${first}`);
  return first;
}

/** Customer numbers such as `C0001`; other characters could not be looked up on the platform (nor be a customer). */
export function readCustomerId(customerId: string): string {
  if (!/^[A-Za-z0-9][\w-]{0,63}$/.test(customerId)) {
    throw badUserInput(`"customerId" must be a customer id such as C0001 (letters, digits, "-", "_"), got "${customerId}"`);
  }
  return customerId;
}

export function readQuantity(quantity: number): number {
  if (quantity < 1) throw badUserInput(`"quantity" must be at least 1, got ${quantity}`);
  return quantity;
}

/** An ISO 8601 date or date-time, normalised to a UTC instant (`2026-11-15` → `2026-11-15T00:00:00.000Z`). */
export function readInstant(name: string, value: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    throw badUserInput(`"${name}" must be an ISO 8601 date or date-time, got "${value}"`);
  }
  return instant.toISOString();
}

const REJECTIONS: Record<Exclude<CartChange, { cart: Cart }>['rejected'], (customerId: string, sku: string) => string> = {
  NO_ACTIVE_CART: (customerId) => `customer ${customerId} has no active cart`,
  UNKNOWN_SKU: (_customerId, sku) => `There is no product variant with SKU "${sku}"`,
  SKU_NOT_IN_CART: (customerId, sku) => `The active cart of customer ${customerId} has no item with SKU "${sku}"`,
};

/** The changed cart, or the reason it could not change as a BAD_USER_INPUT error. */
export function changedCart(change: CartChange, customerId: string, sku: string): Cart {
  if ('cart' in change) return change.cart;
  throw badUserInput(REJECTIONS[change.rejected](customerId, sku));
}
