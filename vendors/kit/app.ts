import express, { type Express } from 'express';
import { createEffectsLedger, type EffectsLedger } from './effects.js';
import { createFaultSwitchboard } from './faults.js';

/** Call counts of a simulator, as `GET /_admin/calls` reports them. */
export interface CallCounts {
  total: number;
  /** Keyed by `METHOD /route/pattern`, e.g. `GET /products/:id`. */
  byRoute: Record<string, number>;
}

/**
 * An express app for one vendor simulator. Vendor routes added to it are counted and subject to
 * injected faults; `/health` and `/_admin/*` are neither.
 *
 * Admin API: `GET /_admin/calls`, `GET /_admin/effects` (the writes recorded in `effects`),
 * `PUT /_admin/faults` (JSON `FaultsInput`, simulator-wide and per route), `POST /_admin/reset`
 * (zeroes the counters, empties the effects and clears the faults), and the simulator's own
 * `addAdminRoutes` (changes to its data that tests make, as the vendor's back office would).
 * A simulator that writes passes its own `effects` and records each write in it.
 */
export function createSimulatorApp(
  vendor: string,
  addAdminRoutes: (app: Express) => void = () => {},
  effects: EffectsLedger = createEffectsLedger(),
): Express {
  const faults = createFaultSwitchboard();
  let counts: CallCounts = { total: 0, byRoute: {} };

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(express.json({ limit: '5mb' }));

  app.get('/health', (_req, res) => {
    res.json({ vendor, ok: true });
  });
  app.get('/_admin/calls', (_req, res) => {
    res.json(counts);
  });
  app.get('/_admin/effects', (_req, res) => {
    res.json({ effects: effects.list() });
  });
  app.put('/_admin/faults', (req, res) => {
    try {
      res.json(faults.set(req.body));
    } catch (error) {
      res.status(400).json({ error: (error as Error).message });
    }
  });
  app.post('/_admin/reset', (_req, res) => {
    faults.clear();
    effects.clear();
    counts = { total: 0, byRoute: {} };
    res.json({ ok: true });
  });
  addAdminRoutes(app);

  app.use((req, res, next) => {
    res.on('finish', () => {
      const route = `${req.method} ${req.route?.path ?? req.path}`;
      counts.total += 1;
      counts.byRoute[route] = (counts.byRoute[route] ?? 0) + 1;
    });
    next();
  });
  app.use(faults.handler);
  return app;
}

/**
 * Ends a simulator's route table: unknown routes get the vendor's 404 and thrown errors a 500,
 * both as JSON. Call it after the vendor's routes are added.
 */
export function finishSimulatorApp(app: Express): Express {
  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', path: req.path });
  });
  app.use(((error, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    res.status(status).json({ error: status < 500 ? 'bad_request' : 'internal_error', message: String(error?.message) });
  }) as express.ErrorRequestHandler);
  return app;
}
