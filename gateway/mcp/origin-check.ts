import type express from 'express';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The MCP spec's defence against DNS rebinding: a request whose `Origin` is neither the gateway's own
 * public origin, a configured one, nor a page on this machine is refused with 403. A rebinding attack
 * reaches the gateway under a foreign host name, and a browser sends that name as the Origin; clients
 * that are not browsers send no Origin. The Host header is not trusted for this: the attacker chooses it.
 */
export function originCheck({ allowedOrigins, publicUrl }: { allowedOrigins: string[]; publicUrl?: string }): express.RequestHandler {
  const allowed = new Set([...allowedOrigins, ...(publicUrl ? [new URL(publicUrl).origin] : [])]);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin === undefined || allowed.has(origin) || isLoopback(origin)) return next();
    res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: `Forbidden: origin ${origin} is not allowed` }, id: null });
  };
}

function isLoopback(origin: string): boolean {
  return URL.canParse(origin) && LOOPBACK.has(new URL(origin).hostname);
}
