import { Rng } from '../rng';
import { Outcome } from './ticket';

/**
 * Handling time at the window against the catalog's typical minutes: a county hall's clerks take a
 * little longer in 2019 (more paper), a little less in 2020 (materials pre-checked online).
 */
export function handlingFactor(year: number): number {
  return year >= 2020 ? 0.92 : 1.05;
}

/**
 * Seconds at the window: lognormal around the item's mean (cv 0.45), shorter when the holder is
 * sent away (missing materials, rejected), within [60 s, 3 × mean].
 */
export function handlingSeconds(
  rng: Rng,
  mean: number,
  outcome: Outcome,
): number {
  let svc = rng.lognormal(mean, 0.45);
  if (outcome === 'needs_materials') svc *= 0.55;
  else if (outcome === 'rejected') svc *= 0.6;
  return Math.round(Math.min(Math.max(svc, 60), 3 * mean));
}
