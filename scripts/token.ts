import { parseArgs } from 'node:util';
import { ENVIRONMENTS } from '../gateway/config.js';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import { oneOf, readConfig } from '../lib/config.js';
import type { Principal } from '../policies/principal.js';

/**
 * Mints a development token, printed alone on stdout:
 *   npm run --silent token -- --kind <customer|staff|agent> [--id ID] [--role R]… [--scope S]…
 *                             [--on-behalf-of CUSTOMER_ID] [--ttl 1h]
 * It signs with the gateway's shared secret: AUTH_JWT_SECRET, or else the development secret that
 * the gateway of `npm start` uses (`.data/dev-token-secret`). Like `npm start`, it is a development
 * tool: an unset NODE_ENV means development here; with NODE_ENV=production (or test) it needs AUTH_JWT_SECRET.
 */
const USAGE =
  'usage: npm run --silent token -- --kind <customer|staff|agent> [--id ID] [--role R]... [--scope S]... [--on-behalf-of CUSTOMER_ID] [--ttl 1h]';

function principalFromArgs(argv: string[]): { principal: Exclude<Principal, { kind: 'anonymous' }>; ttl: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string' },
      id: { type: 'string' },
      role: { type: 'string', multiple: true, default: [] },
      scope: { type: 'string', multiple: true, default: [] },
      'on-behalf-of': { type: 'string' },
      ttl: { type: 'string', default: '1h' },
    },
    strict: true,
  });
  const ttl = values.ttl!;
  switch (values.kind) {
    case 'customer':
      return { principal: { kind: 'customer', id: values.id ?? 'C0001' }, ttl };
    case 'staff':
      return { principal: { kind: 'staff', id: values.id ?? 'staff-1', roles: values.role! }, ttl };
    case 'agent':
      return {
        principal: { kind: 'agent', id: values.id ?? 'agent-1', scopes: values.scope!, onBehalfOf: values['on-behalf-of'] },
        ttl,
      };
    default:
      throw new Error(`--kind must be customer, staff or agent`);
  }
}

try {
  const { principal, ttl } = principalFromArgs(process.argv.slice(2));
  const { NODE_ENV: environment } = readConfig({ NODE_ENV: oneOf(ENVIRONMENTS, 'development') });
  const token = await mintToken(principal, await readTokenKeys(process.env, environment), ttl);
  process.stdout.write(`${token}\n`);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
