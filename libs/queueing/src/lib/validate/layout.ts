/** Checks of a layout (comprehensive, department or hybrid) against the categories it must serve. */
import { MAX_CATEGORIES } from '../limits';
import { isNum, isObj } from './fields';
import { windows } from './windows';

/** What a layout is checked against when there is no scenario (replay). */
export interface LayoutContext {
  /** Categories the layout may name. */
  categoryCodes: readonly string[];
  /** Categories that have customers: each must be served by a pool with a window. Default: all. */
  withDemand?: readonly string[];
  /** Number of intervals `perInterval` counts must have; undefined: perInterval is not allowed. */
  intervalCount?: number;
  /** Department / hybrid layouts may name categories outside `categoryCodes` (replay: a hall's full layout). */
  allowExtraCategories?: boolean;
}

/**
 * The LayoutContext given, or that of a scenario: its category codes, those without a zero share
 * (they have demand) and its profile's interval count.
 */
function contextOf(ctx: unknown): LayoutContext {
  if (isObj(ctx) && Array.isArray(ctx['categoryCodes']))
    return ctx as unknown as LayoutContext;
  const s = isObj(ctx) ? ctx : {};
  const cats = Array.isArray(s['categories'])
    ? (s['categories'] as unknown[])
    : [];
  const codes: string[] = [];
  const demand: string[] = [];
  for (const c of cats) {
    if (isObj(c) && typeof c['code'] === 'string') {
      codes.push(c['code']);
      if (!(isNum(c['share']) && c['share'] === 0)) demand.push(c['code']);
    }
  }
  return {
    categoryCodes: codes,
    withDemand: demand,
    intervalCount: Array.isArray(s['profile'])
      ? (s['profile'] as unknown[]).length
      : undefined,
  };
}

/**
 * Checks a layout against a scenario (its categories and profile) or a LayoutContext: known
 * categories, every category served exactly once, window counts whole and within limits, one count
 * per interval, and a window for every pool that has customers (also after close).
 */
export function validateLayout(
  layout: unknown,
  scenarioOrContext: unknown,
  path = 'layout',
): string[] {
  const errors: string[] = [];
  if (!isObj(layout)) return [`${path} must be an object with a kind`];
  const ctx = contextOf(scenarioOrContext);
  const known = new Set(ctx.categoryCodes);
  const demand = new Set(ctx.withDemand ?? ctx.categoryCodes);
  const kind = layout['kind'];
  if (kind === 'comprehensive') {
    windows(
      errors,
      `${path}.windows`,
      layout['windows'],
      ctx.intervalCount,
      demand.size > 0,
    );
  } else if (kind === 'department') {
    const w = layout['windows'];
    if (!isObj(w)) {
      errors.push(
        `${path}.windows must be an object {<categoryCode>: windows}`,
      );
      return errors;
    }
    for (const code of Object.keys(w)) {
      if (!known.has(code) && !ctx.allowExtraCategories) {
        errors.push(`${path}.windows.${code}: unknown category`);
      } else {
        windows(
          errors,
          `${path}.windows.${code}`,
          w[code],
          ctx.intervalCount,
          demand.has(code),
        );
      }
    }
    for (const code of ctx.categoryCodes) {
      if (!(code in w))
        errors.push(
          `${path}.windows.${code} is missing (every category needs a count)`,
        );
    }
  } else if (kind === 'hybrid') {
    const pools = layout['pools'];
    if (!Array.isArray(pools) || pools.length === 0) {
      errors.push(
        `${path}.pools must be a non-empty array of {categories, windows}`,
      );
      return errors;
    }
    if (pools.length > MAX_CATEGORIES) {
      errors.push(`${path}.pools must have at most ${MAX_CATEGORIES} entries`);
      return errors;
    }
    const served = new Set<string>();
    pools.forEach((p: unknown, i) => {
      const pp = `${path}.pools[${i}]`;
      if (
        !isObj(p) ||
        !Array.isArray(p['categories']) ||
        p['categories'].length === 0
      ) {
        errors.push(
          `${pp} must be {categories: [code, …] (non-empty), windows}`,
        );
        return;
      }
      let poolDemand = false;
      for (const code of p['categories'] as unknown[]) {
        if (typeof code !== 'string') {
          errors.push(`${pp}.categories must hold category codes`);
          continue;
        }
        if (!known.has(code) && !ctx.allowExtraCategories) {
          errors.push(`${pp}.categories: unknown category ${code}`);
        }
        if (served.has(code))
          errors.push(`${pp}.categories: ${code} is already in another pool`);
        served.add(code);
        if (demand.has(code)) poolDemand = true;
      }
      windows(
        errors,
        `${pp}.windows`,
        p['windows'],
        ctx.intervalCount,
        poolDemand,
      );
    });
    for (const code of ctx.categoryCodes) {
      if (!served.has(code))
        errors.push(`${path}.pools: category ${code} is in no pool`);
    }
  } else {
    errors.push(`${path}.kind must be comprehensive, department or hybrid`);
  }
  return errors;
}
