import type { Effect } from '../../vendors/kit/effects.js';

/** The vendors whose effects a test counts, by the name a stack gives them. */
type EffectsByVendor = Record<string, Effect[]>;

/** Which later effect undoes an effect of each kind, under the same reference. */
const UNDONE_BY: Record<string, (later: Effect) => boolean> = {
  hold: (later) => later.kind === 'release',
  authorization: (later) => later.kind === 'void' || later.kind === 'refund',
  capture: (later) => later.kind === 'refund',
  order: (later) => later.kind === 'order-state' && later.orderState === 'Cancelled',
  'price-change': (later) => later.kind === 'price-revert',
  'product-discount': (later) => later.kind === 'product-discount-active' && later.isActive === false,
  booking: (later) => later.kind === 'cancellation',
  badge: (later) => later.kind === 'badge-removal',
  campaign: (later) => later.kind === 'campaign-update' && (later.fields as Record<string, unknown>).Status === 'Aborted',
  'goodwill-credit': (later) => later.kind === 'goodwill-credit-update' && (later.fields as Record<string, unknown>).Status__c === 'Revoked',
};

/**
 * The writes still in force at the vendors, as `vendor kind reference`: each effect of a kind that can be
 * undone, minus those a later effect under the same reference undid. Empty after a fully compensated action.
 */
export function effectsInForce(effects: EffectsByVendor): string[] {
  return Object.entries(effects).flatMap(([vendor, list]) =>
    list
      .filter((effect, i) => {
        const undoneBy = UNDONE_BY[effect.kind];
        return undoneBy !== undefined && !list.slice(i + 1).some((later) => later.reference === effect.reference && undoneBy(later));
      })
      .map((effect) => `${vendor} ${effect.kind} ${effect.reference}`),
  );
}

/** Every effect, as `vendor kind reference`, undoes included. */
export function effectList(effects: EffectsByVendor): string[] {
  return Object.entries(effects).flatMap(([vendor, list]) => list.map((effect) => `${vendor} ${effect.kind} ${effect.reference}`));
}

/** The writes a completed one-line `placeOrder` leaves in force, as `effectsInForce` lists them (sorted). */
export function placedOrderEffects(actionId: string): string[] {
  return [
    `commerce order ${actionId}:create-order`,
    `warehouse hold ${actionId}:reserve-stock-1`,
    `wms booking ${actionId}:book-fulfillment-1`,
    `payments authorization ${actionId}:authorize-payment`,
    `payments capture ${actionId}:authorize-payment`,
  ].sort();
}
