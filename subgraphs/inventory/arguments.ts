import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { REGIONS, type Region } from './adapter.js';
import { readReference } from '../../lib/subgraph/internal-calls.js';

export const MAX_STOCK_SKUS = 100;
export const MAX_RESERVATION_QUANTITY = 1000;

export function readRegion(region: string): Region {
  if (!(REGIONS as readonly string[]).includes(region)) {
    throw badUserInput(`Unknown region "${region}": use one of ${REGIONS.join(', ')}`);
  }
  return region as Region;
}

export function readSkuList(skus: readonly string[]): string[] {
  if (skus.length < 1 || skus.length > MAX_STOCK_SKUS) throw badUserInput(`Ask for 1 to ${MAX_STOCK_SKUS} skus, got ${skus.length}`);
  return [...skus];
}

export interface ReserveArgs {
  sku: string;
  region: string;
  quantity: number;
  reference: string;
}

export function readReserveArgs(args: ReserveArgs) {
  const region = readRegion(args.region);
  if (args.sku.trim() === '') throw badUserInput('"sku" must not be empty');
  if (!Number.isInteger(args.quantity) || args.quantity < 1 || args.quantity > MAX_RESERVATION_QUANTITY) {
    throw badUserInput(`"quantity" must be between 1 and ${MAX_RESERVATION_QUANTITY}, got ${args.quantity}`);
  }
  return { variantSku: args.sku, region, quantity: args.quantity, reference: readReference(args.reference) };
}

