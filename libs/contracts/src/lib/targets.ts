/** Reform targets of a hall or a region, with their latest actual value and status. */

export const TARGET_METRICS = [
  'windows',
  'online_rate',
  'daily_visitors',
  'mean_wait',
  'within_minutes_share',
  'consultation_mix',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** Metrics whose value is a share in [0, 1]. */
export const SHARE_METRICS: readonly TargetMetric[] = [
  'online_rate',
  'within_minutes_share',
  'consultation_mix',
];

export const TARGET_COMPARISONS = ['lt', 'le', 'gt', 'ge', 'eq'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export const TARGET_STATUSES = [
  'met',
  'on_track',
  'behind',
  'missed',
  'no_data',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** A target belongs to exactly one hall or one region (its whole subtree). */
export type TargetScope = { hallId: string } | { regionCode: string };

/** What the actual value was computed from. */
export interface TargetBasis {
  /** First and last date of the facts used (the same date for windows). */
  from: string;
  to: string;
  /**
   * How many facts: windows → halls counted; online_rate → cases handled; daily_visitors → days
   * with footfall; mean_wait, within_minutes_share → called tickets; consultation_mix → consultations.
   */
  sampleSize: number;
}

export interface TargetActual {
  /** Rounded to 4 decimals (the target's precision); the status compares this value. */
  value: number;
  /** The date the value describes: today, or the due date once it has passed. */
  asOf: string;
  basis: TargetBasis;
}

/** A target as stored (the audit log's before/after). */
export interface TargetDefinition {
  id: string;
  scope: TargetScope;
  metric: TargetMetric;
  comparison: TargetComparison;
  value: number;
  /** within_minutes_share: the minutes; consultation_mix: the online-human share; else null. */
  parameter: number | null;
  dueDate: string;
  note: string | null;
}

export interface TargetView extends TargetDefinition {
  actual: TargetActual | null;
  status: TargetStatus;
}

/**
 * A within_minutes_share target counts whole minutes of wait, from 1 up to a day: what the
 * rollups' per-minute wait histogram answers exactly.
 */
export const MAX_TARGET_WAIT_MINUTES = 1440;
