import { Faker, base, de, en } from '@faker-js/faker';

/** Two seeded fakers, English and German, so every run produces the same data. */
export interface SeededRandom {
  en: Faker;
  de: Faker;
}

export function seededRandom(seed: number): SeededRandom {
  const english = new Faker({ locale: [en, base] });
  const german = new Faker({ locale: [de, en, base] });
  english.seed(seed);
  german.seed(seed + 1);
  return { en: english, de: german };
}

/** `pad(7, 4)` → `0007` */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
