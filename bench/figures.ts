/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The same keys, each value mapped. */
export function mapValues<T extends Record<string, number>>(figures: T, map: (value: number, key: keyof T) => number): T {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, map(value, key)])) as T;
}

/** Each key's median over several sets of the same figures. */
export function medianOfEach<T extends Record<string, number>>(sets: T[]): T {
  return mapValues(sets[0]!, (_, key) => median(sets.map((set) => set[key] ?? 0)));
}
