import { REGIONS, type Localized, type SeedProduct, type SeedVariant } from './types.js';
import { pad, type SeededRandom } from './random.js';

const CATEGORIES = [
  'apparel/shirts',
  'apparel/shoes',
  'apparel/jackets',
  'home/kitchen',
  'home/furniture',
  'electronics/audio',
  'electronics/accessories',
  'outdoor/camping',
  'beauty/skincare',
  'toys/games',
] as const;

const SIZES_BY_CATEGORY: Partial<Record<string, string[]>> = {
  'apparel/shirts': ['S', 'M', 'L', 'XL'],
  'apparel/jackets': ['S', 'M', 'L', 'XL'],
  'apparel/shoes': ['40', '41', '42', '43', '44'],
};

const COLORS: { en: string; de: string }[] = [
  { en: 'black', de: 'schwarz' },
  { en: 'white', de: 'weiß' },
  { en: 'navy', de: 'marineblau' },
  { en: 'red', de: 'rot' },
  { en: 'green', de: 'grün' },
  { en: 'grey', de: 'grau' },
];

const PRICE_FACTOR = { EU: 1, US: 1.08, UK: 0.86 } as const;
const BULKY_CATEGORIES = new Set(['home/furniture', 'outdoor/camping']);

export function generateCatalog(random: SeededRandom, count: number): SeedProduct[] {
  const brands = Array.from({ length: 40 }, () => random.en.company.name());
  const suppliers = Array.from({ length: 15 }, () => `${random.en.company.name()} Supply`);
  return Array.from({ length: count }, (_, index) => generateProduct(random, index + 1, brands, suppliers));
}

function generateProduct(random: SeededRandom, number: number, brands: string[], suppliers: string[]): SeedProduct {
  const { en } = random;
  const primary = en.helpers.arrayElement(CATEGORIES);
  const categories = en.datatype.boolean(0.25)
    ? [primary, en.helpers.arrayElement(CATEGORIES.filter((c) => c !== primary))]
    : [primary];
  const sku = `SKU-${10000 + number}`;
  const euList = en.number.int({ min: 5, max: 400 }) * 100 - 1;
  const onSale = en.datatype.boolean(0.2);
  const material = en.commerce.productMaterial();
  return {
    id: `P${pad(number, 4)}`,
    sku,
    name: { en: en.commerce.productName(), de: random.de.commerce.productName() },
    description: { en: en.commerce.productDescription(), de: random.de.commerce.productDescription() },
    brand: en.helpers.arrayElement(brands),
    categories,
    attributes: [
      { key: 'material', value: { en: material, de: material } },
      { key: 'care', value: localizedCare(en.datatype.boolean()) },
    ],
    media: Array.from({ length: en.number.int({ min: 1, max: 3 }) }, (_, i) => ({
      url: `https://media.example.com/${sku}/${i + 1}.jpg`,
      alt: `${sku} view ${i + 1}`,
      kind: 'image' as const,
    })),
    variants: generateVariants(random, sku, primary),
    prices: Object.fromEntries(
      REGIONS.map((region) => {
        const list = Math.round(euList * PRICE_FACTOR[region]);
        return [region, { list, sale: onSale ? Math.round(list * 0.8) : null }];
      }),
    ) as SeedProduct['prices'],
    costEurCents: Math.round(euList * en.number.float({ min: 0.35, max: 0.65 })),
    supplier: en.helpers.arrayElement(suppliers),
    handling: BULKY_CATEGORIES.has(primary) ? 'bulky' : 'parcel',
  };
}

function generateVariants(random: SeededRandom, sku: string, category: string): SeedVariant[] {
  const { en } = random;
  const sizes = SIZES_BY_CATEGORY[category];
  const colors = en.helpers.arrayElements(COLORS, sizes ? 1 : en.number.int({ min: 1, max: 3 }));
  const combos = sizes
    ? sizes.map((size) => ({ size, color: colors[0]!.en }))
    : colors.map((color) => ({ color: color.en }));
  return combos.map((options, i) => ({
    sku: `${sku}-${pad(i + 1, 2)}`,
    gtin: en.string.numeric(13),
    options,
  }));
}

function localizedCare(washable: boolean): Localized {
  return washable
    ? { en: 'Machine washable at 30 °C', de: 'Maschinenwaschbar bei 30 °C' }
    : { en: 'Wipe clean with a damp cloth', de: 'Mit einem feuchten Tuch abwischen' };
}
