import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestListener } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Hive Gateway lives outside package.json: its runtime's dependencies ask for Node >= 22.15, which
 * `npm ci --engine-strict` refuses on our Node 20. The bench installs this pinned version into a
 * git-ignored scratch folder of its own, once, and loads it from there (through a module in that
 * folder, so that Node resolves the package, its ESM build included, as for any project of its own).
 */
export const HIVE_VERSION = '2.15.1';
export const HIVE_FOLDER = fileURLToPath(new URL('../.data/bench/hive-gateway/', import.meta.url));

/** The little of `@graphql-hive/gateway` the bench uses. */
export interface HiveGateway {
  createGatewayRuntime(config: Record<string, unknown>): RequestListener & { dispose(): unknown };
  LocalForageCacheStorage: new () => object;
}

const installed = join(HIVE_FOLDER, 'node_modules/@graphql-hive/gateway/package.json');
const reExport = join(HIVE_FOLDER, 'gateway.mjs');

/** Installs the pinned version unless it is already there. */
export function installHiveGateway(): void {
  mkdirSync(HIVE_FOLDER, { recursive: true });
  writeFileSync(reExport, "export * from '@graphql-hive/gateway';\n");
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === HIVE_VERSION) return;
  console.log(`installing @graphql-hive/gateway@${HIVE_VERSION} into ${HIVE_FOLDER}`);
  const manifest = { private: true, dependencies: { '@graphql-hive/gateway': HIVE_VERSION } };
  writeFileSync(join(HIVE_FOLDER, 'package.json'), JSON.stringify(manifest, null, 2));
  execFileSync('npm', ['install', '--prefix', HIVE_FOLDER, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}

export async function loadHiveGateway(): Promise<HiveGateway> {
  return (await import(pathToFileURL(reExport).href)) as HiveGateway;
}
