import {
  MAX_TARGET_WAIT_MINUTES,
  SHARE_METRICS,
  type ErrorDetail,
  type TargetComparison,
  type TargetMetric,
} from '@onewindow/contracts';

/** The fields of a target whose validity depends on each other. */
export interface TargetFields {
  metric: TargetMetric;
  comparison: TargetComparison;
  value: number;
  parameter: number | null;
}

/**
 * What is wrong with a complete target beyond each field's own type (checked by the DTOs): shares
 * lie in [0, 1]; within_minutes_share needs its whole minutes (up to a day); consultation_mix may carry the online-human
 * share, which with the robot share stays within 1; other metrics take no parameter. Pure.
 */
export function targetProblems(t: TargetFields): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (SHARE_METRICS.includes(t.metric) && (t.value < 0 || t.value > 1)) {
    out.push({
      field: 'value',
      problems: [`must be a share between 0 and 1 for ${t.metric}`],
    });
  }
  if (t.metric === 'within_minutes_share') {
    if (
      t.parameter === null ||
      !Number.isInteger(t.parameter) ||
      t.parameter < 1 ||
      t.parameter > MAX_TARGET_WAIT_MINUTES
    ) {
      out.push({
        field: 'parameter',
        problems: [
          `must be the whole minutes (1–${MAX_TARGET_WAIT_MINUTES}) a ticket may wait, for within_minutes_share`,
        ],
      });
    }
  } else if (t.metric === 'consultation_mix') {
    if (t.parameter !== null && (t.parameter < 0 || t.parameter > 1)) {
      out.push({
        field: 'parameter',
        problems: [
          'must be the online-human share between 0 and 1, for consultation_mix',
        ],
      });
    } else if (t.parameter !== null && t.value + t.parameter > 1) {
      out.push({
        field: 'parameter',
        problems: [
          'the robot share (value) and the online-human share (parameter) must not exceed 1 together',
        ],
      });
    }
  } else if (t.parameter !== null) {
    out.push({
      field: 'parameter',
      problems: [
        `is not used by ${t.metric} (only within_minutes_share and consultation_mix)`,
      ],
    });
  }
  return out;
}
