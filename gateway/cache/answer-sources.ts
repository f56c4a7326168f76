import type { Served } from './fetch-cache.js';

/** What a whole answer may be kept under: when its oldest part was fetched, how long it stays fresh, its entities. */
export interface ReusableAnswer {
  fetchedAt: number;
  maxAgeSeconds: number;
  tags: string[];
}

/**
 * The fetches one request's answer was made of, as the data sources served them. The answer can be
 * reused whole only when every one of them could be shared: public, fresh (not stale), cacheable.
 */
export class AnswerSources {
  private shareable = true;
  private fetches = 0;
  private oldest = Infinity;
  private expires = Infinity;
  private readonly tags = new Set<string>();

  record({ policy, fetchedAt, ageSeconds, stale }: Served): void {
    this.fetches += 1;
    if (!policy || policy.scope !== 'public' || stale || policy.maxAgeSeconds <= ageSeconds) {
      this.shareable = false;
      return;
    }
    this.oldest = Math.min(this.oldest, fetchedAt);
    this.expires = Math.min(this.expires, fetchedAt + policy.maxAgeSeconds * 1000);
    policy.tags.forEach((tag) => this.tags.add(tag));
  }

  /** `null` when the answer must not be kept: a part of it was private, stale or uncacheable, or nothing was fetched. */
  reusable(): ReusableAnswer | null {
    if (!this.shareable || this.fetches === 0) return null;
    const maxAgeSeconds = Math.floor((this.expires - this.oldest) / 1000);
    if (maxAgeSeconds <= 0) return null;
    return { fetchedAt: this.oldest, maxAgeSeconds, tags: [...this.tags] };
  }
}
