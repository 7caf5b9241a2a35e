/** Checks of one pool's window counts (WindowsSpec). */
import { MAX_WINDOWS_PER_POOL } from '../limits';
import { isObj, num } from './fields';

/**
 * A WindowsSpec: a whole count in 0…MAX_WINDOWS_PER_POOL, or {perInterval, afterClose?} with one
 * such count per interval of the grid (`intervalCount`; undefined: no grid, perInterval is refused).
 * With `needsWindow` (the pool has customers) the count, or the count after close, must be ≥ 1.
 */
export function windows(
  errors: string[],
  path: string,
  w: unknown,
  intervalCount: number | undefined,
  needsWindow: boolean,
): void {
  const count = { integer: true, min: 0, max: MAX_WINDOWS_PER_POOL };
  if (typeof w === 'number') {
    if (num(errors, path, w, count) && needsWindow && w < 1) {
      errors.push(
        `${path} must be ≥ 1: customers of this pool would never be served`,
      );
    }
    return;
  }
  if (!isObj(w) || !Array.isArray(w['perInterval'])) {
    errors.push(
      `${path} must be a number or {perInterval: [n, …], afterClose?: n}`,
    );
    return;
  }
  const per = w['perInterval'] as unknown[];
  if (intervalCount === undefined) {
    errors.push(
      `${path}.perInterval needs the interval grid (a profile or replay intervals)`,
    );
    return;
  }
  if (per.length !== intervalCount) {
    errors.push(
      `${path}.perInterval must have one count per interval (${intervalCount}, got ${per.length})`,
    );
    return;
  }
  let ok = true;
  per.forEach((n, i) => {
    if (!num(errors, `${path}.perInterval[${i}]`, n, count)) ok = false;
  });
  const after = w['afterClose'];
  if (after !== undefined && !num(errors, `${path}.afterClose`, after, count))
    ok = false;
  if (ok && needsWindow) {
    const eff =
      (after as number | undefined) ?? (per[per.length - 1] as number);
    if (eff < 1) {
      errors.push(
        `${path}.afterClose (default: the last interval's count) must be ≥ 1: whoever still waits at the end would never be served`,
      );
    }
  }
}
