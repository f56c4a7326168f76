import { judge, type Verdict } from './verdict.js';

export interface CapacityFacts {
  sku: string;
  region: string;
  /** The ship date the delivery promise would be made for, `YYYY-MM-DD`. */
  shipDate: string;
  /** The first day on or after `shipDate` a warehouse of the region has room for this item; `null` for none in the window. */
  firstShipDateWithCapacity: string | null;
}

/** A delivery is promised only for a day the region's warehouses have the capacity to ship it. */
export function warehouseCapacity(facts: CapacityFacts): Verdict {
  const { sku, region, shipDate, firstShipDateWithCapacity: first } = facts;
  return judge(
    'warehouse-capacity',
    first === shipDate,
    { subject: sku, limit: first ? `first ship date with capacity ${first}` : 'no capacity in the booking window', value: `ship date ${shipDate}` },
    {
      allow: `A warehouse in ${region} has capacity to ship ${sku} on ${shipDate}.`,
      otherwise: first
        ? `No warehouse in ${region} can ship ${sku} on ${shipDate}; the first day with capacity is ${first}.`
        : `No warehouse in ${region} has capacity to ship ${sku} in the booking window.`,
    },
  );
}
