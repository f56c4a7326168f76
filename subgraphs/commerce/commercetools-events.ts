import { entityTag } from '../../lib/invalidation/message.js';
import { kindOf, MalformedEvent, type ChangeFeed } from '../../lib/subgraph/change-feed.js';

/** A subscription message of the platform, as far as this feed reads it. */
interface CtMessage {
  resource?: { typeId?: unknown };
  resourceUserProvidedIdentifiers?: { key?: unknown };
}

/**
 * The platform's subscription messages: one about a product (its prices changed, for one) names the
 * product by its key, our product id, whose prices, cost and margin are tagged `Product:<id>`.
 * Messages about other resources change nothing this subgraph's answers are tagged with.
 */
export const commercetoolsChangeFeed: ChangeFeed = {
  vendor: 'commerce',
  tagsOf(event) {
    if (kindOf(event, 'notificationType') !== 'Message') return [];
    const { resource, resourceUserProvidedIdentifiers } = event as CtMessage;
    if (resource?.typeId !== 'product') return [];
    const key = resourceUserProvidedIdentifiers?.key;
    if (typeof key !== 'string') throw new MalformedEvent('a product message without "resourceUserProvidedIdentifiers.key"');
    return [entityTag('Product', key)];
  },
};
