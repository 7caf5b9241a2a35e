import type { Lang } from '../i18n/languages';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'zh-CN');

/** "2,500" / "2,500.5"; "—" for no value. */
export function formatNumber(
  value: number | null | undefined,
  lang: Lang,
  digits = 0,
): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '—';
  return new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A share in [0, 1] as "78.4%"; "—" for no value. */
export function formatPercent(
  share: number | null | undefined,
  lang: Lang,
  digits = 1,
): string {
  if (share === null || share === undefined || !Number.isFinite(share))
    return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(share);
}

/** Minutes as "12.5"; "—" for no value. */
export function formatMinutes(
  minutes: number | null | undefined,
  lang: Lang,
): string {
  return formatNumber(minutes, lang, 1);
}
