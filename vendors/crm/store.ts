import type { SeedCustomer } from '../seed/index.js';
import { toContact, toSalesforceDate } from './mapping.js';
import { CONSENT_FIELDS, type ConsentField, type ContactRecord } from './records.js';

/** The org's Contacts, indexed once; consent updates change the records in place. */
export interface ContactStore {
  byId(id: string): ContactRecord | undefined;
  byCustomerNumber(customerNumber: string): ContactRecord | undefined;
  /** Every contact (or those whose `Segments__c` includes `segment`), ordered by `CustomerNumber__c`. */
  matching(segment: string | null): readonly ContactRecord[];
  updateConsent(contact: ContactRecord, changes: Partial<Record<ConsentField, boolean>>): ContactRecord;
}

export function createContactStore(customers: readonly SeedCustomer[]): ContactStore {
  const ordered = customers.map(toContact).sort((a, b) => a.CustomerNumber__c.localeCompare(b.CustomerNumber__c));
  const byId = new Map(ordered.map((contact) => [contact.Id, contact]));
  const byCustomerNumber = new Map(ordered.map((contact) => [contact.CustomerNumber__c, contact]));
  const bySegment = new Map<string, ContactRecord[]>();
  for (const contact of ordered) {
    for (const segment of contact.Segments__c?.split(';') ?? []) {
      const members = bySegment.get(segment) ?? [];
      members.push(contact);
      bySegment.set(segment, members);
    }
  }

  return {
    byId: (id) => byId.get(id),
    byCustomerNumber: (customerNumber) => byCustomerNumber.get(customerNumber),
    matching: (segment) => (segment === null ? ordered : (bySegment.get(segment) ?? [])),
    updateConsent(contact, changes) {
      for (const field of CONSENT_FIELDS) {
        const value = changes[field];
        if (value !== undefined) contact[field] = value;
      }
      contact.LastModifiedDate = toSalesforceDate(new Date().toISOString());
      return contact;
    },
  };
}
