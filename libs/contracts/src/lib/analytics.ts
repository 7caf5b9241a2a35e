/** One day of a hall (GET /analytics/halls/{hallId}/daily). */
export interface HallDay {
  date: string;
  /** people counted at the doors; null when no sensor reported that day */
  visitors: number | null;
  tickets: number;
  served: number;
  noShows: number;
  meanWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  withinTargetShare: number | null;
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
  meanWaitMinutes: number | null;
  p50WaitMinutes: number | null;
  p90WaitMinutes: number | null;
  withinTargetShare: number | null;
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
  withinTargetShare: number | null;
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
