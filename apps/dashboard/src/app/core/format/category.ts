import type { CategoryView } from '@onewindow/contracts';
import { Lang, TRANSLATIONS } from '../i18n/languages';

/** The name of a category in the UI language: our translation, else the catalog's name, else the code. */
export function categoryName(
  code: string,
  lang: Lang,
  catalog: readonly CategoryView[] = [],
): string {
  const own = (TRANSLATIONS[lang].category as Record<string, string>)[code];
  return own ?? catalog.find((c) => c.code === code)?.name ?? code;
}
