import type { Region, SeedAddress, SeedCustomer } from './types.js';
import { pad, type SeededRandom } from './random.js';

const COUNTRIES: { country: string; region: Region }[] = [
  { country: 'DE', region: 'EU' },
  { country: 'FR', region: 'EU' },
  { country: 'NL', region: 'EU' },
  { country: 'US', region: 'US' },
  { country: 'US', region: 'US' },
  { country: 'GB', region: 'UK' },
];
const SEGMENTS = ['new', 'vip', 'bargain-hunter', 'b2b', 'lapsed', 'newsletter'];
const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'paypal'];

export function generateCustomers(random: SeededRandom, count: number): SeedCustomer[] {
  return Array.from({ length: count }, (_, index) => generateCustomer(random, index + 1));
}

function generateCustomer(random: SeededRandom, number: number): SeedCustomer {
  const { en } = random;
  const id = `C${pad(number, 4)}`;
  const firstName = en.person.firstName();
  const lastName = en.person.lastName();
  const home = en.helpers.arrayElement(COUNTRIES);
  const points = en.number.int({ min: 0, max: 25_000 });
  return {
    id,
    firstName,
    lastName,
    email: en.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
    phone: en.phone.number({ style: 'international' }),
    addresses: [
      address(random, `${id}-A1`, 'shipping', home),
      ...(en.datatype.boolean(0.3) ? [address(random, `${id}-A2`, 'billing', home)] : []),
    ],
    segments: en.helpers.arrayElements(SEGMENTS, { min: 0, max: 2 }),
    loyalty: { tier: tierFor(points), points },
    consent: { email: en.datatype.boolean(0.6), sms: en.datatype.boolean(0.3), profiling: en.datatype.boolean(0.5) },
    paymentMethods: Array.from({ length: en.number.int({ min: 0, max: 3 }) }, (_, i) => ({
      id: `${id}-PM${i + 1}`,
      brand: en.helpers.arrayElement(CARD_BRANDS),
      last4: en.string.numeric(4),
      expMonth: en.number.int({ min: 1, max: 12 }),
      expYear: en.number.int({ min: 2026, max: 2031 }),
    })),
    createdAt: en.date.between({ from: '2020-01-01T00:00:00Z', to: '2026-06-30T00:00:00Z' }).toISOString(),
  };
}

function address(
  random: SeededRandom,
  id: string,
  kind: SeedAddress['kind'],
  home: { country: string; region: Region },
): SeedAddress {
  return {
    id,
    kind,
    line1: random.en.location.streetAddress(),
    city: random.en.location.city(),
    postalCode: random.en.location.zipCode(),
    country: home.country,
    region: home.region,
  };
}

function tierFor(points: number): SeedCustomer['loyalty']['tier'] {
  if (points >= 20_000) return 'PLATINUM';
  if (points >= 10_000) return 'GOLD';
  if (points >= 3_000) return 'SILVER';
  return 'BRONZE';
}
