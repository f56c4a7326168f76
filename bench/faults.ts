import { simulatorAdmin } from '../vendors/kit/admin-client.js';
import type { Page } from './pages.js';
import { BENCH_VENDORS } from './topology.js';

/** Longer than any timeout on the way (the vendor client's 5 s, the gateway's per subgraph): hung. */
const HUNG_MS = 60_000;

/** Runs `work` with the page's vendor hung, if it names one, and heals the vendor afterwards. */
export async function withFaults<T>(page: Page, work: () => Promise<T>): Promise<T> {
  if (!page.hung) return work();
  const vendor = BENCH_VENDORS.find((entry) => entry.name === page.hung)!;
  const admin = simulatorAdmin(`http://127.0.0.1:${vendor.port}`);
  await admin.setFaults({ latencyMs: HUNG_MS });
  try {
    return await work();
  } finally {
    await admin.reset();
  }
}
