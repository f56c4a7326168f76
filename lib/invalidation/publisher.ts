import { randomUUID } from 'node:crypto';
import { withTypeTags, type Invalidation } from './message.js';

/**
 * Where a subgraph publishes the tags of what changed (after a write, or when its vendor reports a
 * change), for every gateway to drop what it cached under them.
 */
export interface TagPublisher {
  /**
   * Publishes the tags and their type tags. Never throws: the change it reports has already
   * happened at the vendor, so a failure is logged and counted (see `report`), not passed on.
   */
  publish(tags: readonly string[]): Promise<void>;
  /** What was published and what failed since the start, for `/health`. */
  report(): PublishReport;
  close(): Promise<void>;
}

export interface PublishReport {
  /** How invalidations travel: `redis`, `http`, or `none` for a subgraph with no cache in front of it. */
  via: string;
  published: number;
  failed: number;
  /** Why the last failure failed. */
  lastFailure?: string;
}

/** How an invalidation's JSON body reaches the gateways; `send` throws, saying why, when it did not. */
export interface InvalidationTransport {
  readonly name: string;
  send(body: string): Promise<void>;
  close(): Promise<void>;
}

/** A publisher over `transport` that logs (with `log`) and counts each invalidation it could not send. */
export function createTagPublisher(transport: InvalidationTransport, log: (message: string) => void = console.error): TagPublisher {
  const counts: PublishReport = { via: transport.name, published: 0, failed: 0 };
  return {
    async publish(tags) {
      if (tags.length === 0) return;
      // The id makes each body unique: the same tags twice within a second are two signed deliveries, not a replay.
      const invalidation: Invalidation & { id: string } = { id: randomUUID(), tags: withTypeTags(tags) };
      try {
        await transport.send(JSON.stringify(invalidation));
        counts.published += 1;
      } catch (error) {
        counts.failed += 1;
        counts.lastFailure = (error as Error).message;
        log(`Invalidation of ${tags.join(' ')} not published through ${transport.name}: ${counts.lastFailure}`);
      }
    },
    report: () => ({ ...counts }),
    close: () => transport.close(),
  };
}

/** The publisher of a subgraph that no cache stands in front of (tests, tools): there is nothing to tell. */
export const NO_CACHE_TO_INVALIDATE: TagPublisher = {
  publish: async () => {},
  report: () => ({ via: 'none', published: 0, failed: 0 }),
  close: async () => {},
};
