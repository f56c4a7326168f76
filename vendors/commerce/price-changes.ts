import type { EffectsLedger } from '../kit/effects.js';
import type { SkuEntry } from './catalog.js';
import { invalidInput } from './errors.js';
import { centMoney, platformId } from './money.js';
import type { Price, PriceChange } from './types.js';
import { changesNothing, readUpdate, unknownAction } from './writes.js';

/** A PriceChangeDraft, checked against the catalog: the variant, its channel, and the new list price in cents. */
export interface PriceChangeRequest {
  key: string;
  entry: SkuEntry;
  channelKey: string;
  centAmount: number;
}

/** The price changes, kept by key; while applied, the latest one of a variant's price in a channel sets it. */
export interface PriceChangeStore {
  byKey: ReadonlyMap<string, PriceChange>;
  /** The latest change applied to a variant's price in a channel, if any. */
  appliedTo(sku: string, channelKey: string): PriceChange | undefined;
  create(request: PriceChangeRequest, previousPrice: Price): PriceChange;
  /** Applies the update actions of a `POST /price-changes/key=:key` body (`revert`). */
  update(change: PriceChange, body: unknown): PriceChange;
}

export function createPriceChangeStore(effects: EffectsLedger): PriceChangeStore {
  const byKey = new Map<string, PriceChange>();
  const byPrice = new Map<string, PriceChange[]>();
  const priceKey = (sku: string, channelKey: string) => `${sku} ${channelKey}`;

  function create({ key, entry, channelKey, centAmount }: PriceChangeRequest, previousPrice: Price): PriceChange {
    const now = new Date().toISOString();
    const { sku } = entry.variant;
    const change: PriceChange = {
      id: platformId('price-change', key), key, version: 1, productKey: entry.product.key, sku,
      channel: { typeId: 'channel', key: channelKey }, value: centMoney(centAmount, previousPrice.value.currencyCode),
      previousPrice, state: 'Applied', createdAt: now, lastModifiedAt: now,
    };
    byKey.set(key, change);
    byPrice.set(priceKey(sku, channelKey), [...(byPrice.get(priceKey(sku, channelKey)) ?? []), change]);
    effects.record({ kind: 'price-change', reference: key, sku, channel: channelKey, centAmount });
    return change;
  }

  function update(change: PriceChange, body: unknown): PriceChange {
    for (const action of readUpdate(change, body)) {
      if (action.action !== 'revert') throw unknownAction(action);
      if (change.state === 'Reverted') throw changesNothing(`The price change '${change.key}' is already reverted.`);
      Object.assign(change, { state: 'Reverted', version: change.version + 1, lastModifiedAt: new Date().toISOString() });
      effects.record({ kind: 'price-revert', reference: change.key, sku: change.sku, channel: change.channel.key });
    }
    return change;
  }

  return {
    byKey,
    appliedTo: (sku, channelKey) => (byPrice.get(priceKey(sku, channelKey)) ?? []).findLast((change) => change.state === 'Applied'),
    create,
    update,
  };
}

/**
 * What `POST /price-changes` takes: `{ key, sku, channel: { typeId: "channel", key }, value: { currencyCode, centAmount } }`,
 * for a variant the catalog has, priced in that channel, in the channel's currency.
 */
export function readPriceChangeDraft(input: unknown, bySku: ReadonlyMap<string, SkuEntry>): PriceChangeRequest {
  const draft = (input ?? {}) as Partial<Record<string, unknown>>;
  const { key, sku, channel, value } = draft;
  if (typeof key !== 'string' || key === '') throw invalidInput("PriceChangeDraft needs a 'key'.");
  const entry = bySku.get(String(sku));
  if (!entry) throw invalidInput(`A product variant with the SKU '${String(sku)}' does not exist.`);
  const channelKey = (channel as { key?: unknown } | undefined)?.key;
  const price = entry.variant.prices.find((candidate) => candidate.channel.key === channelKey);
  if (!price) throw invalidInput(`The variant has no price in channel '${String(channelKey)}'.`);
  const { centAmount, currencyCode } = (value ?? {}) as { centAmount?: unknown; currencyCode?: unknown };
  if (typeof centAmount !== 'number' || !Number.isInteger(centAmount) || centAmount <= 0 || currencyCode !== price.value.currencyCode) {
    throw invalidInput(`PriceChangeDraft: 'value' must be positive whole cents in ${price.value.currencyCode}.`);
  }
  return { key, entry, channelKey: price.channel.key!, centAmount };
}
