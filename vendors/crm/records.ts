/** The CRM's own record shapes, as its REST API sends them (Salesforce field naming). */

export const API_BASE = '/services/data/v59.0';

export interface RecordAttributes {
  type: string;
  url: string;
}

/** A child relationship as Salesforce nests it inside a parent record. */
export interface RelatedList<R> {
  totalSize: number;
  done: true;
  records: R[];
}

export interface AddressRecord {
  attributes: RecordAttributes;
  Id: string;
  Type__c: 'Shipping' | 'Billing';
  Street__c: string;
  City__c: string;
  PostalCode__c: string;
  Country__c: string;
}

/** A tokenized card reference: the CRM never holds a full card number. */
export interface PaymentMethodRecord {
  attributes: RecordAttributes;
  Id: string;
  Card_Brand__c: string;
  Last4__c: string;
  Exp_Month__c: number;
  Exp_Year__c: number;
  Payment_Token__c: string;
}

export type LoyaltyTierPicklist = 'Bronze' | 'Silver' | 'Gold' | 'Platinum';

export interface ContactRecord {
  attributes: RecordAttributes;
  Id: string;
  CustomerNumber__c: string;
  Name: string;
  FirstName: string;
  LastName: string;
  Email: string;
  MobilePhone: string;
  MailingStreet: string | null;
  MailingCity: string | null;
  MailingPostalCode: string | null;
  MailingCountry: string | null;
  /** Multi-select picklist: values joined by `;`, `null` when none is selected. */
  Segments__c: string | null;
  Loyalty_Tier__c: LoyaltyTierPicklist;
  Loyalty_Points__c: number;
  /** Salesforce semantics: `true` means the contact does NOT want marketing email. */
  HasOptedOutOfEmail: boolean;
  SMS_Opt_In__c: boolean;
  Profiling_Consent__c: boolean;
  CreatedDate: string;
  LastModifiedDate: string;
  /** Addresses beyond the mailing address. */
  Addresses__r: RelatedList<AddressRecord> | null;
  Payment_Methods__r: RelatedList<PaymentMethodRecord> | null;
}

/** The consent fields the PATCH endpoint accepts. */
export const CONSENT_FIELDS = ['HasOptedOutOfEmail', 'SMS_Opt_In__c', 'Profiling_Consent__c'] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];

/** Salesforce answers errors as a JSON array of these. */
export interface ApiError {
  errorCode: string;
  message: string;
  fields?: string[];
}
