import type { SeedCarrier } from './types.js';

export const CARRIERS: SeedCarrier[] = [
  {
    id: 'dhl',
    name: 'DHL',
    regions: ['EU', 'UK'],
    services: [
      { level: 'standard', transitDays: 3, priceCents: 495 },
      { level: 'express', transitDays: 1, priceCents: 1495 },
    ],
  },
  {
    id: 'ups',
    name: 'UPS',
    regions: ['US', 'EU'],
    services: [
      { level: 'standard', transitDays: 4, priceCents: 695 },
      { level: 'express', transitDays: 2, priceCents: 1995 },
    ],
  },
  { id: 'usps', name: 'USPS', regions: ['US'], services: [{ level: 'standard', transitDays: 5, priceCents: 395 }] },
  {
    id: 'royal-mail',
    name: 'Royal Mail',
    regions: ['UK'],
    services: [
      { level: 'standard', transitDays: 2, priceCents: 350 },
      { level: 'express', transitDays: 1, priceCents: 895 },
    ],
  },
];
