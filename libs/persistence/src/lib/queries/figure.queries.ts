import {
  MAX_TARGET_WAIT_MINUTES,
  type HandlingChannel,
} from '@onewindow/contracts';
import { RegionFigureQueries } from './figure-region.queries';
import { Queries } from './queries';

/** The first and last day with tickets, and with other facts, of a hall (null: none). */
export interface HallCoverageRow {
  t_from: string | null;
  t_to: string | null;
  f_from: string | null;
  f_to: string | null;
}

/** A hall's ticket figures of one day (rollup_daily, the whole hall). */
export interface HallDayRow {
  date: string;
  arrivals: number;
  called: number;
  served: number;
  no_shows: number;
  wait_sum_seconds: number;
  wait_p90_seconds: number | null;
  within_target: number;
  abandoned: number;
  expired: number;
}

/** A hall's other facts of one day (rollup_hall_facts). */
export interface HallFactDayRow {
  date: string;
  visitors: number | null;
  handled_total: number;
  handled_online: number;
  staff_moves_in: number;
  staff_moves_out: number;
}

/** A hall's ticket figures of one hour and category (rollup_hourly). */
export interface HallHourRow {
  hour: number;
  category_code: string;
  arrivals: number;
  called: number;
  served: number;
  no_shows: number;
  wait_sum_seconds: number;
  wait_p50_seconds: number | null;
  wait_p90_seconds: number | null;
  within_target: number;
  busy_windows: number;
  abandoned: number;
  expired: number;
}

/** Cases handled in one period through one channel. */
export interface ChannelPeriodRow {
  period: string;
  channel: HandlingChannel;
  n: number;
}

/** Arrivals and waits of one ISO weekday and hour of issue over a span. */
export interface WaitCellRow {
  weekday: number;
  hour: number;
  /** days of that weekday with tickets */
  days: number;
  arrivals: number;
  called: number;
  wait_sum: number;
  within: number;
  abandoned: number;
  expired: number;
}

/** Sums of ratings. */
export interface RatingSumsRow {
  served: number;
  rating_sum: number;
  rated: number;
  low: number;
}

/** Rating sums of one category ('*': the whole hall). */
export interface CategoryRatingsRow extends RatingSumsRow {
  category_code: string;
}

/** Rating and handling sums of one window. */
export interface WindowRatingsRow extends RatingSumsRow {
  window_id: string;
  label: string;
  handled: number;
  handling: number;
}

/** Window events of one day, kind and mode (with the mode each window had before). */
export interface WindowChangeRow {
  date: string;
  kind: 'opened' | 'converted' | 'retired';
  mode: 'department' | 'comprehensive' | null;
  prev_mode: 'department' | 'comprehensive' | null;
  n: number;
  notes: string[];
}

/** Called tickets over a span: their count, the sum of their waits, and how many waited at most N minutes. */
export interface WaitSumsRow {
  called: number;
  wait_sum: number;
  within: number;
  abandoned: number;
  expired: number;
}

/** Sums of the day facts of some halls over a span (see FigureQueries.factSums). */
export interface FactSumsRow {
  handled_total: number;
  handled_online: number;
  visitors: number;
  visitor_days: number;
  consultations_total: number;
  consultations_robot: number;
}

/**
 * The figures: rollup reads for halls (rollup_daily, rollup_hourly, rollup_window_daily,
 * rollup_hall_facts) and the few facts read beside them (handling records per channel, window
 * events), the one source of analytics and target actuals. Region figures: `regions`.
 */
export class FigureQueries extends Queries {
  /**
   * The waits rollup_daily.wait_minute_counts counts minute by minute: element k (k = 0 … 1440)
   * counts the called tickets whose wait in seconds has ceil(wait / 60) = k (a wait of 0 s or less
   * in element 0), element 1441 every longer one. The share called within N minutes is exact from
   * the rollups for every whole N from 0 to this.
   */
  static readonly WAIT_MINUTES_COUNTED = MAX_TARGET_WAIT_MINUTES;

  /** The figures of regions (region rollups, the parts of a trend, the ranking), on the same connection. */
  readonly regions = new RegionFigureQueries(this.db);

  /** A hall's target wait in minutes; undefined for an unknown hall. */
  async hallTargetWait(hallId: string): Promise<number | undefined> {
    const row = await this.row<{ target: number }>(
      `SELECT target_wait_minutes AS target FROM halls WHERE id = $1`,
      [hallId],
    );
    return row?.target;
  }

  /** The first and last day with tickets, and with other facts (only days before `before` when given). */
  async hallCoverage(
    hallId: string,
    before: string | null,
  ): Promise<HallCoverageRow> {
    return (await this.row<HallCoverageRow>(
      `WITH t AS (SELECT service_date FROM rollup_daily
                  WHERE hall_id = $1 AND category_code = '*' AND arrivals > 0
                    AND ($2::date IS NULL OR service_date < $2::date)),
            f AS (SELECT service_date FROM rollup_hall_facts
                  WHERE hall_id = $1 AND ($2::date IS NULL OR service_date < $2::date))
       SELECT (SELECT to_char(min(service_date), 'YYYY-MM-DD') FROM t) AS t_from,
              (SELECT to_char(max(service_date), 'YYYY-MM-DD') FROM t) AS t_to,
              (SELECT to_char(min(service_date), 'YYYY-MM-DD') FROM f) AS f_from,
              (SELECT to_char(max(service_date), 'YYYY-MM-DD') FROM f) AS f_to`,
      [hallId, before],
    )) as HallCoverageRow;
  }

  /** A hall's ticket figures per day of a span (days without tickets have no row). */
  hallDays(hallId: string, from: string, to: string): Promise<HallDayRow[]> {
    return this.rows<HallDayRow>(
      `SELECT to_char(service_date, 'YYYY-MM-DD') AS date, arrivals, called, served, no_shows,
                wait_sum_seconds, wait_p90_seconds, within_target, abandoned, expired
         FROM rollup_daily WHERE hall_id = $1 AND category_code = '*' AND service_date BETWEEN $2 AND $3`,
      [hallId, from, to],
    );
  }

  /** A hall's other facts per day of a span (days never rolled up have no row). */
  hallFactDays(
    hallId: string,
    from: string,
    to: string,
  ): Promise<HallFactDayRow[]> {
    return this.rows<HallFactDayRow>(
      `SELECT to_char(service_date, 'YYYY-MM-DD') AS date, visitors, handled_total, handled_online,
                staff_moves_in, staff_moves_out
         FROM rollup_hall_facts WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3`,
      [hallId, from, to],
    );
  }

  /** A hall's ticket figures of one day per hour and category. */
  hallHours(hallId: string, date: string): Promise<HallHourRow[]> {
    return this.rows<HallHourRow>(
      `SELECT hour, category_code, arrivals, called, served, no_shows, wait_sum_seconds,
              wait_p50_seconds, wait_p90_seconds, within_target, busy_windows, abandoned, expired
       FROM rollup_hourly WHERE hall_id = $1 AND service_date = $2 ORDER BY hour, category_code`,
      [hallId, date],
    );
  }

  /**
   * Cases handled per period (date_trunc `granularity`) and channel, from the handling records (one
   * row per day, item and channel: a hall-year is a few ten thousand rows on the primary key).
   */
  channelsByPeriod(
    hallId: string,
    from: string,
    to: string,
    granularity: string,
  ): Promise<ChannelPeriodRow[]> {
    return this.rows<ChannelPeriodRow>(
      `SELECT to_char(date_trunc($4, record_date)::date, 'YYYY-MM-DD') AS period, channel, sum(count)::int AS n
         FROM handling_records WHERE hall_id = $1 AND record_date BETWEEN $2 AND $3
         GROUP BY 1, 2`,
      [hallId, from, to, granularity],
    );
  }

  /** Arrivals and waits per ISO weekday and hour of issue over a span, from the hourly rollups. */
  waitHeatmap(
    hallId: string,
    from: string,
    to: string,
  ): Promise<WaitCellRow[]> {
    return this.rows<WaitCellRow>(
      `WITH days AS (
         SELECT extract(isodow FROM service_date)::int AS weekday, count(*)::int AS days
         FROM rollup_daily
         WHERE hall_id = $1 AND category_code = '*' AND arrivals > 0 AND service_date BETWEEN $2 AND $3
         GROUP BY 1
       )
       SELECT extract(isodow FROM h.service_date)::int AS weekday, h.hour::int AS hour, d.days,
              sum(h.arrivals)::int AS arrivals, sum(h.called)::int AS called,
              sum(h.wait_sum_seconds)::float AS wait_sum, sum(h.within_target)::int AS within,
              sum(h.abandoned)::int AS abandoned, sum(h.expired)::int AS expired
       FROM rollup_hourly h JOIN days d ON d.weekday = extract(isodow FROM h.service_date)::int
       WHERE h.hall_id = $1 AND h.service_date BETWEEN $2 AND $3
       GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [hallId, from, to],
    );
  }

  /** Rating sums over a span per category, '*' (the whole hall) included. */
  ratingsByCategory(
    hallId: string,
    from: string,
    to: string,
  ): Promise<CategoryRatingsRow[]> {
    return this.rows<CategoryRatingsRow>(
      `SELECT category_code, sum(served)::int AS served, sum(rating_sum)::int AS rating_sum,
                sum(rating_count)::int AS rated, sum(rating_low)::int AS low
         FROM rollup_daily WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3
         GROUP BY category_code ORDER BY category_code`,
      [hallId, from, to],
    );
  }

  /** Rating and handling sums over a span per window, by label. */
  ratingsByWindow(
    hallId: string,
    from: string,
    to: string,
  ): Promise<WindowRatingsRow[]> {
    return this.rows<WindowRatingsRow>(
      `SELECT r.window_id, w.label, sum(r.served)::int AS served, sum(r.rating_sum)::int AS rating_sum,
                sum(r.rating_count)::int AS rated, sum(r.rating_low)::int AS low,
                sum(r.handled)::int AS handled, sum(r.handling_sum_seconds)::float AS handling
         FROM rollup_window_daily r JOIN windows w ON w.id = r.window_id
         WHERE r.hall_id = $1 AND r.service_date BETWEEN $2 AND $3
         GROUP BY r.window_id, w.label ORDER BY w.label`,
      [hallId, from, to],
    );
  }

  /**
   * The window events of a span counted per day, kind, mode and the mode before, with their notes
   * (the mode before is read from every earlier event of the window).
   */
  windowChanges(
    hallId: string,
    from: string,
    to: string,
  ): Promise<WindowChangeRow[]> {
    return this.rows<WindowChangeRow>(
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
  }

  /**
   * Over some halls' service days in a span, the tickets that were called (rollup_daily, whole
   * halls): their count, the sum of their waits in seconds and, with `withinMinutes` (a whole
   * number from 0 to WAIT_MINUTES_COUNTED), how many waited at most that many minutes: the sum of
   * the histogram's elements 0 … withinMinutes (element k at SQL subscript k + 1).
   */
  async waitSums(
    hallIds: string[],
    from: string,
    to: string,
    withinMinutes: number | null,
  ): Promise<WaitSumsRow> {
    return (await this.row<WaitSumsRow>(
      `SELECT COALESCE(sum(called), 0)::int AS called,
              COALESCE(sum(wait_sum_seconds), 0)::float AS wait_sum,
              COALESCE(sum((SELECT sum(n) FROM unnest(wait_minute_counts[1:$4::int + 1]) n)), 0)::int AS within,
              COALESCE(sum(abandoned), 0)::int AS abandoned, COALESCE(sum(expired), 0)::int AS expired
       FROM rollup_daily
       WHERE hall_id = ANY($1) AND category_code = '*' AND service_date BETWEEN $2 AND $3`,
      [hallIds, from, to, withinMinutes],
    )) as WaitSumsRow;
  }

  /**
   * Over some halls' days in a span (rollup_hall_facts): cases handled (all channels and the online
   * ones), visitors and the days with a door count (days, not hall-days), consultations (all and by
   * the robot).
   */
  async factSums(
    hallIds: string[],
    from: string,
    to: string,
  ): Promise<FactSumsRow> {
    return (await this.row<FactSumsRow>(
      `SELECT COALESCE(sum(handled_total), 0)::float AS handled_total,
              COALESCE(sum(handled_online), 0)::float AS handled_online,
              COALESCE(sum(visitors), 0)::float AS visitors,
              count(DISTINCT service_date) FILTER (WHERE visitors IS NOT NULL)::int AS visitor_days,
              COALESCE(sum(consultations_total), 0)::float AS consultations_total,
              COALESCE(sum(consultations_robot), 0)::float AS consultations_robot
       FROM rollup_hall_facts
       WHERE hall_id = ANY($1) AND service_date BETWEEN $2 AND $3`,
      [hallIds, from, to],
    )) as FactSumsRow;
  }
}
