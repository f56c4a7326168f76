import type { EffectsLedger } from '../kit/effects.js';
import { recordId } from './ids.js';
import { toSalesforceDate } from './mapping.js';
import { API_BASE, type RecordAttributes } from './records.js';
import type { FieldValues } from './sobject-fields.js';
import type { SObjectType } from './sobject-types.js';

/** A record of a custom object, keyed by the caller's `ExternalId__c`. */
export interface SObjectRecord {
  attributes: RecordAttributes;
  Id: string;
  ExternalId__c: string;
  CreatedDate: string;
  LastModifiedDate: string;
  [field: string]: unknown;
}

/** The records of one object type. An insert or an update that changes a field is an effect; an update that changes nothing is not. */
export interface SObjectStore {
  type: SObjectType;
  byExternalId(externalId: string): SObjectRecord | undefined;
  insert(externalId: string, values: FieldValues): SObjectRecord;
  update(record: SObjectRecord, values: FieldValues): void;
}

export function createSObjectStore(type: SObjectType, effects: EffectsLedger): SObjectStore {
  const byExternalId = new Map<string, SObjectRecord>();

  return {
    type,
    byExternalId: (externalId) => byExternalId.get(externalId),
    insert(externalId, values) {
      const Id = recordId(type.keyPrefix, byExternalId.size + 1);
      const now = toSalesforceDate(new Date().toISOString());
      const record: SObjectRecord = {
        attributes: { type: type.name, url: `${API_BASE}/sobjects/${type.name}/${Id}` },
        Id, ExternalId__c: externalId, ...type.defaults, ...values, CreatedDate: now, LastModifiedDate: now,
      };
      byExternalId.set(externalId, record);
      effects.record({ kind: type.effect, reference: externalId, fields: values });
      return record;
    },
    update(record, values) {
      const changed = Object.fromEntries(Object.entries(values).filter(([field, value]) => record[field] !== value));
      if (Object.keys(changed).length === 0) return;
      Object.assign(record, changed, { LastModifiedDate: toSalesforceDate(new Date().toISOString()) });
      effects.record({ kind: `${type.effect}-update`, reference: record.ExternalId__c, fields: changed });
    },
  };
}
