import type { Lang } from '../i18n/languages';

/** Every hall of the province keeps Beijing time; the dashboard shows times there, whatever the browser's zone. */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

/** "2021-01-01 00:30" in Beijing time for the instant given (24-hour clock, both languages). */
export function formatShanghaiDateTime(instant: Date, lang: Lang): string {
  const parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: HALL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Today's date (YYYY-MM-DD) in Beijing, whatever the browser's zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return formatShanghaiDateTime(now, 'zh-CN').slice(0, 10);
}
