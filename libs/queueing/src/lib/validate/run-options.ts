/** Checks of a run's options (replications, seed, warm-up) and of the run sizes the library and the API accept. */
import {
  DEFAULT_REPLICATIONS,
  MAX_CUSTOMER_REPLICATIONS,
  MAX_REPLICATIONS,
  MAX_SYNC_CUSTOMER_REPLICATIONS,
  MIN_REPLICATIONS,
} from '../limits';
import { isInt, isNum, isObj, num } from './fields';

/** Replications, seed and warm-up of a run; the size limit of the library (not the synchronous one). */
export function validateRunOptions(
  scenario: unknown,
  options: unknown,
  path = '',
): string[] {
  const errors: string[] = [];
  if (options === undefined) return errors;
  if (!isObj(options)) return [`${path || 'options'} must be an object`];
  const p = (f: string) => (path ? `${path}.${f}` : f);
  const reps = options['replications'];
  if (reps !== undefined) {
    num(errors, p('replications'), reps, {
      integer: true,
      min: MIN_REPLICATIONS,
      max: MAX_REPLICATIONS,
    });
  }
  const seed = options['seed'];
  if (seed !== undefined && !isInt(seed))
    errors.push(`${p('seed')} must be a safe integer`);
  const warm = options['warmUpMinutes'];
  if (warm !== undefined)
    num(errors, p('warmUpMinutes'), warm, { min: 0, max: 1440 });
  const apd = isObj(scenario) ? scenario['arrivalsPerDay'] : undefined;
  if (isNum(apd) && isNum(reps) && apd * reps > MAX_CUSTOMER_REPLICATIONS) {
    errors.push(
      `${p('replications')}: arrivalsPerDay × replications must be ≤ ${MAX_CUSTOMER_REPLICATIONS}`,
    );
  }
  return errors;
}

/**
 * arrivalsPerDay × replications (default DEFAULT_REPLICATIONS) within MAX_SYNC_CUSTOMER_REPLICATIONS, the size the
 * API answers inside a request.
 */
export function syncSize(
  errors: string[],
  scenario: unknown,
  reps: unknown,
  path: string,
): void {
  const apd = isObj(scenario) ? scenario['arrivalsPerDay'] : undefined;
  const r = reps === undefined ? DEFAULT_REPLICATIONS : reps;
  if (isNum(apd) && isNum(r) && apd * r > MAX_SYNC_CUSTOMER_REPLICATIONS) {
    errors.push(
      `${path}: arrivalsPerDay × replications must be ≤ ${MAX_SYNC_CUSTOMER_REPLICATIONS} for an immediate answer (plan a job for more)`,
    );
  }
}

export interface RequestCheckOptions {
  /**
   * true (default): also enforce MAX_SYNC_CUSTOMER_REPLICATIONS, the size the API answers inside a
   * request; false: only the library's own limit (a planning job).
   */
  synchronous?: boolean;
}
