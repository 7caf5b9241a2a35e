import { en } from './en';
import { Translations, zhCN } from './zh-cn';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Both languages are bundled: they are small, and the first paint then never shows bare keys. */
export const TRANSLATIONS: Record<Lang, Translations> = { 'zh-CN': zhCN, en };

export function isLang(value: unknown): value is Lang {
  return (
    typeof value === 'string' && (LANGS as readonly string[]).includes(value)
  );
}

/** ECharts ships the 'ZH' and 'EN' locales in echarts/core. */
export function echartsLocale(lang: Lang): 'ZH' | 'EN' {
  return lang === 'en' ? 'EN' : 'ZH';
}
