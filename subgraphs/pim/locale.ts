import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors.js';
import { LOCALES, type Locale, type LocalizedText } from './adapter.js';

export function readLocale(locale: string): Locale {
  if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  throw new GraphQLError(`"locale" must be one of ${LOCALES.join(', ')}, got "${locale}"`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });
}

/** The text in the locale asked for, falling back to English when the PIM has no translation. */
export function localize(text: LocalizedText, locale: string): string | null {
  return text[readLocale(locale)] ?? text.en ?? null;
}
