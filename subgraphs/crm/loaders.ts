import DataLoader from 'dataloader';
import type { CrmAdapter, Customer } from './adapter.js';

/** Per-request batching: every customer a request resolves by id costs one CRM call together. */
export interface CrmLoaders {
  customers: DataLoader<string, Customer | null>;
}

export function createCrmLoaders(adapter: CrmAdapter): CrmLoaders {
  return { customers: new DataLoader((ids: readonly string[]) => adapter.customersByIds(ids)) };
}
