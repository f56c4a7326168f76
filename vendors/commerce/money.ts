import { createHash } from 'node:crypto';
import { CURRENCY_BY_REGION, type Region } from '../seed/index.js';
import type { CentPrecisionMoney, ResourceReference } from './types.js';

/** The platform's own ids: stable UUID-shaped hashes, so restarts give the same ids. */
export function platformId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`${kind}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function centMoney(centAmount: number, currencyCode: string): CentPrecisionMoney {
  return { type: 'centPrecision', centAmount, currencyCode, fractionDigits: 2 };
}

export function regionMoney(centAmount: number, region: Region): CentPrecisionMoney {
  return centMoney(centAmount, CURRENCY_BY_REGION[region]);
}

/** Each region is sold through its own store, whose prices live in a channel of the same key. */
const STORE_KEY_BY_REGION: Record<Region, string> = { EU: 'eu-webshop', US: 'us-webshop', UK: 'uk-webshop' };

export function storeOf(region: Region): ResourceReference {
  return { typeId: 'store', key: STORE_KEY_BY_REGION[region] };
}

export function channelOf(region: Region): ResourceReference {
  return { typeId: 'channel', key: STORE_KEY_BY_REGION[region] };
}

export function regionOfStore(storeKey: string | undefined): Region | undefined {
  return (Object.keys(STORE_KEY_BY_REGION) as Region[]).find((region) => STORE_KEY_BY_REGION[region] === storeKey);
}

export function sumMoney(amounts: CentPrecisionMoney[], currencyCode: string): CentPrecisionMoney {
  return centMoney(
    amounts.reduce((sum, money) => sum + money.centAmount, 0),
    currencyCode,
  );
}
