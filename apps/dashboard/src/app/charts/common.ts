import { Lang, TRANSLATIONS } from '../core/i18n/languages';
import type { Translations } from '../core/i18n/zh-cn';
import { formatNumber, formatPercent } from '../core/format/format';

/** The translations of a language (option builders are pure: no translation service). */
export function tr(lang: Lang): Translations {
  return TRANSLATIONS[lang];
}

/** Fills `{{name}}` placeholders. */
export function fill(
  template: string,
  params: Record<string, string | number>,
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) =>
    k in params ? String(params[k]) : '',
  );
}

/** Common settings of every chart option. */
export interface BuildConfig {
  animation?: boolean;
}

/** What ECharts hands an axis tooltip formatter, as far as we read it. */
export interface TooltipParam {
  axisValueLabel?: string;
  axisValue?: unknown;
  value?: unknown;
  data?: unknown;
  seriesName?: string;
  seriesId?: string;
  marker?: unknown;
  name?: string;
  dataType?: string;
}

export function asList(params: unknown): TooltipParam[] {
  return (Array.isArray(params) ? params : [params]) as TooltipParam[];
}

/** The y value of a [x, y] point or of a plain value. */
export function yOf(value: unknown): number | null {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An axis tooltip: the header, then one row per series with its formatted value. */
export function axisTooltip(
  header: string,
  params: TooltipParam[],
  format: (v: number | null, p: TooltipParam) => string,
): string {
  return [
    header,
    ...params.map(
      (p) =>
        `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}: ${format(yOf(p.value), p)}`,
    ),
  ].join('<br/>');
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        c
      ] as string,
  );
}

export const numberFormatter =
  (lang: Lang, digits = 0) =>
  (v: number | null) =>
    formatNumber(v, lang, digits);

/** A share axis in percent (0–100 %). */
export function percentAxis(name: string, lang: Lang) {
  return {
    type: 'value' as const,
    name,
    min: 0,
    max: 1,
    axisLabel: { formatter: (v: number) => formatPercent(v, lang, 0) },
  };
}
