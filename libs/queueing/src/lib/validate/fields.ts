/**
 * Field checks shared by the validators. Each pushes onto `errors` a message that starts with the
 * path of the field it is about and, where useful, tells the caller whether the value passed.
 */
import { MAX_SERVICE_MINUTES } from '../limits';
import { toMinutes } from '../time';

/** Shares must sum to 1 within this. */
export const SHARE_SUM_TOLERANCE = 1e-6;

export type Obj = Record<string, unknown>;
/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A finite number. */
export const isNum = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v);
/** A safe integer. */
export const isInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v);

/** Bounds of a numeric field; only the first rule it breaks is reported. */
export interface NumberRule {
  min?: number;
  minExclusive?: number;
  max?: number;
  maxExclusive?: number;
  integer?: boolean;
}

/** A finite number within `opts`; false (and one message) otherwise. */
export function num(
  errors: string[],
  path: string,
  v: unknown,
  opts: NumberRule,
): v is number {
  if (!isNum(v)) {
    errors.push(`${path} must be a finite number`);
    return false;
  }
  if (opts.integer && !Number.isInteger(v)) {
    errors.push(`${path} must be a whole number (got ${v})`);
    return false;
  }
  if (opts.min !== undefined && v < opts.min) {
    errors.push(`${path} must be ≥ ${opts.min} (got ${v})`);
    return false;
  }
  if (opts.minExclusive !== undefined && !(v > opts.minExclusive)) {
    errors.push(`${path} must be > ${opts.minExclusive} (got ${v})`);
    return false;
  }
  if (opts.max !== undefined && v > opts.max) {
    errors.push(`${path} must be ≤ ${opts.max} (got ${v})`);
    return false;
  }
  if (opts.maxExclusive !== undefined && !(v < opts.maxExclusive)) {
    errors.push(`${path} must be < ${opts.maxExclusive} (got ${v})`);
    return false;
  }
  return true;
}

/** A time of day as minutes since midnight; NaN (and a message) when it is not one. */
export function time(errors: string[], path: string, v: unknown): number {
  const m = toMinutes(v);
  if (Number.isNaN(m)) {
    errors.push(
      `${path} must be "HH:MM" (00:00–24:00) or minutes since midnight (0–1440)`,
    );
  }
  return m;
}

/** A service target {waitMinutes, share}: share in (0, 1], or in (0, 1) with `shareBelowOne` (Erlang C). */
export function target(
  errors: string[],
  path: string,
  t: unknown,
  shareBelowOne: boolean,
): void {
  if (!isObj(t)) {
    errors.push(`${path} must be an object {waitMinutes, share}`);
    return;
  }
  num(errors, `${path}.waitMinutes`, t['waitMinutes'], {
    min: 0,
    max: MAX_SERVICE_MINUTES,
  });
  if (shareBelowOne)
    num(errors, `${path}.share`, t['share'], {
      minExclusive: 0,
      maxExclusive: 1,
    });
  else num(errors, `${path}.share`, t['share'], { minExclusive: 0, max: 1 });
}

/** Shares of a list (profile intervals, categories) sum to 1 within SHARE_SUM_TOLERANCE. */
export function shareSum(errors: string[], path: string, total: number): void {
  if (Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
    errors.push(`${path} shares must sum to 1 (they sum to ${total})`);
  }
}
