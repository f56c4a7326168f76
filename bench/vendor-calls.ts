import { simulatorAdmin } from '../vendors/kit/admin-client.js';
import { BENCH_VENDORS } from './topology.js';

/** Calls of vendor routes the simulators have answered so far, all of them together (`GET /_admin/calls`). */
export async function vendorCalls(): Promise<number> {
  const counts = await Promise.all(BENCH_VENDORS.map((vendor) => simulatorAdmin(`http://127.0.0.1:${vendor.port}`).calls()));
  return counts.reduce((total, count) => total + count.total, 0);
}
