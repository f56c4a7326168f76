import type { OrderSample } from './action-load.js';

/** A gateway's placeOrder figures: medians of its rounds, and its answers counted over all of them. */
export interface OrderRow extends OrderSample {
  target: string;
}

export const ms = (micros: number) => (micros / 1000).toFixed(2);

/** CPU per completed order over every process measured, in microseconds. */
export const cpuPerOrder = (row: OrderRow) => Object.values(row.cpuMicrosPerOrder).reduce((total, micros) => total + micros, 0);

/** Cores' worth of CPU the stack's processes spend at the row's rate. */
export const coresBusy = (row: OrderRow) => (cpuPerOrder(row) * row.ordersPerSecond) / 1e6;

/** Cores' worth of CPU the whole machine spends meanwhile: near its count of cores, CPU is what limits the rate. */
export const machineCoresBusy = (row: OrderRow) => (row.machineCpuMicrosPerOrder * row.ordersPerSecond) / 1e6;
