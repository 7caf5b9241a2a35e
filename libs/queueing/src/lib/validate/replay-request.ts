/** Check of the `POST /planning/replay` body: the customer log, the target, the interval grid, the layout. */
import {
  MAX_CATEGORIES,
  MAX_CODE_LENGTH,
  MAX_PROFILE_INTERVALS,
  MAX_REPLAY_CUSTOMERS,
  MAX_SERVICE_MINUTES,
} from '../limits';
import { isObj, num, target, time } from './fields';
import { validateLayout } from './layout';

/** `POST /planning/replay` body {customers, layout, target, intervals?}. */
export function validateReplayRequest(body: unknown): string[] {
  if (!isObj(body))
    return ['body must be an object {customers, layout, target}'];
  const errors: string[] = [];
  const codes = customers(errors, body['customers']);
  target(errors, 'target', body['target'], false);
  const intervalCount = intervals(errors, body['intervals']);
  if (errors.length === 0) {
    errors.push(
      ...validateLayout(body['layout'], {
        categoryCodes: [...codes],
        intervalCount,
        allowExtraCategories: true,
      }),
    );
  }
  return errors;
}

/**
 * `customers`: a non-empty array of at most MAX_REPLAY_CUSTOMERS {arrivalMinute, categoryCode,
 * serviceMinutes, patienceMinutes?} (patience in 0…MAX_SERVICE_MINUTES when given), using at most MAX_CATEGORIES codes; the messages stop after 20 bad customers.
 * Returns the category codes of the valid entries.
 */
function customers(errors: string[], list: unknown): Set<string> {
  const codes = new Set<string>();
  if (!Array.isArray(list) || list.length === 0) {
    errors.push(
      'customers must be a non-empty array of {arrivalMinute, categoryCode, serviceMinutes}',
    );
  } else if (list.length > MAX_REPLAY_CUSTOMERS) {
    errors.push(`customers must hold at most ${MAX_REPLAY_CUSTOMERS} entries`);
  } else {
    let reported = 0;
    for (let i = 0; i < list.length && reported < 20; i++) {
      const c: unknown = list[i];
      const before = errors.length;
      if (!isObj(c)) errors.push(`customers[${i}] must be an object`);
      else {
        num(errors, `customers[${i}].arrivalMinute`, c['arrivalMinute'], {
          min: 0,
          max: 100_000,
        });
        num(errors, `customers[${i}].serviceMinutes`, c['serviceMinutes'], {
          min: 0,
          max: MAX_SERVICE_MINUTES,
        });
        if (c['patienceMinutes'] !== undefined)
          num(errors, `customers[${i}].patienceMinutes`, c['patienceMinutes'], {
            min: 0,
            max: MAX_SERVICE_MINUTES,
          });
        const code = c['categoryCode'];
        if (
          typeof code !== 'string' ||
          code.length === 0 ||
          code.length > MAX_CODE_LENGTH
        ) {
          errors.push(
            `customers[${i}].categoryCode must be a non-empty string`,
          );
        } else codes.add(code);
      }
      if (errors.length > before) reported++;
    }
  }
  if (codes.size > MAX_CATEGORIES) {
    errors.push(
      `customers must use at most ${MAX_CATEGORIES} category codes (got ${codes.size})`,
    );
  }
  return codes;
}

/**
 * `intervals` (optional): a non-empty, contiguous array of at most MAX_PROFILE_INTERVALS {start,
 * end}, the grid `perInterval` window counts refer to. Returns their number (undefined when absent
 * or not an array of the allowed length).
 */
function intervals(errors: string[], list: unknown): number | undefined {
  if (list === undefined) return undefined;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.length > MAX_PROFILE_INTERVALS
  ) {
    errors.push(
      `intervals must be a non-empty array of at most ${MAX_PROFILE_INTERVALS} {start, end}`,
    );
    return undefined;
  }
  let prevEnd = NaN;
  list.forEach((p: unknown, i) => {
    if (!isObj(p)) {
      errors.push(`intervals[${i}] must be {start, end}`);
      return;
    }
    const a = time(errors, `intervals[${i}].start`, p['start']);
    const b = time(errors, `intervals[${i}].end`, p['end']);
    if (!Number.isNaN(a) && !Number.isNaN(b) && !(a < b)) {
      errors.push(`intervals[${i}].start must be before its end`);
    }
    if (i > 0 && !Number.isNaN(prevEnd) && a !== prevEnd) {
      errors.push(
        `intervals[${i}].start must equal the previous interval's end`,
      );
    }
    prevEnd = b;
  });
  return list.length;
}
