import {
  SHARE_METRICS,
  type TargetMetric,
  type TargetView,
} from '@onewindow/contracts';
import { fill } from '../../charts/common';
import { Lang, TRANSLATIONS } from '../i18n/languages';
import { formatNumber, formatPercent } from './format';

/** A target's value (or actual) in its metric's unit: "80%", "30", "12.5". */
export function formatMetricValue(
  metric: TargetMetric,
  value: number | null | undefined,
  lang: Lang,
): string {
  if (SHARE_METRICS.includes(metric)) return formatPercent(value, lang, 1);
  return formatNumber(value, lang, metric === 'mean_wait' ? 1 : 0);
}

/** "≥ 80%", "< 30", "≥ 80%（15 分钟内）" */
export function formatTarget(target: TargetView, lang: Lang): string {
  const t = TRANSLATIONS[lang];
  const base = `${t.comparison[target.comparison]} ${formatMetricValue(target.metric, target.value, lang)}`;
  if (target.metric === 'within_minutes_share' && target.parameter !== null)
    return `${base} (${fill(t.chart.withinTarget, { minutes: target.parameter })})`;
  return base;
}

/** A target's latest actual in its metric's unit, "—" when there is none yet. */
export function formatActual(target: TargetView, lang: Lang): string {
  return target.actual
    ? formatMetricValue(target.metric, target.actual.value, lang)
    : '—';
}
