import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { readReference, requireInternalCall } from '../../lib/subgraph/internal-calls.js';
import type { CapacityDay, FulfillmentBooking } from './adapter.js';
import { readDate, readDays, readRegion, readText } from './arguments.js';
import { changedCapacityTag, tagCapacityRead } from './capacity-tags.js';
import type { FulfillmentContext } from './context.js';
import { outlookKey } from './loaders.js';
import { promiseDelivery } from './promise.js';

interface ProductRef {
  sku: string;
}

export const resolvers: GraphQLResolverMap<FulfillmentContext> = {
  Query: {
    shippingOptions: (_: unknown, args: { region: string }, { adapter }: FulfillmentContext) =>
      adapter.shippingServices(readRegion(args.region)),

    async warehouseCapacity(
      _: unknown,
      args: { warehouseId?: string | null; from?: string | null; days?: number | null },
      { adapter, cacheTags }: FulfillmentContext,
    ) {
      const days = await adapter.warehouseCapacity(args.warehouseId ?? null, readDate('from', args.from), readDays(args.days));
      tagCapacityRead(cacheTags, days);
      return days;
    },
  },

  Mutation: {
    async bookFulfillment(_: unknown, args: { sku: string; region: string; date: string; reference: string }, context: FulfillmentContext) {
      requireInternalCall(context, 'bookFulfillment');
      const outcome = await context.adapter.book({
        sku: readText('sku', args.sku),
        region: readRegion(args.region),
        shipDate: readDate('date', args.date),
        reference: readReference(args.reference),
      });
      if ('refused' in outcome) throw badUserInput(`Booking refused: ${outcome.message}`, { reason: outcome.refused });
      if (outcome.changed) await context.invalidations.publish([changedCapacityTag(outcome.booked.warehouseId)]);
      return outcome.booked;
    },

    async cancelFulfillmentBooking(_: unknown, args: { reference: string }, context: FulfillmentContext) {
      requireInternalCall(context, 'cancelFulfillmentBooking');
      const reference = readReference(args.reference);
      const cancelled = await context.adapter.cancelBooking(reference);
      if (cancelled) await context.invalidations.publish([changedCapacityTag(cancelled.warehouseId)]);
      return { reference, undone: cancelled !== null };
    },
  },

  Product: {
    __resolveReference: (reference: ProductRef): ProductRef => ({ sku: reference.sku }),

    async deliveryPromise(product: ProductRef, args: { region: string; orderDate?: string | null }, { loaders, cacheTags }: FulfillmentContext) {
      const region = readRegion(args.region);
      const orderDate = readDate('orderDate', args.orderDate);
      const [item, outlook] = await Promise.all([loaders.items.load(product.sku), loaders.outlooks.load(outlookKey(region, orderDate))]);
      tagCapacityRead(cacheTags, outlook.capacity);
      return item ? promiseDelivery(item, outlook, orderDate) : null;
    },
  },

  CapacityDay: {
    remaining: (day: CapacityDay) => Math.max(0, day.capacity - day.booked),
  },

  FulfillmentBooking: {
    units: (booking: FulfillmentBooking) => booking.capacityUnits,
  },
};
