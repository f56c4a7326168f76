/** The PIM's own REST shapes (Akeneo-like): values per attribute, scoped and localized. */

/** One value of an attribute: `locale`/`scope` are null when the attribute is not localizable/scopable. */
export interface PimValue<T = unknown> {
  locale: string | null;
  scope: string | null;
  data: T;
}

export type PimValues = Record<string, PimValue[]>;

/** A file in the media gallery, with the link to download it. */
export interface PimMediaFile {
  code: string;
  media_type: 'image' | 'video';
  label: string;
  _links: { download: { href: string } };
}

/** The sellable product as modelled in the PIM: its variants hang off it by `parent`. */
export interface PimProductModel {
  code: string;
  family: string;
  family_variant: string;
  parent: null;
  categories: string[];
  values: PimValues;
}

/** A variant product: one buyable SKU, child of a product model. */
export interface PimVariantProduct {
  identifier: string;
  enabled: boolean;
  family: string;
  parent: string;
  categories: string[];
  values: PimValues;
}

export interface PimCategory {
  code: string;
  parent: string | null;
  labels: Record<string, string>;
}

/** One filter condition of the `search` query parameter, e.g. `{"operator":"IN","value":["a","b"]}`. */
export interface PimCondition {
  operator: string;
  value: unknown;
}

/** One value of a reference entity record: `channel`, not `scope`, as Akeneo names it there. */
export interface PimRecordValue {
  locale: string | null;
  channel: string | null;
  data: string;
}

/** A record of a reference entity, addressed by its `code`. */
export interface PimRecord {
  code: string;
  values: Record<string, PimRecordValue[]>;
  created: string;
  updated: string;
}
