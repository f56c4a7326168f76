import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { BookingOutcome, FulfillmentAdapter } from './adapter.js';
import {
  toBooking,
  toCapacityDays,
  toItem,
  toShippingServices,
  type WmsCalendar,
  type WmsCarrier,
  type WmsItem,
  type WmsShipment,
} from './wms-mapping.js';

/** The fulfillment port over the WMS's REST API (`/wms/v1`). */
export function createWmsHttpAdapter(connection: VendorConnection): FulfillmentAdapter {
  const client = createVendorClient({ vendor: 'wms', ...connection });

  return {
    async itemsBySkus(skus) {
      const { items } = await client.post<{ items: WmsItem[] }>('/wms/v1/items/lookup', { item_numbers: skus });
      const byNumber = new Map(items.map((item) => [item.item_number, toItem(item)]));
      return skus.map((sku) => byNumber.get(sku) ?? null);
    },

    async regionOutlook(region, from, days) {
      const query = { region, from, days, include: 'carriers' };
      const response = await client.get<WmsCalendar>('/wms/v1/capacity-calendar', query);
      return { region, capacity: toCapacityDays(response), services: toShippingServices(response.carriers ?? []) };
    },

    async warehouseCapacity(warehouseId, from, days) {
      const query = { site_ref: warehouseId ?? undefined, from, days };
      return toCapacityDays(await client.get<WmsCalendar>('/wms/v1/capacity-calendar', query));
    },

    async shippingServices(region) {
      const { carriers } = await client.get<{ carriers: WmsCarrier[] }>('/wms/v1/carriers', { lane: region });
      return toShippingServices(carriers);
    },

    async book(request): Promise<BookingOutcome> {
      const body = { item_number: request.sku, region_code: request.region, ship_date: request.shipDate, client_reference: request.reference };
      const answer = await client.send<WmsShipment>('POST', '/wms/v1/shipments', { body });
      // 201: booked now; 200: the WMS had a shipment for this reference already.
      if (answer.ok) return { booked: toBooking(answer.body), changed: answer.status === 201 };
      const message = (answer.body as { message?: string } | null)?.message ?? `HTTP ${answer.status}`;
      if (answer.status === 409) return { refused: 'NO_CAPACITY', message };
      if (answer.status === 422) return { refused: 'UNKNOWN_SKU', message };
      throw answer.error;
    },

    async cancelBooking(reference) {
      const answer = await client.post<{ cancelled: boolean; shipment: WmsShipment | null }>('/wms/v1/shipments/cancel', { client_reference: reference });
      return answer.cancelled ? toBooking(answer.shipment!) : null;
    },
  };
}
