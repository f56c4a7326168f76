import { randomUUID } from 'node:crypto';
import type { Price, ProductProjection, ProductVariant } from './types.js';

/** The platform's subscription message for a changed price of one variant (`ProductPriceChanged`). */
export function priceChangedMessage(product: ProductProjection, variant: ProductVariant, oldPrice: Price, newPrice: Price) {
  const now = new Date().toISOString();
  return {
    notificationType: 'Message',
    projectKey: 'commerce-simulator',
    id: randomUUID(),
    version: 1,
    sequenceNumber: product.version,
    resource: { typeId: 'product', id: product.id },
    resourceVersion: product.version,
    resourceUserProvidedIdentifiers: { key: product.key },
    type: 'ProductPriceChanged',
    variantId: variant.id,
    oldPrice,
    newPrice,
    staged: false,
    createdAt: now,
    lastModifiedAt: now,
  };
}
