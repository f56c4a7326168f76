import { decodeJwt } from 'jose';
import type express from 'express';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { metadataHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/metadata.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { scopesOf } from '../../policies/access/scopes.js';
import type { Principal } from '../../policies/principal.js';

export interface ProtectedResourceOptions {
  /** Where the resource is served, e.g. `/mcp`. */
  path: string;
  /** The gateway's public URL (`GATEWAY_PUBLIC_URL`); without it, the URL the request came to. */
  publicUrl?: string;
  /** Issuers of the tokens the gateway accepts: the identity provider, or in development the token command's issuer. */
  authorizationServers: string[];
  scopesSupported: string[];
  /** The gateway's own token check: the same as for `/graphql`. */
  principalFor: (authorization: string) => Promise<Principal>;
}

const METADATA = '/.well-known/oauth-protected-resource';

/**
 * The MCP endpoint as an OAuth 2.1 protected resource (RFC 9728, as the MCP authorization spec asks):
 * its metadata names the authorization servers whose tokens it accepts, and every request needs a valid
 * bearer token (no session stands in for one); without, 401 with `WWW-Authenticate` pointing at the metadata.
 * The SDK's middleware does the HTTP part; the gateway's own verifier decides.
 */
export function protectedResource(options: ProtectedResourceOptions) {
  const resourceUrl = (req: express.Request) => `${options.publicUrl ?? `${req.protocol}://${req.get('host')}`}${options.path}`;
  const metadataUrl = (req: express.Request) => {
    const resource = new URL(resourceUrl(req));
    return `${resource.origin}${METADATA}${resource.pathname}`;
  };
  const verifier = tokenVerifier(options.principalFor);
  return {
    routes(app: express.Express) {
      const serve: express.RequestHandler = (req, res, next) =>
        metadataHandler({
          resource: resourceUrl(req),
          authorization_servers: options.authorizationServers,
          scopes_supported: options.scopesSupported,
          bearer_methods_supported: ['header'],
          resource_name: 'Commerce control plane (MCP)',
        })(req, res, next);
      app.use(`${METADATA}${options.path}`, serve);
      app.use(METADATA, serve);
    },
    requireToken: ((req, res, next) => requireBearerAuth({ verifier, resourceMetadataUrl: metadataUrl(req) })(req, res, next)) as express.RequestHandler,
  };
}

/** The principal rides in the SDK's auth info, to the tool handlers. */
export function principalOfAuth(auth: { extra?: Record<string, unknown> } | undefined): Principal {
  const principal = auth?.extra?.principal as Principal | undefined;
  if (!principal) throw new Error('MCP request reached a handler without an authenticated principal');
  return principal;
}

function tokenVerifier(principalFor: (authorization: string) => Promise<Principal>): OAuthTokenVerifier {
  return {
    async verifyAccessToken(token) {
      let principal: Principal;
      try {
        principal = await principalFor(`Bearer ${token}`);
      } catch (error) {
        throw new InvalidTokenError((error as Error).message);
      }
      if (principal.kind === 'anonymous') throw new InvalidTokenError('Unauthenticated: a bearer token is required');
      return { token, clientId: principal.id, scopes: [...scopesOf(principal)], expiresAt: decodeJwt(token).exp, extra: { principal } };
    },
  };
}
