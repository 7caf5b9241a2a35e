import type { Lang } from '../core/i18n';

/** The hall's time zone: the board shows Beijing time whatever the TV's own setting. */
export const TZ = 'Asia/Shanghai';

/** A moment as the board's clock shows it: "09:41". */
export function clockTime(at: number | string): string {
  return new Date(at).toLocaleTimeString('zh-CN', {
    timeZone: TZ,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** The day under the clock: "12月3日星期四", "Thursday 3 December". */
export function clockDate(at: number, language: Lang): string {
  return new Date(at).toLocaleDateString(
    language === 'zh' ? 'zh-CN' : 'en-GB',
    {
      timeZone: TZ,
      month: 'long',
      day: 'numeric',
      weekday: 'long',
    },
  );
}
