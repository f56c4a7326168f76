import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import { ErrorCode } from '../errors.js';
import { listen, type RunningServer } from './listen.js';

/** What `GET /health` answers: `ok: false` turns into HTTP 503. */
export interface HealthReport {
  ok: boolean;
  [detail: string]: unknown;
}

/** An Apollo Server with what it needs per request: what every subgraph's `server.ts` returns. */
export interface GraphQLService<C extends BaseContext> {
  name: string;
  server: ApolloServer<C>;
  context: (request: ExpressContextFunctionArgument) => Promise<C>;
  health?: () => Promise<HealthReport>;
  /**
   * Routes served beside `/graphql` (signed webhooks, internal calls). Each parses its own body:
   * a signature is checked over the raw bytes, so no JSON parser runs before them.
   */
  routes?: (app: express.Express) => void;
  /** Runs once the server has stopped accepting connections (closing subscriptions, clients). */
  onClose?: () => Promise<void>;
}

export interface ServeOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Largest accepted request body. */
  bodyLimit?: string;
}

/**
 * Serves an Apollo Server at `/graphql` with `GET /health` beside it.
 * Used alike by every subgraph and by the gateway.
 */
export async function serveGraphQL<C extends BaseContext>(
  service: GraphQLService<C>,
  options: ServeOptions,
): Promise<RunningServer> {
  const { server } = service;
  await server.start();
  const health = service.health ?? (async () => ({ ok: true }));

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const report = await health();
    res.status(report.ok ? 200 : 503).json({ service: service.name, ...report });
  });
  service.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb', verify: keepRawBody }),
    expressMiddleware(server, { context: service.context }),
  );
  app.use(answerBadRequestsAsGraphQL);

  try {
    return await listen(app, {
      name: service.name,
      port: options.port,
      host: options.host,
      onClose: async () => {
        await server.stop();
        await service.onClose?.();
      },
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A request to `/graphql` with the bytes its JSON was parsed from, for signatures made over them. */
export type RawBodyRequest = express.Request & { rawBody?: Buffer };

function keepRawBody(req: RawBodyRequest, _res: unknown, body: Buffer): void {
  req.rawBody = body;
}

/** A body that is not JSON, or too large, gets a GraphQL-shaped error instead of express's HTML page. */
const answerBadRequestsAsGraphQL: express.ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
  const message = status < 500 ? String(error.message) : 'Internal server error';
  const code = status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};
