import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import type { CommerceAdapter } from './adapter.js';
import { cartStoreOf, toOrder } from './commercetools-mapping.js';
import { unknownSkus } from './commercetools-skus.js';
import type { CtOrder } from './commercetools-types.js';
import { isInvalidInput, undone, written } from './commercetools-writes.js';

/**
 * Orders placed by steps: an OrderImportDraft whose `orderNumber` is the step's reference (the
 * platform answers an order number it has with that order, unchanged), cancelled by its number.
 */
export function createOrderCommands(client: VendorClient): Pick<CommerceAdapter, 'createOrder' | 'cancelOrder'> {
  return {
    async createOrder({ reference, customerId, region, lines }) {
      const { store } = cartStoreOf(region);
      const lineItems = lines.map(({ sku, quantity }) => ({ variant: { sku }, quantity }));
      const answer = await client.send<CtOrder>('POST', '/orders/import', { body: { orderNumber: reference, customerId, store, lineItems } });
      if (answer.ok) return written(answer, toOrder);
      const unknown = isInvalidInput(answer) ? await unknownSkus(client, lines.map((line) => line.sku)) : [];
      if (unknown.length > 0) return { refused: 'UNKNOWN_SKU', skus: unknown };
      throw answer.error;
    },

    async cancelOrder(reference) {
      const path = `/orders/order-number=${encodeURIComponent(reference)}`;
      const cancelled = undone(await client.send<CtOrder>('POST', path, { body: { actions: [{ action: 'changeOrderState', orderState: 'Cancelled' }] } }));
      return cancelled && toOrder(cancelled);
    },
  };
}
