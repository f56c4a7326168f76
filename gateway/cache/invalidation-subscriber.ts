import { parseInvalidation } from '../../lib/invalidation/message.js';
import { connectFailFast } from '../../lib/invalidation/redis-connection.js';

export interface SubscriptionOptions {
  channel: string;
  commandTimeoutMs: number;
  onTags: (tags: string[]) => void;
  /**
   * Runs each time the subscription (re)starts: whatever was published while it was down never
   * arrives, so what was cached from before must not be trusted.
   */
  onSubscribed: () => void;
}

/** Receives the invalidations published on `channel`, on a connection of its own (one in subscriber mode takes no other command). */
export function subscribeToInvalidations(url: string, { channel, commandTimeoutMs, onTags, onSubscribed }: SubscriptionOptions) {
  const subscriber = connectFailFast(url, { commandTimeoutMs, name: 'invalidation subscriber' });
  let subscribed = false;
  subscriber.on('close', () => (subscribed = false));
  subscriber.on('ready', () => {
    const started = () => {
      subscribed = true;
      onSubscribed();
    };
    subscriber.subscribe(channel).then(started, () => {
      // Connected, yet not subscribed: reconnecting brings the next attempt.
      subscriber.disconnect(true);
    });
  });
  subscriber.on('message', (_channel: string, message: string) => {
    const invalidation = parseInvalidation(message);
    if (invalidation) onTags(invalidation.tags);
  });
  return {
    subscribed: () => subscribed,
    close: async () => subscriber.disconnect(),
  };
}
