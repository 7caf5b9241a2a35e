import { InjectionToken } from '@angular/core';

export interface ChartDefaults {
  renderer: 'canvas' | 'svg';
  animation: boolean;
}

function prefersReducedMotion(): boolean {
  return (
    typeof matchMedia === 'function' &&
    matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** Canvas in the browser; tests provide `{ renderer: 'svg', animation: false }`. */
export const CHART_DEFAULTS = new InjectionToken<ChartDefaults>(
  'CHART_DEFAULTS',
  {
    providedIn: 'root',
    factory: () => ({ renderer: 'canvas', animation: !prefersReducedMotion() }),
  },
);
