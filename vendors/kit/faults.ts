import express, { type Request, type RequestHandler, type Response } from 'express';

/** Switches that make vendor calls slow or failing. */
export interface FaultSwitches {
  /** Added to every vendor call before it is answered. */
  latencyMs: number;
  /** Share of vendor calls (0 to 1) answered with `failStatus` instead. */
  failRate: number;
  failStatus: number;
}

/** The switches of one route, and the fault idempotency exists for. */
export interface RouteFaults extends FaultSwitches {
  /** The route does its work (the write happens), then the connection is destroyed without an answer. */
  actedResponseLost: boolean;
}

/** What a simulator has been told to do wrong, as `PUT /_admin/faults` answers it. */
export interface Faults extends FaultSwitches {
  /**
   * Switches of single routes, keyed `"<METHOD> <express path>"` as the simulator declares the route
   * (`"POST /erp/v1/allocations"`, `"POST /wms/v1/shipments/:shipmentId/cancel"`); a switch a route
   * does not set is the simulator-wide one.
   */
  routes: Record<string, RouteFaults>;
}

/** What `PUT /_admin/faults` takes: every switch is optional, and replaces all earlier ones. */
export type FaultsInput = Partial<FaultSwitches> & { routes?: Record<string, Partial<RouteFaults>> };

const noFaults: Faults = { latencyMs: 0, failRate: 0, failStatus: 503, routes: {} };

/** The faults of one simulator: what `PUT /_admin/faults` sets and the middleware that applies them. */
export interface FaultSwitchboard {
  /** Throws on switches out of range and on route keys that are not `"<METHOD> <path>"`. */
  set(input: unknown): Faults;
  clear(): void;
  /** Waits, then maybe answers with an error or arranges for the answer to be lost. */
  handler: RequestHandler;
}

export function createFaultSwitchboard(): FaultSwitchboard {
  let faults = noFaults;
  let routeOf: RouteMatcher = () => Promise.resolve(undefined);
  return {
    set(input) {
      const parsed = parseFaults(input);
      routeOf = routeMatcher(parsed.routes);
      faults = parsed;
      return faults;
    },
    clear() {
      faults = noFaults;
      routeOf = () => Promise.resolve(undefined);
    },
    handler: async (req, res, next) => {
      const switches: FaultSwitches & Partial<RouteFaults> = (await routeOf(req, res)) ?? faults;
      if (switches.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, switches.latencyMs));
      if (switches.failRate > 0 && Math.random() < switches.failRate) {
        res.status(switches.failStatus).json({ error: 'injected_fault', status: switches.failStatus });
        return;
      }
      if (switches.actedResponseLost) loseResponse(req, res);
      next();
    },
  };
}

function parseFaults(body: unknown): Faults {
  const { routes = {}, ...input } = (body ?? {}) as FaultsInput;
  const wide = readSwitches({ ...noFaults, ...input });
  if (typeof routes !== 'object' || routes === null) throw new Error('routes must be an object keyed "<METHOD> <path>"');
  const parsedRoutes = Object.fromEntries(
    Object.entries(routes).map(([key, route]) => {
      const merged = { ...wide, actedResponseLost: false, ...route };
      if (typeof merged.actedResponseLost !== 'boolean') throw new Error(`routes["${key}"].actedResponseLost must be a boolean`);
      return [key, { ...readSwitches(merged), actedResponseLost: merged.actedResponseLost }];
    }),
  );
  return { ...wide, routes: parsedRoutes };
}

function readSwitches(switches: FaultSwitches): FaultSwitches {
  const { latencyMs, failRate, failStatus } = switches;
  const valid =
    Number.isFinite(latencyMs) &&
    latencyMs >= 0 &&
    Number.isFinite(failRate) &&
    failRate >= 0 &&
    failRate <= 1 &&
    Number.isInteger(failStatus) &&
    failStatus >= 400 &&
    failStatus <= 599;
  if (!valid) throw new Error('faults must be { latencyMs >= 0, failRate in [0, 1], failStatus in [400, 599] }');
  return { latencyMs, failRate, failStatus };
}

type RouteMatcher = (req: Request, res: Response) => Promise<RouteFaults | undefined>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Matches a request against the route keys with express's own router, so a key means what the route's path means. */
function routeMatcher(routes: Record<string, RouteFaults>): RouteMatcher {
  const router = express.Router();
  const matched = new WeakMap<Request, RouteFaults>();
  for (const [key, faults] of Object.entries(routes)) {
    const [method, path] = key.split(' ', 2) as [(typeof METHODS)[number], string | undefined];
    if (!METHODS.includes(method) || !path?.startsWith('/')) throw new Error(`route "${key}" must be "<METHOD> <path>", e.g. "POST /v1/things/:id"`);
    try {
      router[method.toLowerCase() as Lowercase<typeof method>](path, (req, _res, next) => {
        if (!matched.has(req)) matched.set(req, faults);
        next();
      });
    } catch (error) {
      throw new Error(`route "${key}": ${(error as Error).message}`);
    }
  }
  if (Object.keys(routes).length === 0) return () => Promise.resolve(undefined);
  return (req, res) => new Promise((resolve) => router(req, res, () => resolve(matched.get(req))));
}

/** The handler still runs and its write happens; its answer never leaves: the connection is cut instead. */
function loseResponse(req: Request, res: Response): void {
  res.end = (() => {
    req.socket.destroy();
    return res;
  }) as Response['end'];
}
