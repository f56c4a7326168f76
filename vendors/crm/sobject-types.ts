import { KEY_PREFIX } from './ids.js';

/** How a field of a custom object is written. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'positive-number' }
  | { kind: 'boolean' }
  | { kind: 'picklist'; values: readonly string[] }
  /** A lookup to a Contact, set by its external id (`Contact__r: { CustomerNumber__c }`), kept as its Id in `Contact__c`. */
  | { kind: 'contact-lookup' };

/** An object the org keeps by the caller's `ExternalId__c`, upserted and updated through the sObject API. */
export interface SObjectType {
  name: string;
  keyPrefix: string;
  /** The kind of effect its insert records (`campaign`); its updates record `<kind>-update`. */
  effect: string;
  fields: Readonly<Record<string, FieldKind>>;
  /** Fields an insert must set (a lookup by the field it is kept in, e.g. `Contact__c`). */
  required: readonly string[];
  /** What an insert that leaves a field out gets. */
  defaults: Readonly<Record<string, unknown>>;
}

/** Marketing campaigns: one per promotion, to a segment, about some products (ids joined by `;`). */
export const CAMPAIGN: SObjectType = {
  name: 'Campaign',
  keyPrefix: KEY_PREFIX.campaign,
  effect: 'campaign',
  fields: {
    Name: { kind: 'text' },
    Type: { kind: 'picklist', values: ['Email', 'Advertisement', 'Other'] },
    Status: { kind: 'picklist', values: ['Planned', 'In Progress', 'Completed', 'Aborted'] },
    IsActive: { kind: 'boolean' },
    Segment__c: { kind: 'text' },
    Product_Ids__c: { kind: 'text' },
  },
  required: ['Name'],
  defaults: { Type: 'Email', Status: 'In Progress', IsActive: true },
};

/** Credits customer service grants a customer, in a currency, until revoked. */
export const GOODWILL_CREDIT: SObjectType = {
  name: 'Goodwill_Credit__c',
  keyPrefix: KEY_PREFIX.goodwillCredit,
  effect: 'goodwill-credit',
  fields: {
    Contact__r: { kind: 'contact-lookup' },
    Amount__c: { kind: 'positive-number' },
    CurrencyIsoCode: { kind: 'picklist', values: ['EUR', 'USD', 'GBP'] },
    Reason__c: { kind: 'text' },
    Status__c: { kind: 'picklist', values: ['Granted', 'Revoked'] },
  },
  required: ['Contact__c', 'Amount__c', 'CurrencyIsoCode'],
  defaults: { Status__c: 'Granted' },
};
