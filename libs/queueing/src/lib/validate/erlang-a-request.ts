/** Check of the `POST /planning/erlang-a` body. */
import { MAX_SERVICE_MINUTES } from '../limits';
import { erlangLoad, erlangWindows } from './erlang-fields';
import { isObj, num, target } from './fields';

/**
 * `POST /planning/erlang-a` body {arrivalsPerHour, meanServiceMinutes, meanPatienceMinutes, target,
 * windows?}: the limits of erlang-c, and a patience above 0 and at most a day (as any duration).
 */
export function validateErlangARequest(body: unknown): string[] {
  if (!isObj(body))
    return [
      'body must be an object {arrivalsPerHour, meanServiceMinutes, meanPatienceMinutes, target}',
    ];
  const errors: string[] = [];
  erlangLoad(errors, body);
  num(errors, 'meanPatienceMinutes', body['meanPatienceMinutes'], {
    minExclusive: 0,
    max: MAX_SERVICE_MINUTES,
  });
  target(errors, 'target', body['target'], true);
  erlangWindows(errors, body);
  return errors;
}
