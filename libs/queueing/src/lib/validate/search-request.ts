/** Check of the `POST /planning/minimum-windows` body: the scenario and the search's options. */
import { isObj } from './fields';
import { validateLayout } from './layout';
import {
  type RequestCheckOptions,
  syncSize,
  validateRunOptions,
} from './run-options';
import { validateScenario } from './scenario';

/** `POST /planning/minimum-windows` body {scenario, layout: {kind, pools?}, criterion, replications?, seed?}. */
export function validateMinimumWindowsRequest(
  body: unknown,
  options: RequestCheckOptions = {},
): string[] {
  if (!isObj(body))
    return ['body must be an object {scenario, layout: {kind}, criterion}'];
  const errors = validateScenario(body['scenario']);
  const layout = body['layout'];
  if (!isObj(layout)) errors.push('layout must be an object {kind}');
  else {
    const kind = layout['kind'];
    if (
      kind !== 'comprehensive' &&
      kind !== 'department' &&
      kind !== 'hybrid'
    ) {
      errors.push('layout.kind must be comprehensive, department or hybrid');
    } else if (
      kind === 'hybrid' &&
      layout['pools'] !== undefined &&
      errors.length === 0
    ) {
      const pools = layout['pools'];
      const withWindows = Array.isArray(pools)
        ? pools.map((p: unknown) => (isObj(p) ? { ...p, windows: 1 } : p))
        : pools;
      errors.push(
        ...validateLayout({ kind, pools: withWindows }, body['scenario']),
      );
    }
  }
  const c = body['criterion'];
  if (c !== undefined && c !== 'day' && c !== 'everyInterval') {
    errors.push('criterion must be "day" or "everyInterval"');
  }
  errors.push(
    ...validateRunOptions(body['scenario'], {
      replications: body['replications'],
      seed: body['seed'],
    }),
  );
  if (options.synchronous !== false) {
    syncSize(errors, body['scenario'], body['replications'], 'replications');
  }
  return errors;
}
