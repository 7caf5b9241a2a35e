/** Field checks shared by the Erlang request bodies (`POST /planning/erlang-c`, `/erlang-a`). */
import {
  MAX_ERLANG_ARRIVALS_PER_HOUR,
  MAX_ERLANG_OFFERED_LOAD,
  MAX_ERLANG_WINDOWS,
  MAX_SERVICE_MINUTES,
} from '../limits';
import { num, type Obj } from './fields';

/** arrivalsPerHour and meanServiceMinutes, and their offered load within MAX_ERLANG_OFFERED_LOAD. */
export function erlangLoad(errors: string[], body: Obj): void {
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
}

/** The optional `windows`: a whole number in 1..MAX_ERLANG_WINDOWS. */
export function erlangWindows(errors: string[], body: Obj): void {
  const w = body['windows'];
  if (w !== undefined)
    num(errors, 'windows', w, {
      integer: true,
      min: 1,
      max: MAX_ERLANG_WINDOWS,
    });
}
