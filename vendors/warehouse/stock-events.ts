import { randomUUID } from 'node:crypto';
import type { StockRow } from './mapping.js';

/**
 * The ERP's business event for stock that moved, a CloudEvent as SAP's event mesh sends them: the
 * stock rows (material at a plant) as they are after the change.
 */
export function stockChangedEvent(rows: readonly StockRow[]) {
  return {
    specversion: '1.0',
    type: 'erp.materialstock.changed.v1',
    source: '/erp/v1/stock',
    id: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: {
      stock: rows.map(({ material, plant, on_hand, allocated, safety_stock }) => ({ material, plant, on_hand, allocated, safety_stock })),
    },
  };
}
