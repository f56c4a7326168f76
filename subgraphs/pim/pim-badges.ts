import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import { vendorBadResponse, vendorRefusal } from '../../lib/subgraph/vendor-failures.js';
import type { PimAdapter, ProductBadge } from './adapter.js';
import type { VendorRecord } from './pim-http-shapes.js';

const RECORDS = '/api/rest/v1/reference-entities/product_badges/records';

/** What the PIM's collection PATCH answers per record: 201 made, 204 left as it was, 422 refused. */
interface RecordStatus {
  code: string;
  status_code: number;
}

/**
 * Badges as records of the PIM's `product_badges` reference entity, coded by the step's reference: the
 * PIM makes a record once (201) and leaves a code it has seen alone (204); deleting a record takes its
 * badge off the product.
 */
export function createBadgeCommands(client: VendorClient, productsByIds: PimAdapter['productsByIds']): Pick<PimAdapter, 'setProductBadge' | 'removeProductBadge'> {
  const recordPath = (reference: string) => `${RECORDS}/${encodeURIComponent(reference)}`;

  return {
    async setProductBadge(reference, productId, badge) {
      const [product] = await productsByIds([productId]);
      if (!product) return null;
      const value = (data: string) => [{ locale: null, channel: null, data }];
      const record = { code: reference, values: { product: value(product.sku), badge: value(badge) } };
      const answer = await client.send<RecordStatus[]>('PATCH', RECORDS, { body: [record] });
      if (!answer.ok) throw answer.error;
      const status = answer.body[0]?.status_code;
      const assigned = { reference, productId, productSku: product.sku, badge };
      if (status === 201) return { result: { ...assigned, status: 'SET' }, created: true };
      if (status !== 204) throw vendorRefusal({ vendor: 'pim' }, status ?? 500);
      // The reference was used before: whether its badge is still on, its record tells.
      const existing = await client.find<VendorRecord>(recordPath(reference));
      const result: ProductBadge = existing ? { ...assigned, badge: valueOf(existing, 'badge'), status: 'SET' } : { ...assigned, status: 'REMOVED' };
      return { result, created: false };
    },

    async removeProductBadge(reference) {
      const answer = await client.send<VendorRecord>('DELETE', recordPath(reference));
      if (answer.ok) return valueOf(answer.body, 'product');
      if (answer.status === 404) return null;
      throw answer.error;
    },
  };
}

function valueOf(record: VendorRecord, attribute: string): string {
  const data = record.values[attribute]?.[0]?.data;
  if (typeof data !== 'string') throw vendorBadResponse({ vendor: 'pim' }, `a badge record without "${attribute}"`);
  return data;
}
