import { Injectable } from '@nestjs/common';
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
import { FigureQueries } from '@onewindow/persistence';
import { assertSpan } from '../common/service-date';
import {
  hallTargetMinutes,
  outcomeShares,
  periodsOf,
  round,
  share,
} from './analytics-math';
import { MAX_SPAN_DAYS } from './analytics.service';

/**
 * The breakdowns of one hall the hall overview draws beside its daily figures: cases handled per
 * channel, waits per weekday and hour, and the days its windows changed.
 */
@Injectable()
export class HallBreakdownsService {
  constructor(private readonly figures: FigureQueries) {}

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
    await hallTargetMinutes(this.figures, hallId);
    const rows = await this.figures.channelsByPeriod(
      hallId,
      from,
      to,
      granularity,
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
    const target = await hallTargetMinutes(this.figures, hallId);
    const rows = await this.figures.waitHeatmap(hallId, from, to);
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
        ...outcomeShares(r),
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
    await hallTargetMinutes(this.figures, hallId);
    const [categories, windows] = await Promise.all([
      this.figures.ratingsByCategory(hallId, from, to),
      this.figures.ratingsByWindow(hallId, from, to),
    ]);
    const figures = (s: {
      served: number;
      rating_sum: number;
      rated: number;
      low: number;
    }): RatingFigures => ({
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
    await hallTargetMinutes(this.figures, hallId);
    const rows = await this.figures.windowChanges(hallId, from, to);
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
