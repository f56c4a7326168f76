import { describe, expect, it } from 'vitest';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { useOrchestration, type VendorName } from './support/orchestration-stack.js';
import { effectList, effectsInForce, placedOrderEffects } from './support/vendor-effects.js';

/**
 * A failure at each step of `placeOrder` in turn, injected at the vendor the step writes to: every step
 * done before it is undone in reverse order by its reference, so every system is as before, and the log
 * holds each undo. An undo that keeps failing ends the action NEEDS_ATTENTION, for staff to see.
 */
const database = await scratchDatabaseOrSkip('test/orchestration-compensation.e2e.ts');

const PLACE_ORDER = `mutation PlaceOrder($key: String!) {
  placeOrder(customerId: "C0001", region: "EU", lines: [{ sku: "SKU-10002-01", quantity: 2 }], idempotencyKey: $key) {
    id status error
    steps { name status error compensation { mutation status attempts } }
  }
}`;

const customer: Principal = { kind: 'customer', id: 'C0001' };
const staff: Principal = { kind: 'staff', id: 'S01', roles: ['operations'] };

/** Each step, and the vendor route its write goes through. */
const STEPS: { step: string; vendor: VendorName; route: string; undone: string[] }[] = [
  { step: 'reserve-stock-1', vendor: 'warehouse', route: 'POST /erp/v1/allocations', undone: [] },
  { step: 'authorize-payment', vendor: 'payments', route: 'POST /v1/payment_intents', undone: ['reserve-stock-1'] },
  { step: 'create-order', vendor: 'commerce', route: 'POST /orders/import', undone: ['authorize-payment', 'reserve-stock-1'] },
  { step: 'book-fulfillment-1', vendor: 'wms', route: 'POST /wms/v1/shipments', undone: ['create-order', 'authorize-payment', 'reserve-stock-1'] },
  { step: 'capture-payment', vendor: 'payments', route: 'POST /v1/payment_intents/:id/capture', undone: ['book-fulfillment-1', 'create-order', 'authorize-payment', 'reserve-stock-1'] },
];

describe.runIf(database)('placeOrder when a step fails', () => {
  const stack = useOrchestration(database!);

  const available = () => stack.available('SKU-10002-01', 'EU');

  for (const { step, vendor, route, undone } of STEPS) {
    it(`undoes every earlier step in reverse when ${step} fails`, async () => {
      const before = await available();
      await stack.domain.vendors[vendor].admin.setFaults({ routes: { [route]: { failRate: 1, failStatus: 503 } } });
      const { data, errors } = await stack.as(customer, PLACE_ORDER, { key: `fail-${step}` });
      expect(errors).toBeUndefined();
      const result = data!.placeOrder;
      expect(result.status).toBe('COMPENSATED');
      expect(result.error).toContain(`${step} failed`);
      const failed = result.steps.find((s: { name: string }) => s.name === step);
      expect(failed.status).toBe('FAILED');
      // The failed step's outcome is unknown to the orchestrator (no answer): it is undone by reference too.
      expect(failed.compensation?.status ?? 'none').not.toBe('FAILED');
      for (const name of undone) expect(result.steps.find((s: { name: string }) => s.name === name).status).toBe('COMPENSATED');
      const later = result.steps.slice(result.steps.indexOf(failed) + 1);
      expect(later.map((s: { status: string }) => s.status)).toEqual(Array(STEPS.length - 1 - undone.length).fill('SKIPPED'));
      expect(effectsInForce(await stack.domain.effects())).toEqual([]);
      expect(await available()).toBe(before);
      const trail = await stack.auditTrail(result.id);
      expect(trail).toContain(`${step} failed`);
      // Undone in reverse order of the steps, each recorded once.
      const undos = trail.filter((line) => line.includes(':compensation')).map((line) => line.split(':')[0]);
      expect(undos.filter((name) => name !== step)).toEqual(undone);
      expect(trail.at(-1)).toBe('outcome compensated');
    });
  }

  for (const { step, vendor, route } of STEPS) {
    it(`ends with exactly one effect or none when ${step} acts and loses its response`, async () => {
      await stack.domain.vendors[vendor].admin.setFaults({ routes: { [route]: { actedResponseLost: true } } });
      const { data, errors } = await stack.as(customer, PLACE_ORDER, { key: `lost-${step}` });
      expect(errors).toBeUndefined();
      const { id, status } = data!.placeOrder;
      // Retried by its reference, the step may complete after all (the vendor answers the replay), or be undone.
      expect(['COMPLETED', 'COMPENSATED']).toContain(status);
      const effects = effectList(await stack.domain.effects());
      expect(effects.length).toBe(new Set(effects).size);
      expect(effectsInForce(await stack.domain.effects()).sort()).toEqual(status === 'COMPLETED' ? placedOrderEffects(id) : []);
    });
  }

  it('ends NEEDS_ATTENTION when an undo keeps failing, undoes the rest, and shows it to staff', async () => {
    await stack.domain.vendors.payments.admin.setFaults({ routes: { 'POST /v1/payment_intents/:id/capture': { failRate: 1 } } });
    await stack.domain.vendors.wms.admin.setFaults({ routes: { 'POST /wms/v1/shipments/cancel': { failRate: 1 } } });
    const { data } = await stack.as(customer, PLACE_ORDER, { key: 'stuck' });
    const result = data!.placeOrder;
    expect(result.status).toBe('NEEDS_ATTENTION');
    const booking = result.steps.find((s: { name: string }) => s.name === 'book-fulfillment-1');
    expect(booking).toMatchObject({ status: 'DONE', compensation: { mutation: 'cancelFulfillmentBooking', status: 'FAILED', attempts: 4 } });
    expect(effectsInForce(await stack.domain.effects())).toEqual([`wms booking ${result.id}:book-fulfillment-1`]);
    const listed = await stack.as(staff, '{ actions(status: NEEDS_ATTENTION) { id status error } }');
    expect(listed.data!.actions).toEqual([{ id: result.id, status: 'NEEDS_ATTENTION', error: result.error }]);
    expect((await stack.as(customer, '{ actions { id } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const trail = await stack.auditTrail(result.id);
    expect(trail).toContain('book-fulfillment-1:compensation compensation_failed');
    expect(trail.at(-1)).toBe('outcome needs_attention');
  });
});
