import { SIGNATURE_HEADER, signBody } from '../../lib/signing/signed-body.js';

/** Where a simulator posts its change events: its subgraph's webhook route, and the secret both know. */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** What became of one event: the receiver's HTTP status, or why it was not sent or not answered. */
export type Delivery = { delivered: boolean; status?: number; reason?: string };

/** How a simulator tells its subgraph of its own changes, as the real system's webhooks do. */
export interface Webhooks {
  /** Posts one event, signed over its raw body; never throws. */
  deliver(event: unknown): Promise<Delivery>;
  /** Posts it without waiting, as a vendor's API answers before its webhooks go out. */
  notify(event: unknown): void;
}

const DELIVERY_TIMEOUT_MS = 2_000;

/** Webhooks to `target`; with none (`WEBHOOK_URL` unset), events are not sent anywhere. */
export function webhooksTo(target: WebhookTarget | null): Webhooks {
  async function deliver(event: unknown): Promise<Delivery> {
    if (!target) return { delivered: false, reason: 'no WEBHOOK_URL is configured' };
    const body = JSON.stringify(event);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, target.secret) },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return { delivered: response.ok, status: response.status };
    } catch (error) {
      return { delivered: false, reason: (error as Error).message };
    }
  }
  return {
    deliver,
    notify(event) {
      void deliver(event).then((delivery) => {
        if (target && !delivery.delivered) console.error(`webhook to ${target.url} not delivered: ${delivery.reason ?? `HTTP ${delivery.status}`}`);
      });
    },
  };
}
