/** Check of the `POST /planning/erlang-c` body. */
import { erlangLoad, erlangWindows } from './erlang-fields';
import { isObj, target } from './fields';

/** `POST /planning/erlang-c` body {arrivalsPerHour, meanServiceMinutes, target, windows?}. */
export function validateErlangCRequest(body: unknown): string[] {
  if (!isObj(body))
    return [
      'body must be an object {arrivalsPerHour, meanServiceMinutes, target}',
    ];
  const errors: string[] = [];
  erlangLoad(errors, body);
  target(errors, 'target', body['target'], true);
  erlangWindows(errors, body);
  return errors;
}
