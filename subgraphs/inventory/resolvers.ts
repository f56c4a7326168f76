import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { readReference, requireInternalCall } from '../../lib/subgraph/internal-calls.js';
import type { Region, SourceFailure } from './adapter.js';
import { readRegion, readReserveArgs, readSkuList, type ReserveArgs } from './arguments.js';
import { summarizeAvailability, type AvailabilityView } from './availability.js';
import type { InventoryContext } from './context.js';
import type { InventoryLoaders, StockKey } from './loaders.js';
import { changedStockTags } from './stock-tags.js';

interface SkuParent {
  sku: string;
}

type LoaderName = keyof InventoryLoaders;

/** `availability(region)` of a Product or a ProductVariant, through the matching loader. */
function availabilityOf(loader: LoaderName) {
  return async (parent: SkuParent, args: { region: string }, context: InventoryContext, info: GraphQLResolveInfo) => {
    const region = readRegion(args.region);
    const lookup = await context.loaders[loader].load({ region, sku: parent.sku });
    const path = responsePathAsArray(info.path);
    if (!lookup.known) {
      // Nothing to answer with: unknown everywhere that answered. If some system failed, say so.
      const [first, ...others] = lookup.failures;
      others.forEach((failure) => context.partialErrors.report(failure.error, path));
      if (first) throw first.error;
      return null;
    }
    lookup.failures.forEach((failure) => context.partialErrors.report(failure.error, path));
    return summarizeAvailability(parent.sku, region, lookup);
  };
}

async function stock(_: unknown, args: { skus: string[]; region: string }, context: InventoryContext, info: GraphQLResolveInfo) {
  const region: Region = readRegion(args.region);
  const keys: StockKey[] = readSkuList(args.skus).map((sku) => ({ region, sku }));
  const lookups = await Promise.all(keys.map((key) => context.loaders.variantStock.load(key)));
  const failures = new Map<string, SourceFailure>();
  lookups.forEach((lookup) => lookup.failures.forEach((failure) => failures.set(failure.source, failure)));
  failures.forEach((failure) => context.partialErrors.report(failure.error, responsePathAsArray(info.path)));
  return lookups.map((lookup, i): AvailabilityView | null => (lookup.known ? summarizeAvailability(keys[i]!.sku, region, lookup) : null));
}

async function reserveStock(_: unknown, args: ReserveArgs, context: InventoryContext) {
  requireInternalCall(context, 'reserveStock');
  const request = readReserveArgs(args);
  const outcome = await context.adapter.reserve(request);
  switch (outcome.status) {
    case 'reserved':
      if (outcome.changed) await context.invalidations.publish(changedStockTags([outcome.reservation.variantSku]));
      return { ...outcome.reservation, sku: outcome.reservation.variantSku };
    case 'unknown-sku':
      throw badUserInput(`No warehouse or store carries sku "${request.variantSku}"`);
    case 'insufficient':
      throw badUserInput(
        `Not enough stock to reserve ${request.quantity} of ${request.variantSku} in ${request.region}: ` +
          `${outcome.reservable} can be reserved from warehouses and stores (drop-ship stock cannot be reserved)`,
        { reason: 'INSUFFICIENT_STOCK', requested: request.quantity, reservable: outcome.reservable },
      );
  }
}

async function releaseStockReservation(_: unknown, args: { reference: string }, context: InventoryContext) {
  requireInternalCall(context, 'releaseStockReservation');
  const reference = readReference(args.reference);
  const { releasedSkus } = await context.adapter.release(reference);
  if (releasedSkus.length > 0) await context.invalidations.publish(changedStockTags(releasedSkus));
  return { reference, undone: releasedSkus.length > 0 };
}

export const resolvers: GraphQLResolverMap<InventoryContext> = {
  Product: { availability: availabilityOf('productStock') },
  ProductVariant: { availability: availabilityOf('variantStock') },
  Query: { stock },
  Mutation: { reserveStock, releaseStockReservation },
};
