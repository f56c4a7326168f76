import type { VendorAnswer, VendorClient } from '../../lib/subgraph/vendor-client.js';
import { vendorBadResponse } from '../../lib/subgraph/vendor-failures.js';

export const API = '/services/data/v59.0';

/** What an upsert answers: `created` tells an insert (201) from an update of the record there (200). */
export interface UpsertResult {
  id: string;
  success: boolean;
  created: boolean;
}

/** A custom object the org keeps by the caller's `ExternalId__c`: records upserted and read by it. */
export interface ExternalIdObject<R> {
  /** Inserts the record, or sets the fields given on the one there (fields not given stay as they are). */
  upsert(externalId: string, fields: Record<string, unknown>): Promise<VendorAnswer<UpsertResult>>;
  find(externalId: string): Promise<R | null>;
  /** The record an upsert found there (the upsert repeated a step): read back for its state now. */
  readBack(externalId: string): Promise<R>;
  /**
   * Sets `fields` on the record under `externalId`, unless there is none or `undoneAlready` says its
   * state is what they would set; whether it did. (An upsert alone would insert a record that is not there.)
   */
  undo(externalId: string, undoneAlready: (record: R) => boolean, fields: Record<string, unknown>): Promise<boolean>;
}

export function externalIdObject<R>(client: VendorClient, objectName: string): ExternalIdObject<R> {
  const path = (externalId: string) => `${API}/sobjects/${objectName}/ExternalId__c/${encodeURIComponent(externalId)}`;
  const upsert = (externalId: string, fields: Record<string, unknown>) => client.send<UpsertResult>('PATCH', path(externalId), { body: fields });
  const find = (externalId: string) => client.find<R>(path(externalId));
  return {
    upsert,
    find,
    async readBack(externalId) {
      const record = await find(externalId);
      if (!record) throw vendorBadResponse({ vendor: 'crm' }, `no ${objectName} under the external id it upserted`);
      return record;
    },
    async undo(externalId, undoneAlready, fields) {
      const record = await find(externalId);
      if (!record || undoneAlready(record)) return false;
      const answer = await upsert(externalId, fields);
      if (!answer.ok) throw answer.error;
      return true;
    },
  };
}

export interface CampaignRecord {
  ExternalId__c: string;
  Name: string;
  Segment__c: string | null;
  /** Product ids joined by `;`. */
  Product_Ids__c: string | null;
  Status: string;
}

export interface GoodwillCreditRecord {
  ExternalId__c: string;
  /** Formula field: the credited Contact's `CustomerNumber__c`. */
  Customer_Number__c: string;
  Amount__c: number;
  CurrencyIsoCode: string;
  Reason__c: string | null;
  Status__c: string;
}

export interface NegotiatedDiscountRecord {
  Customer_Number__c: string;
  Product_Code__c: string | null;
  Product_Family__c: string | null;
  Discount_Percent__c: number;
  Valid_From__c: string;
  Valid_Until__c: string;
}

/** Salesforce's error body: an array of these. */
export interface SalesforceError {
  errorCode: string;
  message: string;
  fields?: string[];
}
