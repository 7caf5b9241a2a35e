/** Check of the `POST /planning/erlang-c` body. */
import {
  MAX_ERLANG_ARRIVALS_PER_HOUR,
  MAX_ERLANG_OFFERED_LOAD,
  MAX_ERLANG_WINDOWS,
  MAX_SERVICE_MINUTES,
} from '../limits';
import { isObj, num, target } from './fields';

/** `POST /planning/erlang-c` body {arrivalsPerHour, meanServiceMinutes, target, windows?}. */
export function validateErlangCRequest(body: unknown): string[] {
  if (!isObj(body))
    return [
      'body must be an object {arrivalsPerHour, meanServiceMinutes, target}',
    ];
  const errors: string[] = [];
  const okA = num(errors, 'arrivalsPerHour', body['arrivalsPerHour'], {
    minExclusive: 0,
    max: MAX_ERLANG_ARRIVALS_PER_HOUR,
  });
  const okS = num(errors, 'meanServiceMinutes', body['meanServiceMinutes'], {
    minExclusive: 0,
    max: MAX_SERVICE_MINUTES,
  });
  if (okA && okS) {
    const a =
      ((body['arrivalsPerHour'] as number) *
        (body['meanServiceMinutes'] as number)) /
      60;
    if (a > MAX_ERLANG_OFFERED_LOAD) {
      errors.push(
        `arrivalsPerHour × meanServiceMinutes / 60 (offered load, ${a} erlangs) must be ≤ ${MAX_ERLANG_OFFERED_LOAD}`,
      );
    }
  }
  target(errors, 'target', body['target'], true);
  const w = body['windows'];
  if (w !== undefined)
    num(errors, 'windows', w, {
      integer: true,
      min: 1,
      max: MAX_ERLANG_WINDOWS,
    });
  return errors;
}
