import express from 'express';
import { ErrorCode } from '../../lib/errors.js';
import { listen, type RunningServer } from '../../lib/service/listen.js';
import { bearerTokenMatches } from './bearer-token.js';
import type { GatewayMetrics } from './gateway-metrics.js';

export const METRICS_ROUTE = '/metrics';

/**
 * `GET /metrics` in Prometheus text format; with a token, only for `Authorization: Bearer <token>`.
 * Its shape is `GraphQLService.routes`, to serve it beside `/graphql`.
 */
export function metricsRoutes(metrics: GatewayMetrics, { token }: { token?: string }): (app: express.Express) => void {
  return (app) => {
    app.get(METRICS_ROUTE, async (req, res) => {
      res.set('cache-control', 'no-store');
      if (token !== undefined && !bearerTokenMatches(req.headers.authorization, token)) {
        res.status(401).set('www-authenticate', 'Bearer realm="metrics"');
        res.json({ errors: [{ message: 'A metrics bearer token is required', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
        return;
      }
      res.type(metrics.contentType).send(await metrics.render());
    });
  };
}

/** `/metrics` on a listener of its own (`METRICS_PORT`), apart from the public one. */
export function serveMetrics(
  metrics: GatewayMetrics,
  options: { port: number; host: string; token?: string },
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  metricsRoutes(metrics, options)(app);
  return listen(app, { name: 'metrics', port: options.port, host: options.host });
}
