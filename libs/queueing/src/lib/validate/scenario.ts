/** Checks of a scenario: opening hours, daily arrivals, the arrival profile, categories, target. */
import { MAX_ARRIVALS_PER_DAY, MAX_PROFILE_INTERVALS } from '../limits';
import { categories } from './categories';
import {
  isObj,
  num,
  SHARE_SUM_TOLERANCE,
  shareSum,
  target,
  time,
} from './fields';

/** Checks a scenario (open < close, contiguous profile inside open…close, shares, services, target). */
export function validateScenario(s: unknown, path = 'scenario'): string[] {
  const errors: string[] = [];
  if (!isObj(s)) return [`${path} must be an object`];
  const open = time(errors, `${path}.open`, s['open']);
  const close = time(errors, `${path}.close`, s['close']);
  if (!Number.isNaN(open) && !Number.isNaN(close) && !(open < close)) {
    errors.push(`${path}.open must be before ${path}.close`);
  }
  num(errors, `${path}.arrivalsPerDay`, s['arrivalsPerDay'], {
    minExclusive: 0,
    max: MAX_ARRIVALS_PER_DAY,
  });
  profile(errors, path, s['profile'], open, close);
  categories(errors, `${path}.categories`, s['categories']);
  target(errors, `${path}.target`, s['target'], false);
  return errors;
}

/**
 * `<path>.profile` of the scenario at `path`: a non-empty array of at most MAX_PROFILE_INTERVALS
 * {start, end, share}, contiguous, inside open…close (NaN: not known), shares summing to 1.
 */
function profile(
  errors: string[],
  path: string,
  intervals: unknown,
  open: number,
  close: number,
): void {
  if (!Array.isArray(intervals) || intervals.length === 0) {
    errors.push(
      `${path}.profile must be a non-empty array of {start, end, share}`,
    );
    return;
  }
  if (intervals.length > MAX_PROFILE_INTERVALS) {
    errors.push(
      `${path}.profile must have at most ${MAX_PROFILE_INTERVALS} intervals`,
    );
    return;
  }
  let total = 0;
  let sharesOk = true;
  let prevEnd = NaN;
  intervals.forEach((p: unknown, i) => {
    const pp = `${path}.profile[${i}]`;
    if (!isObj(p)) {
      errors.push(`${pp} must be an object {start, end, share}`);
      sharesOk = false;
      return;
    }
    const a = time(errors, `${pp}.start`, p['start']);
    const b = time(errors, `${pp}.end`, p['end']);
    if (!Number.isNaN(a) && !Number.isNaN(b) && !(a < b)) {
      errors.push(`${pp}.start must be before its end`);
    }
    if (i === 0 && !Number.isNaN(a) && !Number.isNaN(open) && a < open) {
      errors.push(`${pp}.start must not be before ${path}.open`);
    }
    if (i > 0 && !Number.isNaN(a) && !Number.isNaN(prevEnd) && a !== prevEnd) {
      errors.push(
        `${pp}.start must equal the previous interval's end (the profile is contiguous)`,
      );
    }
    if (
      i === intervals.length - 1 &&
      !Number.isNaN(b) &&
      !Number.isNaN(close) &&
      b > close
    ) {
      errors.push(`${pp}.end must not be after ${path}.close`);
    }
    prevEnd = b;
    if (
      num(errors, `${pp}.share`, p['share'], {
        min: 0,
        max: 1 + SHARE_SUM_TOLERANCE,
      })
    )
      total += p['share'] as number;
    else sharesOk = false;
  });
  if (sharesOk) shareSum(errors, `${path}.profile`, total);
}
