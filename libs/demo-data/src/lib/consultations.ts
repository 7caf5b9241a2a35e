import { dayOf, isHallOpen, isoOf } from './calendar';
import { HallSpec } from './halls';
import { hallId } from './ids';
import { Rng, apportion } from './rng';
import { SPAN_FROM, SPAN_TO, dayFactor } from './visitors';

export interface ConsultationRow {
  hall_id: string;
  record_date: string;
  channel: 'robot' | 'online_human' | 'window';
  count: number;
}

/**
 * Enquiries per day and channel (robot, online human, window), the mix moving from the hall's
 * start mix to its end mix over 2019–2020 (Nanhu: towards 60/30/10). Robot and online staff answer
 * every day, the window only on open days.
 */
export function consultationRows(
  spec: HallSpec,
  seed: number,
): ConsultationRow[] {
  const c = spec.consultations;
  if (!c) return [];
  const rng = Rng.derive(seed, 'consultations', spec.key);
  const hid = hallId(spec.key);
  const a = dayOf(SPAN_FROM);
  const b = dayOf(SPAN_TO);
  const rows: ConsultationRow[] = [];
  for (let d = a; d <= b; d++) {
    const t = (d - a) / (b - a);
    const noise = rng.noise(0.08);
    const mix = c.mixStart.map(
      (s, i) => (s + (c.mixEnd[i] - s) * t) * rng.noise(0.04),
    );
    const open = isHallOpen(d);
    const level = (c.daily[0] + (c.daily[1] - c.daily[0]) * t) * noise;
    const total = Math.round(
      open ? level * dayFactor(d) : level * 0.3 * (mix[0] + mix[1]),
    );
    const counts = apportion(total, open ? mix : [mix[0], mix[1], 0]);
    (['robot', 'online_human', 'window'] as const).forEach((ch, i) => {
      if (counts[i] > 0)
        rows.push({
          hall_id: hid,
          record_date: isoOf(d),
          channel: ch,
          count: counts[i],
        });
    });
  }
  return rows;
}
