import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HANDLING_CHANNELS,
  ONLINE_CHANNELS,
  type HallChannelsResponse,
  type HallRatingsResponse,
  type HallWaitHeatmapResponse,
  type HandlingChannel,
  type RatingFigures,
  type TrendGranularity,
  type WindowChangeDay,
  type WindowChangesResponse,
} from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { assertSpan } from '../common/service-date';
import { hallTargetMinutes, periodsOf, round, share } from './analytics-math';
import { MAX_SPAN_DAYS } from './analytics.service';

/**
 * The breakdowns of one hall the hall overview draws beside its daily figures: cases handled per
 * channel, waits per weekday and hour, and the days its windows changed.
 */
@Injectable()
export class HallBreakdownsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Cases handled per channel and period, from the handling records (one row per day, item and
   * channel: a hall-year is a few ten thousand rows on the primary key).
   */
  async channels(
    hallId: string,
    from: string,
    to: string,
    granularity: TrendGranularity,
  ): Promise<HallChannelsResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    await hallTargetMinutes(this.db, hallId);
    const rows: { period: string; channel: HandlingChannel; n: number }[] =
      await this.db.query(
        `SELECT to_char(date_trunc($4, record_date)::date, 'YYYY-MM-DD') AS period, channel, sum(count)::int AS n
         FROM handling_records WHERE hall_id = $1 AND record_date BETWEEN $2 AND $3
         GROUP BY 1, 2`,
        [hallId, from, to, granularity],
      );
    const byPeriod = new Map<string, Record<HandlingChannel, number>>();
    for (const r of rows) {
      const c = byPeriod.get(r.period) ?? emptyChannels();
      c[r.channel] = r.n;
      byPeriod.set(r.period, c);
    }
    return {
      hallId,
      from,
      to,
      granularity,
      points: periodsOf(from, to, granularity).map(({ period }) => {
        const channels = byPeriod.get(period) ?? emptyChannels();
        const total = HANDLING_CHANNELS.reduce((n, c) => n + channels[c], 0);
        const online = ONLINE_CHANNELS.reduce((n, c) => n + channels[c], 0);
        return {
          period,
          channels,
          total,
          onlineRate: round(share(online, total), 4),
        };
      }),
    };
  }

  /** Arrivals and waits per ISO weekday and hour of issue over a span, from the hourly rollups. */
  async waitHeatmap(
    hallId: string,
    from: string,
    to: string,
  ): Promise<HallWaitHeatmapResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    const target = await hallTargetMinutes(this.db, hallId);
    const rows: {
      weekday: number;
      hour: number;
      days: number;
      arrivals: number;
      called: number;
      wait_sum: number;
      within: number;
    }[] = await this.db.query(
      `WITH days AS (
         SELECT extract(isodow FROM service_date)::int AS weekday, count(*)::int AS days
         FROM rollup_daily
         WHERE hall_id = $1 AND category_code = '*' AND arrivals > 0 AND service_date BETWEEN $2 AND $3
         GROUP BY 1
       )
       SELECT extract(isodow FROM h.service_date)::int AS weekday, h.hour::int AS hour, d.days,
              sum(h.arrivals)::int AS arrivals, sum(h.called)::int AS called,
              sum(h.wait_sum_seconds)::float AS wait_sum, sum(h.within_target)::int AS within
       FROM rollup_hourly h JOIN days d ON d.weekday = extract(isodow FROM h.service_date)::int
       WHERE h.hall_id = $1 AND h.service_date BETWEEN $2 AND $3
       GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [hallId, from, to],
    );
    return {
      hallId,
      from,
      to,
      targetWaitMinutes: target,
      cells: rows.map((r) => ({
        weekday: r.weekday,
        hour: r.hour,
        days: r.days,
        arrivals: r.arrivals,
        arrivalsPerDay: round(share(r.arrivals, r.days), 1),
        meanWaitMinutes: round(share(r.wait_sum, r.called * 60)),
        withinTargetShare: round(share(r.within, r.called), 4),
      })),
    };
  }

  /**
   * Ratings (好差评) over a span per window and per category, from the rollups (rollup_daily and
   * rollup_window_daily): the mean of the ratings given, their count, and the low ones (1–2).
   */
  async ratings(
    hallId: string,
    from: string,
    to: string,
  ): Promise<HallRatingsResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    await hallTargetMinutes(this.db, hallId);
    type Sums = {
      served: number;
      rating_sum: number;
      rated: number;
      low: number;
    };
    const [categories, windows]: [
      (Sums & { category_code: string })[],
      (Sums & {
        window_id: string;
        label: string;
        handled: number;
        handling: number;
      })[],
    ] = await Promise.all([
      this.db.query(
        `SELECT category_code, sum(served)::int AS served, sum(rating_sum)::int AS rating_sum,
                sum(rating_count)::int AS rated, sum(rating_low)::int AS low
         FROM rollup_daily WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3
         GROUP BY category_code ORDER BY category_code`,
        [hallId, from, to],
      ),
      this.db.query(
        `SELECT r.window_id, w.label, sum(r.served)::int AS served, sum(r.rating_sum)::int AS rating_sum,
                sum(r.rating_count)::int AS rated, sum(r.rating_low)::int AS low,
                sum(r.handled)::int AS handled, sum(r.handling_sum_seconds)::float AS handling
         FROM rollup_window_daily r JOIN windows w ON w.id = r.window_id
         WHERE r.hall_id = $1 AND r.service_date BETWEEN $2 AND $3
         GROUP BY r.window_id, w.label ORDER BY w.label`,
        [hallId, from, to],
      ),
    ]);
    const figures = (s: Sums): RatingFigures => ({
      served: s.served,
      rated: s.rated,
      meanRating: round(share(s.rating_sum, s.rated), 2),
      low: s.low,
      lowShare: round(share(s.low, s.rated), 4),
    });
    const whole = categories.find((c) => c.category_code === '*');
    return {
      hallId,
      from,
      to,
      overall: figures(whole ?? { served: 0, rating_sum: 0, rated: 0, low: 0 }),
      byWindow: windows.map((w) => ({
        windowId: w.window_id,
        label: w.label,
        ...figures(w),
        meanHandlingMinutes: round(share(w.handling, w.handled * 60)),
      })),
      byCategory: categories
        .filter((c) => c.category_code !== '*')
        .map((c) => ({ categoryCode: c.category_code, ...figures(c) })),
    };
  }

  /** The days in [from, to] on which windows opened, changed mode or left service, with their notes. */
  async windowChanges(
    hallId: string,
    from: string,
    to: string,
  ): Promise<WindowChangesResponse> {
    assertSpan(from, to);
    await hallTargetMinutes(this.db, hallId);
    const rows: {
      date: string;
      kind: 'opened' | 'converted' | 'retired';
      mode: 'department' | 'comprehensive' | null;
      prev_mode: 'department' | 'comprehensive' | null;
      n: number;
      notes: string[];
    }[] = await this.db.query(
      `WITH ev AS (
         SELECT kind, effective_date, mode, note,
                LAG(mode) OVER (PARTITION BY window_id ORDER BY effective_date, id) AS prev_mode
         FROM window_events WHERE hall_id = $1 AND effective_date <= $3
       )
       SELECT to_char(effective_date, 'YYYY-MM-DD') AS date, kind, mode, prev_mode, count(*)::int AS n,
              array_remove(array_agg(DISTINCT note), NULL) AS notes
       FROM ev WHERE effective_date >= $2
       GROUP BY 1, 2, 3, 4 ORDER BY 1`,
      [hallId, from, to],
    );
    const days = new Map<string, WindowChangeDay>();
    for (const r of rows) {
      const day = days.get(r.date) ?? {
        date: r.date,
        opened: { department: 0, comprehensive: 0 },
        converted: { toComprehensive: 0, toDepartment: 0 },
        retired: { department: 0, comprehensive: 0 },
        netChange: 0,
        notes: [],
      };
      if (r.kind === 'opened') {
        day.opened[r.mode ?? 'department'] += r.n;
        day.netChange += r.n;
      } else if (r.kind === 'retired') {
        day.retired[r.prev_mode ?? 'department'] += r.n;
        day.netChange -= r.n;
      } else if (r.mode !== r.prev_mode) {
        if (r.mode === 'comprehensive') day.converted.toComprehensive += r.n;
        else day.converted.toDepartment += r.n;
      }
      for (const note of r.notes)
        if (!day.notes.includes(note)) day.notes.push(note);
      days.set(r.date, day);
    }
    return { hallId, from, to, changes: [...days.values()] };
  }
}

function emptyChannels(): Record<HandlingChannel, number> {
  return Object.fromEntries(HANDLING_CHANNELS.map((c) => [c, 0])) as Record<
    HandlingChannel,
    number
  >;
}
