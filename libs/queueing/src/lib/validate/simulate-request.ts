/** Check of the `POST /planning/simulate` body. */
import { isObj } from './fields';
import { validateLayout } from './layout';
import {
  type RequestCheckOptions,
  syncSize,
  validateRunOptions,
} from './run-options';
import { validateScenario } from './scenario';

/** `POST /planning/simulate` body {scenario, layout, replications?, seed?}. */
export function validateSimulateRequest(
  body: unknown,
  options: RequestCheckOptions = {},
): string[] {
  if (!isObj(body))
    return ['body must be an object {scenario, layout, replications?, seed?}'];
  const s = validateScenario(body['scenario']);
  const errors = [...s];
  if (s.length === 0)
    errors.push(...validateLayout(body['layout'], body['scenario']));
  errors.push(
    ...validateRunOptions(
      body['scenario'],
      { replications: body['replications'], seed: body['seed'] },
      '',
    ),
  );
  if (options.synchronous !== false) {
    syncSize(errors, body['scenario'], body['replications'], 'replications');
  }
  return errors;
}
