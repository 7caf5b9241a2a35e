import type { HandlingChannel } from './enums';

/** One day of a hall (GET /analytics/halls/{hallId}/daily). */
export interface HallDay {
  date: string;
  /** people counted at the doors; null when no sensor reported that day */
  visitors: number | null;
  tickets: number;
  served: number;
  noShows: number;
  /** waiting tickets the holder cancelled more than ABANDON_AFTER_MINUTES after issue */
  abandoned: number;
  /** tickets still waiting when the hall closed */
  expired: number;
  /** mean wait of the called tickets */
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  /** called within the target ÷ (called + abandoned + expired): docs/figures.md */
  withinTargetShare: number | null;
  /** (abandoned + expired) ÷ (called + abandoned + expired) */
  abandonedShare: number | null;
  /** windows in service that day, and how many of them comprehensive */
  windowsOpen: number;
  windowsComprehensive: number;
  /** (online_web + online_mobile) / all channels of the day's handling records */
  onlineRate: number | null;
  staffMovesIn: number;
  staffMovesOut: number;
}

export interface HallDailyResponse {
  hallId: string;
  from: string;
  to: string;
  targetWaitMinutes: number;
  days: HallDay[];
}

/** Tickets issued in one hour of a day, of one category. */
export interface HallHour {
  hour: number;
  categoryCode: string;
  arrivals: number;
  called: number;
  served: number;
  noShows: number;
  abandoned: number;
  expired: number;
  meanWaitMinutes: number | null;
  p50WaitMinutes: number | null;
  p90WaitMinutes: number | null;
  /** called within the target ÷ (called + abandoned + expired): docs/figures.md */
  withinTargetShare: number | null;
  /** (abandoned + expired) ÷ (called + abandoned + expired) */
  abandonedShare: number | null;
  /** windows that called tickets of this category in this hour */
  busyWindows: number;
}

export interface HallHourlyResponse {
  hallId: string;
  date: string;
  hours: HallHour[];
}

export type TrendGranularity = 'day' | 'week' | 'month';

/** One period of a region's (or a hall's) trend. */
export interface TrendPoint {
  /** first day of the period */
  period: string;
  /** windows in service at the end of the period (within the span) */
  windows: number;
  windowsComprehensive: number;
  visitors: number | null;
  visitorsPerDay: number | null;
  tickets: number;
  onlineRate: number | null;
  meanWaitMinutes: number | null;
  /** called within the target ÷ (called + abandoned + expired): docs/figures.md */
  withinTargetShare: number | null;
  /** (abandoned + expired) ÷ (called + abandoned + expired) */
  abandonedShare: number | null;
}

export interface TrendTarget {
  regionCode: string | null;
  hallId: string | null;
  metric: string;
  comparison: string;
  value: number;
  parameter: number | null;
  dueDate: string;
}

export interface TrendSeries {
  regionCode?: string;
  hallId?: string;
  name: string;
  points: TrendPoint[];
  targets: TrendTarget[];
}

/** GET /analytics/regions/{code}/trends: the region, each child region, each hall directly in it. */
export interface RegionTrendsResponse {
  regionCode: string;
  from: string;
  to: string;
  granularity: TrendGranularity;
  region: TrendSeries;
  children: TrendSeries[];
  halls: TrendSeries[];
}

/** Cases handled per channel in one period (GET /analytics/halls/{hallId}/channels). */
export interface ChannelPoint {
  /** first day of the period */
  period: string;
  /** cases handled per channel (every channel of HANDLING_CHANNELS, 0 when none) */
  channels: Record<HandlingChannel, number>;
  total: number;
  /** (online_web + online_mobile) / total; null without cases */
  onlineRate: number | null;
}

export interface HallChannelsResponse {
  hallId: string;
  from: string;
  to: string;
  granularity: TrendGranularity;
  points: ChannelPoint[];
}

/** One hour of one weekday over a span (GET /analytics/halls/{hallId}/wait-heatmap). */
export interface WaitHeatmapCell {
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** hour of issue, local time (0…23) */
  hour: number;
  /** days of this weekday in the span on which the hall issued tickets */
  days: number;
  arrivals: number;
  /** arrivals / days */
  arrivalsPerDay: number | null;
  meanWaitMinutes: number | null;
  /** called within the target ÷ (called + abandoned + expired): docs/figures.md */
  withinTargetShare: number | null;
  /** (abandoned + expired) ÷ (called + abandoned + expired) */
  abandonedShare: number | null;
}

export interface HallWaitHeatmapResponse {
  hallId: string;
  from: string;
  to: string;
  targetWaitMinutes: number;
  /** only the weekday-hours with tickets */
  cells: WaitHeatmapCell[];
}

/** Window lifecycle changes of one day (GET /analytics/halls/{hallId}/window-changes). */
export interface WindowChangeDay {
  date: string;
  opened: { department: number; comprehensive: number };
  /** windows whose mode changed that day, by the mode they took */
  converted: { toComprehensive: number; toDepartment: number };
  /** windows that left service that day, by the mode they had */
  retired: { department: number; comprehensive: number };
  /** windows in service after the day minus before it */
  netChange: number;
  /** distinct notes recorded with the changes */
  notes: string[];
}

export interface WindowChangesResponse {
  hallId: string;
  from: string;
  to: string;
  changes: WindowChangeDay[];
}

/** One hall of a region's ranking over a span (GET /analytics/regions/{code}/hall-ranking). */
export interface HallRankingRow {
  hallId: string;
  name: string;
  regionCode: string;
  regionName: string;
  kind: string;
  /** windows in service on `from` and on `to` */
  windowsAtStart: number;
  windowsAtEnd: number;
  /** windowsAtStart − windowsAtEnd (negative when windows were added) */
  windowsCut: number;
  /** windowsCut / windowsAtStart */
  windowsCutShare: number | null;
  /** comprehensive windows / windows on `to` */
  comprehensiveShare: number | null;
  tickets: number;
  visitorsPerDay: number | null;
  onlineRate: number | null;
  meanWaitMinutes: number | null;
  /** mean of the daily 90th percentiles, weighted by the tickets called each day */
  p90WaitMinutes: number | null;
  /** called within the hall's target wait ÷ (called + abandoned + expired): docs/figures.md */
  withinTargetShare: number | null;
  /** (abandoned + expired) ÷ (called + abandoned + expired) */
  abandonedShare: number | null;
  targetWaitMinutes: number;
}

export interface HallRankingResponse {
  regionCode: string;
  from: string;
  to: string;
  /** every hall of the region's subtree, by name */
  halls: HallRankingRow[];
}

/** Ratings (好差评) of a group of tickets over a span: how many were rated, the mean, the low ones. */
export interface RatingFigures {
  /** tickets completed as done */
  served: number;
  rated: number;
  /** mean of the ratings given (1–5); null when none */
  meanRating: number | null;
  /** ratings of 1–2 (差评) */
  low: number;
  /** low ÷ rated; null when none */
  lowShare: number | null;
}

/** `GET /analytics/halls/{hallId}/ratings?from&to`: ratings per window and per category (from the rollups). */
export interface HallRatingsResponse {
  hallId: string;
  from: string;
  to: string;
  overall: RatingFigures;
  byWindow: (RatingFigures & {
    windowId: string;
    label: string;
    /** mean minutes from start to completion of the done tickets; null when none */
    meanHandlingMinutes: number | null;
  })[];
  byCategory: (RatingFigures & { categoryCode: string })[];
}

/** A span of days, both inclusive (YYYY-MM-DD). */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * Which days of a hall hold data (GET /analytics/halls/{hallId}/coverage): the first and last day
 * with tickets, and with the day's other facts (visitors, handling records, staff moves); null
 * when there is none. Pages use it to open on a span with data and to say why a chart is empty.
 */
export interface HallCoverage {
  hallId: string;
  tickets: DaySpan | null;
  facts: DaySpan | null;
}
