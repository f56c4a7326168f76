import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { LOCALES, type Locale, type LocalizedText } from './adapter.js';

export function readLocale(locale: string): Locale {
  if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  throw badUserInput(`"locale" must be one of ${LOCALES.join(', ')}, got "${locale}"`);
}

/** The text in the locale asked for, falling back to English when the PIM has no translation. */
export function localize(text: LocalizedText, locale: string): string | null {
  return text[readLocale(locale)] ?? text.en ?? null;
}
