import type { SeedProduct } from '../seed/index.js';
import type { PimCategory } from './types.js';

/** The PIM's tree root, as in Akeneo's default "master" catalog. */
export const ROOT_CATEGORY = 'master';

const LABELS: Record<string, { en_US: string; de_DE: string }> = {
  apparel: { en_US: 'Apparel', de_DE: 'Bekleidung' },
  shirts: { en_US: 'Shirts', de_DE: 'Hemden' },
  shoes: { en_US: 'Shoes', de_DE: 'Schuhe' },
  jackets: { en_US: 'Jackets', de_DE: 'Jacken' },
  home: { en_US: 'Home', de_DE: 'Wohnen' },
  kitchen: { en_US: 'Kitchen', de_DE: 'Küche' },
  furniture: { en_US: 'Furniture', de_DE: 'Möbel' },
  electronics: { en_US: 'Electronics', de_DE: 'Elektronik' },
  audio: { en_US: 'Audio', de_DE: 'Audio' },
  accessories: { en_US: 'Accessories', de_DE: 'Zubehör' },
  outdoor: { en_US: 'Outdoor', de_DE: 'Outdoor' },
  camping: { en_US: 'Camping', de_DE: 'Camping' },
  beauty: { en_US: 'Beauty', de_DE: 'Schönheit' },
  skincare: { en_US: 'Skincare', de_DE: 'Hautpflege' },
  toys: { en_US: 'Toys', de_DE: 'Spielzeug' },
  games: { en_US: 'Games', de_DE: 'Spiele' },
};

/** Category codes cannot hold `/`: the PIM codes `apparel/shoes` as `apparel_shoes`. */
export function categoryCode(path: string): string {
  return path.replaceAll('/', '_');
}

/** The category tree under `master`, parents before children, from the paths the products use. */
export function buildCategoryTree(products: SeedProduct[]): PimCategory[] {
  const tree = new Map<string, PimCategory>();
  tree.set(ROOT_CATEGORY, { code: ROOT_CATEGORY, parent: null, labels: { en_US: 'Master catalog', de_DE: 'Hauptkatalog' } });
  const paths = [...new Set(products.flatMap((product) => product.categories))].sort();
  for (const path of paths) {
    const segments = path.split('/');
    segments.forEach((segment, depth) => {
      const code = categoryCode(segments.slice(0, depth + 1).join('/'));
      if (tree.has(code)) return;
      const parent = depth === 0 ? ROOT_CATEGORY : categoryCode(segments.slice(0, depth).join('/'));
      tree.set(code, { code, parent, labels: LABELS[segment] ?? { en_US: segment, de_DE: segment } });
    });
  }
  return [...tree.values()];
}

/** Every category code with the codes of itself and all its descendants (for `IN CHILDREN`). */
export function descendantsByCode(tree: PimCategory[]): Map<string, Set<string>> {
  const parentOf = new Map(tree.map((category) => [category.code, category.parent]));
  const result = new Map(tree.map((category) => [category.code, new Set([category.code])]));
  for (const category of tree) {
    for (let parent = category.parent; parent !== null; parent = parentOf.get(parent) ?? null) {
      result.get(parent)?.add(category.code);
    }
  }
  return result;
}
