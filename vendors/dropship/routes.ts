import type { Express, Response } from 'express';
import { inRegion, type PartnerCatalog, type PartnerProduct } from './catalog.js';

const MAX_BATCH = 500;
const MAX_PER_PAGE = 200;

function invalid(res: Response, message: string): void {
  res.status(400).json({ error: 'invalid_request', message });
}

/** Catalog, availability batch, and the reservation endpoint this partner does not offer. */
export function addPartnerRoutes(app: Express, catalog: PartnerCatalog): void {
  app.get('/v1/capabilities', (_req, res) => {
    res.json({ reservations: false, availability: 'available_to_promise', regions: ['EU', 'US'] });
  });

  app.get('/v1/products', (req, res) => {
    const page = Number(req.query.page ?? 1);
    const perPage = Number(req.query.per_page ?? 50);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      return invalid(res, `page must be >= 1 and per_page 1..${MAX_PER_PAGE}`);
    }
    const start = (page - 1) * perPage;
    res.json({
      products: catalog.products.slice(start, start + perPage),
      page,
      per_page: perPage,
      total_entries: catalog.products.length,
      total_pages: Math.ceil(catalog.products.length / perPage),
    });
  });

  app.get('/v1/products/:partnerSku', (req, res) => {
    const product = catalog.byPartnerSku.get(req.params.partnerSku);
    if (!product) return res.status(404).json({ error: 'not_found', message: `No product ${req.params.partnerSku}` });
    res.json({ product });
  });

  /** Body: `{ merchant_skus?, merchant_parent_skus?, partner_skus?, region? }`; skus it does not carry come back in `unknown_skus`. */
  app.post('/v1/inventory/batch', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const lists = [body.merchant_skus ?? [], body.merchant_parent_skus ?? [], body.partner_skus ?? []];
    if (!lists.every(isStringArray) || (body.region !== undefined && typeof body.region !== 'string')) {
      return invalid(res, 'merchant_skus, merchant_parent_skus and partner_skus must be string arrays, region a string');
    }
    const [merchantSkus, parentSkus, partnerSkus] = lists as [string[], string[], string[]];
    const count = merchantSkus.length + parentSkus.length + partnerSkus.length;
    if (count === 0 || count > MAX_BATCH) return invalid(res, `Ask for 1 to ${MAX_BATCH} skus`);
    const found = new Map<string, PartnerProduct>();
    const unknown: string[] = [];
    const collect = (sku: string, products: PartnerProduct[] | undefined) => {
      if (!products) unknown.push(sku);
      for (const product of products ?? []) found.set(product.partner_sku, product);
    };
    for (const sku of merchantSkus) collect(sku, wrap(catalog.byMerchantSku.get(sku)));
    for (const sku of parentSkus) collect(sku, catalog.byMerchantParentSku.get(sku));
    for (const sku of partnerSkus) collect(sku, wrap(catalog.byPartnerSku.get(sku)));
    const region = body.region as string | undefined;
    res.json({ products: [...found.values()].map((product) => inRegion(product, region)), unknown_skus: unknown });
  });

  /** Stock is promised when the purchase order arrives; nothing can be put aside before. */
  app.post('/v1/reservations', (_req, res) => {
    res.status(501).json({
      error: 'reservations_not_supported',
      message: 'This partner does not reserve stock: available_to_promise is confirmed when a purchase order is placed.',
    });
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function wrap(product: PartnerProduct | undefined): PartnerProduct[] | undefined {
  return product ? [product] : undefined;
}
