import type { TokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import { loadOperations } from '../gateway/operations/registry.js';
import { DECLINED_CARD_CUSTOMERS } from '../vendors/seed/payments.js';
import { REGIONS, seedData, type Region } from '../vendors/seed/index.js';

/** One placeOrder request: the body and headers of a POST to a gateway. */
export interface OrderRequest {
  body: string;
  headers: Record<string, string>;
}

/** Agents run only registered operations: the bench sends the PlaceOrder tool's own document. */
const PLACE_ORDER = loadOperations().byName.get('PlaceOrder')!.body;

/** Units a variant must have above safety stock in its region's warehouses to be ordered here. */
const MIN_UNITS = 100;
const CUSTOMERS = 100;
/**
 * Agents taking turns, each acting for one customer, named after the run: each may move 2,000 EUR a day
 * (the agent-money-per-day guardrail), which one agent placing every order of a run would pass in seconds.
 */
const AGENTS = 1_000;

/**
 * Orders that can all succeed: one unit each, of variants that have at least MIN_UNITS above safety
 * stock in a region's warehouses, taken in turn (some 2,000 of them over EU, US and UK: far more
 * orders than a run places before any variant runs low), so the guardrails allow them and the
 * warehouses have the stock. The regions alternate, spreading the bookings over three regions'
 * shipping capacity. Customers take turns too, each with an agent token acting for them.
 */
export function orderableLines(): { region: Region; sku: string }[] {
  const { warehouses, warehouseStock } = seedData();
  const units = new Map(REGIONS.map((region) => [region, new Map<string, number>()]));
  for (const row of warehouseStock) {
    const inRegion = units.get(warehouses.find((warehouse) => warehouse.id === row.warehouseId)!.region)!;
    inRegion.set(row.variantSku, (inRegion.get(row.variantSku) ?? 0) + Math.max(0, row.onHand - row.allocated - row.safetyStock));
  }
  const orderable = REGIONS.map((region) => [...units.get(region)!].filter(([, available]) => available >= MIN_UNITS).map(([sku]) => ({ region, sku })));
  const longest = Math.max(...orderable.map((lines) => lines.length));
  return Array.from({ length: longest }, (_, i) => orderable.flatMap((lines) => lines[i] ?? [])).flat();
}

export const ORDER_MIX = `${AGENTS} agents of this run in turn, each acting for one of ${CUSTOMERS} customers, one unit per order of a variant with ${MIN_UNITS}+ units above safety stock (EU, US, UK in turn)`;

/** An endless stream of distinct orders, their idempotency keys `<prefix>-<n>`. */
export async function orderStream(keys: TokenKeys, prefix: string): Promise<() => OrderRequest> {
  const lines = orderableLines();
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `C${String(i + 1).padStart(4, '0')}`).filter((id) => !DECLINED_CARD_CUSTOMERS.includes(id));
  const agents = await Promise.all(
    Array.from({ length: AGENTS }, async (_, i) => {
      const customerId = customers[i % customers.length]!;
      const token = await mintToken({ kind: 'agent', id: `bench-bot-${prefix}-${i}`, scopes: ['orders:place'], onBehalfOf: customerId }, keys, '2h');
      return { customerId, authorization: `Bearer ${token}` };
    }),
  );
  let n = 0;
  return () => {
    const { customerId, authorization } = agents[n % agents.length]!;
    const { region, sku } = lines[n % lines.length]!;
    const variables = { customerId, region, lines: [{ sku, quantity: 1 }], idempotencyKey: `${prefix}-${n++}`, reason: 'bench' };
    return {
      body: JSON.stringify({ query: PLACE_ORDER, variables }),
      headers: { 'content-type': 'application/json', authorization },
    };
  };
}
