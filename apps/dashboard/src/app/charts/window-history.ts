import type { WindowChangeDay, WindowHistoryDay } from '@onewindow/contracts';
import type { Lang } from '../core/i18n/languages';
import type { CsvTable } from '../core/format/csv';
import { CHART_COLORS, ChartOption, MUTED_TEXT } from './chart-option';
import { asList, BuildConfig, fill, tr } from './common';

/** Above this many days the chart shows one point a week (the CSV always has every day). */
export const WEEKLY_THRESHOLD_DAYS = 366;

/**
 * Thins a long daily series to weekly points: the first day of every 7-day run, plus the last day, so
 * the chart still starts and ends on the span's bounds. Short series come back unchanged.
 */
export function thinToWeekly<T extends { date: string }>(
  days: readonly T[],
  threshold = WEEKLY_THRESHOLD_DAYS,
): T[] {
  if (days.length <= threshold) return [...days];
  const points: T[] = [];
  for (let i = 0; i < days.length; i += 7) points.push(days[i]);
  const last = days[days.length - 1];
  if (points[points.length - 1] !== last) points.push(last);
  return points;
}

/**
 * One line on what a day did to the windows, as a reform report would put it: "36 department
 * windows merged into 26 comprehensive windows, 10 removed", "12 department windows removed"…
 */
export function describeWindowChange(c: WindowChangeDay, lang: Lang): string {
  const t = tr(lang);
  const w = t.windowChange;
  const mode = (m: 'department' | 'comprehensive') => w[m];
  const parts: string[] = [];
  let retiredDept = c.retired.department;
  let openedComp = c.opened.comprehensive;
  // department windows closed on the day comprehensive ones opened: a merger
  if (retiredDept > 0 && openedComp > 0 && retiredDept >= openedComp) {
    const removed = retiredDept - openedComp;
    parts.push(
      fill(removed > 0 ? w.mergedRemoved : w.merged, {
        from: retiredDept,
        to: openedComp,
        removed,
      }),
    );
    retiredDept = 0;
    openedComp = 0;
  }
  if (c.converted.toComprehensive > 0)
    parts.push(fill(w.converted, { count: c.converted.toComprehensive }));
  if (c.converted.toDepartment > 0)
    parts.push(fill(w.convertedBack, { count: c.converted.toDepartment }));
  if (c.opened.department > 0)
    parts.push(
      fill(w.opened, { count: c.opened.department, mode: mode('department') }),
    );
  if (openedComp > 0)
    parts.push(
      fill(w.opened, { count: openedComp, mode: mode('comprehensive') }),
    );
  if (retiredDept > 0)
    parts.push(
      fill(w.removed, { count: retiredDept, mode: mode('department') }),
    );
  if (c.retired.comprehensive > 0)
    parts.push(
      fill(w.removed, {
        count: c.retired.comprehensive,
        mode: mode('comprehensive'),
      }),
    );
  return parts.join(lang === 'en' ? '; ' : '；');
}

/** "−10", "+6", "±0" */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

export interface WindowHistoryOptionsConfig extends BuildConfig {
  /** Days the windows changed: drawn as marked lines, labelled with the net change. */
  changes?: readonly WindowChangeDay[];
}

/**
 * ECharts option of a hall's windows over time: department and comprehensive windows stacked (so the
 * top of the stack is the total), plus the total as a dashed line, and the days windows changed
 * marked. Pure: same input, same option.
 */
export function windowHistoryOptions(
  days: readonly WindowHistoryDay[],
  lang: Lang,
  config: WindowHistoryOptionsConfig = {},
): ChartOption {
  const t = tr(lang).chart;
  const points = thinToWeekly(days);
  const stepped = {
    type: 'line' as const,
    step: 'end' as const,
    showSymbol: false,
    stack: 'windows',
  };
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  const marks = (config.changes ?? []).filter(
    (c) => c.date >= first && c.date <= last,
  );

  return {
    animation: config.animation ?? true,
    color: [
      CHART_COLORS.department,
      CHART_COLORS.comprehensive,
      CHART_COLORS.total,
    ],
    legend: { top: 0 },
    grid: { left: 56, right: 32, top: 48, bottom: 88 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asList(params);
        const date = String(
          (list[0]?.value as [string, number] | undefined)?.[0] ?? '',
        );
        const rows = list.map(
          (p) =>
            `${p.marker ?? ''}${p.seriesName}: ${(p.value as [string, number])[1]}`,
        );
        const change = marks.find((c) => c.date === date);
        const extra = change
          ? [`${t.netChange}: ${signed(change.netChange)}`]
          : [];
        return [`${t.date}: ${date}`, ...rows, ...extra].join('<br/>');
      },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 24 }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: t.windows, minInterval: 1 },
    series: [
      {
        ...stepped,
        name: t.department,
        areaStyle: { opacity: 0.35 },
        data: points.map((d) => [d.date, d.department]),
      },
      {
        ...stepped,
        name: t.comprehensive,
        areaStyle: { opacity: 0.35 },
        data: points.map((d) => [d.date, d.comprehensive]),
      },
      {
        type: 'line',
        step: 'end',
        showSymbol: false,
        name: t.total,
        lineStyle: { type: 'dashed', width: 2 },
        data: points.map((d) => [d.date, d.total]),
        markLine: marks.length
          ? {
              symbol: ['none', 'none'],
              silent: true,
              animation: false,
              lineStyle: { color: MUTED_TEXT, type: 'dotted', width: 1 },
              label: {
                position: 'end',
                color: MUTED_TEXT,
                fontSize: 11,
              },
              data: marks.map((c) => ({
                name: c.date,
                xAxis: c.date,
                label: { formatter: signed(c.netChange) },
              })),
            }
          : undefined,
      },
    ],
  };
}

/** Every day of the span as a table (the CSV has every day even when the chart thins them). */
export function windowHistoryTable(
  days: readonly WindowHistoryDay[],
  lang: Lang,
): CsvTable {
  const t = tr(lang).chart;
  return {
    header: [t.date, t.department, t.comprehensive, t.total],
    rows: days.map((d) => [d.date, d.department, d.comprehensive, d.total]),
  };
}

/** The change days as a table (the list under the chart and its CSV). */
export function windowChangesTable(
  changes: readonly WindowChangeDay[],
  lang: Lang,
): CsvTable {
  const t = tr(lang);
  return {
    header: [
      t.hall.changeColDate,
      t.hall.changeColWhat,
      t.hall.changeColNet,
      t.hall.changeColNote,
    ],
    rows: changes.map((c) => [
      c.date,
      describeWindowChange(c, lang),
      c.netChange,
      c.notes.join(' / '),
    ]),
  };
}
