import type { Request } from 'express';
import { badRequest } from './errors.js';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

interface Link {
  href: string;
}

/** Akeneo's page-based list: `_links` to neighbour pages, `current_page`, and `items_count` on request. */
export interface PimPage<T> {
  _links: { self: Link; first: Link; previous?: Link; next?: Link };
  current_page: number;
  items_count?: number;
  _embedded: { items: T[] };
  /** Codes a batch lookup asked for that do not exist. */
  missing?: string[];
}

function positive(raw: unknown, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw badRequest(`${name} must be an integer from 1 to ${max}`);
  return value;
}

/** Cuts one page of `items` as `?page=&limit=&with_count=` ask, with links that keep the other parameters. */
export function pageOf<T>(req: Request, items: T[], missing?: string[]): PimPage<T> {
  const page = positive(req.query.page, 'page', 1);
  const limit = positive(req.query.limit, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
  const withCount = req.query.with_count === 'true';
  const link = (target: number): Link => {
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host')}`);
    url.searchParams.set('page', String(target));
    url.searchParams.set('limit', String(limit));
    return { href: url.toString() };
  };
  const start = (page - 1) * limit;
  return {
    _links: {
      self: link(page),
      first: link(1),
      ...(page > 1 ? { previous: link(page - 1) } : {}),
      ...(start + limit < items.length ? { next: link(page + 1) } : {}),
    },
    current_page: page,
    ...(withCount ? { items_count: items.length } : {}),
    _embedded: { items: items.slice(start, start + limit) },
    ...(missing ? { missing } : {}),
  };
}
