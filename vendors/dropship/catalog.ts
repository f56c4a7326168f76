import type { Region, SeedData } from '../seed/index.js';

/** Available-to-promise of one partner product in one region. */
export interface RegionalAtp {
  region: Region;
  available_to_promise: number;
  lead_time_days: number;
}

/** A product the partner drop-ships for the merchant, mapped from the merchant's variant sku. */
export interface PartnerProduct {
  partner_sku: string;
  merchant_sku: string;
  merchant_parent_sku: string;
  availability: RegionalAtp[];
}

export interface PartnerCatalog {
  products: PartnerProduct[];
  byPartnerSku: Map<string, PartnerProduct>;
  byMerchantSku: Map<string, PartnerProduct>;
  byMerchantParentSku: Map<string, PartnerProduct[]>;
}

/** Only products with drop-ship stock are in the partner's catalog; partner skus are `DS-` + a sequence. */
export function createPartnerCatalog(data: SeedData): PartnerCatalog {
  const parentOf = new Map(data.products.flatMap((product) => product.variants.map((v) => [v.sku, product.sku] as const)));
  const catalog: PartnerCatalog = { products: [], byPartnerSku: new Map(), byMerchantSku: new Map(), byMerchantParentSku: new Map() };
  for (const row of data.dropshipStock) {
    let product = catalog.byMerchantSku.get(row.variantSku);
    if (!product) {
      product = {
        partner_sku: `DS-${String(catalog.products.length + 1).padStart(6, '0')}`,
        merchant_sku: row.variantSku,
        merchant_parent_sku: parentOf.get(row.variantSku)!,
        availability: [],
      };
      catalog.products.push(product);
      catalog.byPartnerSku.set(product.partner_sku, product);
      catalog.byMerchantSku.set(product.merchant_sku, product);
      const siblings = catalog.byMerchantParentSku.get(product.merchant_parent_sku) ?? [];
      siblings.push(product);
      catalog.byMerchantParentSku.set(product.merchant_parent_sku, siblings);
    }
    product.availability.push({ region: row.region, available_to_promise: row.available, lead_time_days: row.leadTimeDays });
  }
  return catalog;
}

/** A product with only the availability of one region, when a region is asked for. */
export function inRegion(product: PartnerProduct, region: string | undefined): PartnerProduct {
  if (region === undefined) return product;
  return { ...product, availability: product.availability.filter((atp) => atp.region === region) };
}
