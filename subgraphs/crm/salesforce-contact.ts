import type { Address, Consent, Customer, LoyaltyTier, PaymentMethod } from './adapter.js';

/** The parts of the CRM's Contact record this subgraph reads (Salesforce field naming). */
export interface ContactRecord {
  CustomerNumber__c: string;
  FirstName: string;
  LastName: string;
  Email: string | null;
  MobilePhone: string | null;
  MailingStreet: string | null;
  MailingCity: string | null;
  MailingPostalCode: string | null;
  MailingCountry: string | null;
  /** Multi-select picklist: `vip;b2b`, or null. */
  Segments__c: string | null;
  Loyalty_Tier__c: string;
  Loyalty_Points__c: number;
  /** The inverse of email consent. */
  HasOptedOutOfEmail: boolean;
  SMS_Opt_In__c: boolean;
  Profiling_Consent__c: boolean;
  Addresses__r: RelatedList<AddressRecord> | null;
  Payment_Methods__r: RelatedList<PaymentMethodRecord> | null;
}

interface RelatedList<R> {
  records: R[];
}

interface AddressRecord {
  Type__c: string;
  Street__c: string;
  City__c: string;
  PostalCode__c: string;
  Country__c: string;
}

/** Card data stays tokenized in the CRM; the token itself is deliberately never read. */
interface PaymentMethodRecord {
  Id: string;
  Card_Brand__c: string;
  Last4__c: string;
  Exp_Month__c: number;
  Exp_Year__c: number;
}

export type ConsentFields = Partial<Pick<ContactRecord, 'HasOptedOutOfEmail' | 'SMS_Opt_In__c' | 'Profiling_Consent__c'>>;

export function toCustomer(contact: ContactRecord): Customer {
  return {
    id: contact.CustomerNumber__c,
    firstName: contact.FirstName,
    lastName: contact.LastName,
    email: contact.Email,
    phone: contact.MobilePhone,
    addresses: [...mailingAddress(contact), ...(contact.Addresses__r?.records ?? []).map(toAddress)],
    segments: contact.Segments__c ? contact.Segments__c.split(';') : [],
    loyalty: { tier: contact.Loyalty_Tier__c.toUpperCase() as LoyaltyTier, points: Math.round(contact.Loyalty_Points__c) },
    consent: {
      email: !contact.HasOptedOutOfEmail,
      sms: contact.SMS_Opt_In__c,
      profiling: contact.Profiling_Consent__c,
    },
    paymentMethods: (contact.Payment_Methods__r?.records ?? []).map(toPaymentMethod),
  };
}

/** Our consent changes as the CRM's fields; fields not being changed are left out. */
export function toConsentFields(changes: Partial<Consent>): ConsentFields {
  return {
    ...(changes.email === undefined ? {} : { HasOptedOutOfEmail: !changes.email }),
    ...(changes.sms === undefined ? {} : { SMS_Opt_In__c: changes.sms }),
    ...(changes.profiling === undefined ? {} : { Profiling_Consent__c: changes.profiling }),
  };
}

function mailingAddress(contact: ContactRecord): Address[] {
  const { MailingStreet, MailingCity, MailingPostalCode, MailingCountry } = contact;
  if (MailingStreet === null || MailingCity === null || MailingPostalCode === null || MailingCountry === null) return [];
  return [{ kind: 'SHIPPING', line1: MailingStreet, city: MailingCity, postalCode: MailingPostalCode, country: MailingCountry }];
}

function toAddress(record: AddressRecord): Address {
  return {
    kind: record.Type__c === 'Billing' ? 'BILLING' : 'SHIPPING',
    line1: record.Street__c,
    city: record.City__c,
    postalCode: record.PostalCode__c,
    country: record.Country__c,
  };
}

function toPaymentMethod(record: PaymentMethodRecord): PaymentMethod {
  return {
    id: record.Id,
    brand: record.Card_Brand__c,
    last4: record.Last4__c,
    expiryMonth: record.Exp_Month__c,
    expiryYear: record.Exp_Year__c,
  };
}
