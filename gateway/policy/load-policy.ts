import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../../lib/config.js';
import { accessPolicy } from '../../policies/access/permissions.js';
import type { AccessPolicy } from '../../policies/access/policy.js';

/**
 * The access policy the configuration names: `on` is the product's `policies/`, `off` is none,
 * anything else a module (path from the working directory) that exports `accessPolicy`.
 */
export async function loadPolicy(choice: string): Promise<AccessPolicy | null> {
  if (choice === 'on') return accessPolicy;
  if (choice === 'off') return null;
  let module: { accessPolicy?: unknown };
  try {
    module = await import(pathToFileURL(resolve(choice)).href);
  } catch (error) {
    throw new ConfigError([`ACCESS_POLICY (--policy) is on, off or a policy module; "${choice}" cannot be loaded: ${(error as Error).message}`]);
  }
  if (!isAccessPolicy(module.accessPolicy)) {
    throw new ConfigError([`ACCESS_POLICY (--policy) module "${choice}" must export accessPolicy: { rules, fallbackRule }`]);
  }
  return module.accessPolicy;
}

function isAccessPolicy(value: unknown): value is AccessPolicy {
  const candidate = value as Partial<AccessPolicy> | undefined;
  return typeof candidate?.rules === 'object' && candidate.rules !== null && candidate.fallbackRule !== undefined;
}
