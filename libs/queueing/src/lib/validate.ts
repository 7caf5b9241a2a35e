/**
 * Input checks for the planning endpoints. Each returns a list of human-readable messages, empty
 * when the input is fine; every message starts with the path of the field it is about
 * (e.g. "scenario.categories[2].service.cv must be ≥ 0"), so the API can put them in `details`.
 * They accept `unknown`: nothing is assumed about the shape.
 */
import {
  MAX_ARRIVALS_PER_DAY,
  MAX_CATEGORIES,
  MAX_CODE_LENGTH,
  MAX_CUSTOMER_REPLICATIONS,
  MAX_EMPIRICAL_SAMPLES,
  MAX_ERLANG_ARRIVALS_PER_HOUR,
  MAX_ERLANG_OFFERED_LOAD,
  MAX_ERLANG_WINDOWS,
  MAX_PROFILE_INTERVALS,
  MAX_REPLAY_CUSTOMERS,
  MAX_REPLICATIONS,
  MAX_SERVICE_CV,
  MAX_SERVICE_MINUTES,
  MAX_SYNC_CUSTOMER_REPLICATIONS,
  MAX_WINDOWS_PER_POOL,
  MIN_REPLICATIONS,
} from './limits';
import { toMinutes } from './time';

/** Shares must sum to 1 within this. */
export const SHARE_SUM_TOLERANCE = 1e-6;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v);

function num(
  errors: string[],
  path: string,
  v: unknown,
  opts: {
    min?: number;
    minExclusive?: number;
    max?: number;
    maxExclusive?: number;
    integer?: boolean;
  },
): v is number {
  if (!isNum(v)) {
    errors.push(`${path} must be a finite number`);
    return false;
  }
  if (opts.integer && !Number.isInteger(v)) {
    errors.push(`${path} must be a whole number (got ${v})`);
    return false;
  }
  if (opts.min !== undefined && v < opts.min) {
    errors.push(`${path} must be ≥ ${opts.min} (got ${v})`);
    return false;
  }
  if (opts.minExclusive !== undefined && !(v > opts.minExclusive)) {
    errors.push(`${path} must be > ${opts.minExclusive} (got ${v})`);
    return false;
  }
  if (opts.max !== undefined && v > opts.max) {
    errors.push(`${path} must be ≤ ${opts.max} (got ${v})`);
    return false;
  }
  if (opts.maxExclusive !== undefined && !(v < opts.maxExclusive)) {
    errors.push(`${path} must be < ${opts.maxExclusive} (got ${v})`);
    return false;
  }
  return true;
}

function time(errors: string[], path: string, v: unknown): number {
  const m = toMinutes(v);
  if (Number.isNaN(m)) {
    errors.push(
      `${path} must be "HH:MM" (00:00–24:00) or minutes since midnight (0–1440)`,
    );
  }
  return m;
}

function target(
  errors: string[],
  path: string,
  t: unknown,
  shareBelowOne: boolean,
): void {
  if (!isObj(t)) {
    errors.push(`${path} must be an object {waitMinutes, share}`);
    return;
  }
  num(errors, `${path}.waitMinutes`, t['waitMinutes'], {
    min: 0,
    max: MAX_SERVICE_MINUTES,
  });
  if (shareBelowOne)
    num(errors, `${path}.share`, t['share'], {
      minExclusive: 0,
      maxExclusive: 1,
    });
  else num(errors, `${path}.share`, t['share'], { minExclusive: 0, max: 1 });
}

function service(errors: string[], path: string, s: unknown): void {
  if (!isObj(s)) {
    errors.push(`${path} must be an object {distribution, meanMinutes, cv?}`);
    return;
  }
  const d = s['distribution'];
  const cv = s['cv'];
  if (d === 'empirical') {
    const samples = s['samples'];
    if (!Array.isArray(samples) || samples.length === 0) {
      errors.push(
        `${path}.samples must be a non-empty array of handling minutes`,
      );
      return;
    }
    if (samples.length > MAX_EMPIRICAL_SAMPLES) {
      errors.push(
        `${path}.samples must hold at most ${MAX_EMPIRICAL_SAMPLES} values`,
      );
      return;
    }
    let sum = 0;
    let bad = 0;
    for (const x of samples) {
      if (!isNum(x) || x < 0 || x > MAX_SERVICE_MINUTES) bad++;
      else sum += x;
    }
    if (bad) {
      errors.push(
        `${path}.samples must be minutes in 0…${MAX_SERVICE_MINUTES} (${bad} are not)`,
      );
      return;
    }
    const mean = sum / samples.length;
    if (!(mean > 0)) errors.push(`${path}.samples must have a positive mean`);
    const given = s['meanMinutes'];
    if (given !== undefined) {
      if (num(errors, `${path}.meanMinutes`, given, { minExclusive: 0 })) {
        if (Math.abs(given - mean) > 0.01 * mean) {
          errors.push(
            `${path}.meanMinutes (${given}) must agree with the mean of the samples (${mean}) within 1 %`,
          );
        }
      }
    }
    return;
  }
  if (
    d !== 'exponential' &&
    d !== 'lognormal' &&
    d !== 'gamma' &&
    d !== 'deterministic'
  ) {
    errors.push(
      `${path}.distribution must be one of exponential, lognormal, gamma, deterministic, empirical`,
    );
    return;
  }
  num(errors, `${path}.meanMinutes`, s['meanMinutes'], {
    minExclusive: 0,
    max: MAX_SERVICE_MINUTES,
  });
  if (d === 'exponential') {
    if (cv !== undefined && !(isNum(cv) && Math.abs(cv - 1) < 1e-9)) {
      errors.push(`${path}.cv of an exponential handling time is 1 (omit it)`);
    }
  } else if (d === 'deterministic') {
    if (cv !== undefined && cv !== 0) {
      errors.push(`${path}.cv of a deterministic handling time is 0 (omit it)`);
    }
  } else if (cv === undefined) {
    errors.push(`${path}.cv is required for a ${d} handling time`);
  } else {
    num(errors, `${path}.cv`, cv, { min: 0, max: MAX_SERVICE_CV });
  }
}

function shareSum(errors: string[], path: string, total: number): void {
  if (Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
    errors.push(`${path} shares must sum to 1 (they sum to ${total})`);
  }
}

/** Checks a scenario (open < close, contiguous profile inside open…close, shares, services, target). */
export function validateScenario(s: unknown, path = 'scenario'): string[] {
  const errors: string[] = [];
  if (!isObj(s)) return [`${path} must be an object`];
  const open = time(errors, `${path}.open`, s['open']);
  const close = time(errors, `${path}.close`, s['close']);
  if (!Number.isNaN(open) && !Number.isNaN(close) && !(open < close)) {
    errors.push(`${path}.open must be before ${path}.close`);
  }
  num(errors, `${path}.arrivalsPerDay`, s['arrivalsPerDay'], {
    minExclusive: 0,
    max: MAX_ARRIVALS_PER_DAY,
  });
  const profile = s['profile'];
  if (!Array.isArray(profile) || profile.length === 0) {
    errors.push(
      `${path}.profile must be a non-empty array of {start, end, share}`,
    );
  } else if (profile.length > MAX_PROFILE_INTERVALS) {
    errors.push(
      `${path}.profile must have at most ${MAX_PROFILE_INTERVALS} intervals`,
    );
  } else {
    let total = 0;
    let sharesOk = true;
    let prevEnd = NaN;
    profile.forEach((p: unknown, i) => {
      const pp = `${path}.profile[${i}]`;
      if (!isObj(p)) {
        errors.push(`${pp} must be an object {start, end, share}`);
        sharesOk = false;
        return;
      }
      const a = time(errors, `${pp}.start`, p['start']);
      const b = time(errors, `${pp}.end`, p['end']);
      if (!Number.isNaN(a) && !Number.isNaN(b) && !(a < b)) {
        errors.push(`${pp}.start must be before its end`);
      }
      if (i === 0 && !Number.isNaN(a) && !Number.isNaN(open) && a < open) {
        errors.push(`${pp}.start must not be before ${path}.open`);
      }
      if (
        i > 0 &&
        !Number.isNaN(a) &&
        !Number.isNaN(prevEnd) &&
        a !== prevEnd
      ) {
        errors.push(
          `${pp}.start must equal the previous interval's end (the profile is contiguous)`,
        );
      }
      if (
        i === profile.length - 1 &&
        !Number.isNaN(b) &&
        !Number.isNaN(close) &&
        b > close
      ) {
        errors.push(`${pp}.end must not be after ${path}.close`);
      }
      prevEnd = b;
      if (
        num(errors, `${pp}.share`, p['share'], {
          min: 0,
          max: 1 + SHARE_SUM_TOLERANCE,
        })
      )
        total += p['share'] as number;
      else sharesOk = false;
    });
    if (sharesOk) shareSum(errors, `${path}.profile`, total);
  }
  const cats = s['categories'];
  if (!Array.isArray(cats) || cats.length === 0) {
    errors.push(
      `${path}.categories must be a non-empty array of {code, share, service}`,
    );
  } else if (cats.length > MAX_CATEGORIES) {
    errors.push(
      `${path}.categories must have at most ${MAX_CATEGORIES} entries`,
    );
  } else {
    const seen = new Set<string>();
    let total = 0;
    let sharesOk = true;
    cats.forEach((c: unknown, i) => {
      const cp = `${path}.categories[${i}]`;
      if (!isObj(c)) {
        errors.push(`${cp} must be an object {code, share, service}`);
        sharesOk = false;
        return;
      }
      const code = c['code'];
      if (
        typeof code !== 'string' ||
        code.length === 0 ||
        code.length > MAX_CODE_LENGTH
      ) {
        errors.push(
          `${cp}.code must be a non-empty string of at most ${MAX_CODE_LENGTH} characters`,
        );
      } else if (seen.has(code)) {
        errors.push(`${cp}.code "${code}" appears twice`);
      } else seen.add(code);
      if (
        num(errors, `${cp}.share`, c['share'], {
          min: 0,
          max: 1 + SHARE_SUM_TOLERANCE,
        })
      )
        total += c['share'] as number;
      else sharesOk = false;
      service(errors, `${cp}.service`, c['service']);
    });
    if (sharesOk) shareSum(errors, `${path}.categories`, total);
  }
  target(errors, `${path}.target`, s['target'], false);
  return errors;
}

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

function windows(
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

/** Replications, seed and warm-up of a run; the size limit of the library (not the synchronous one). */
export function validateRunOptions(
  scenario: unknown,
  options: unknown,
  path = '',
): string[] {
  const errors: string[] = [];
  if (options === undefined) return errors;
  if (!isObj(options)) return [`${path || 'options'} must be an object`];
  const p = (f: string) => (path ? `${path}.${f}` : f);
  const reps = options['replications'];
  if (reps !== undefined) {
    num(errors, p('replications'), reps, {
      integer: true,
      min: MIN_REPLICATIONS,
      max: MAX_REPLICATIONS,
    });
  }
  const seed = options['seed'];
  if (seed !== undefined && !isInt(seed))
    errors.push(`${p('seed')} must be a safe integer`);
  const warm = options['warmUpMinutes'];
  if (warm !== undefined)
    num(errors, p('warmUpMinutes'), warm, { min: 0, max: 1440 });
  const apd = isObj(scenario) ? scenario['arrivalsPerDay'] : undefined;
  if (isNum(apd) && isNum(reps) && apd * reps > MAX_CUSTOMER_REPLICATIONS) {
    errors.push(
      `${p('replications')}: arrivalsPerDay × replications must be ≤ ${MAX_CUSTOMER_REPLICATIONS}`,
    );
  }
  return errors;
}

function syncSize(
  errors: string[],
  scenario: unknown,
  reps: unknown,
  path: string,
): void {
  const apd = isObj(scenario) ? scenario['arrivalsPerDay'] : undefined;
  const r = reps === undefined ? 30 : reps;
  if (isNum(apd) && isNum(r) && apd * r > MAX_SYNC_CUSTOMER_REPLICATIONS) {
    errors.push(
      `${path}: arrivalsPerDay × replications must be ≤ ${MAX_SYNC_CUSTOMER_REPLICATIONS} for an immediate answer (plan a job for more)`,
    );
  }
}

export interface RequestCheckOptions {
  /**
   * true (default): also enforce MAX_SYNC_CUSTOMER_REPLICATIONS, the size the API answers inside a
   * request; false: only the library's own limit (a planning job).
   */
  synchronous?: boolean;
}

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

/** `POST /planning/replay` body {customers, layout, target, intervals?}. */
export function validateReplayRequest(body: unknown): string[] {
  if (!isObj(body))
    return ['body must be an object {customers, layout, target}'];
  const errors: string[] = [];
  const customers = body['customers'];
  const codes = new Set<string>();
  if (!Array.isArray(customers) || customers.length === 0) {
    errors.push(
      'customers must be a non-empty array of {arrivalMinute, categoryCode, serviceMinutes}',
    );
  } else if (customers.length > MAX_REPLAY_CUSTOMERS) {
    errors.push(`customers must hold at most ${MAX_REPLAY_CUSTOMERS} entries`);
  } else {
    let reported = 0;
    for (let i = 0; i < customers.length && reported < 20; i++) {
      const c: unknown = customers[i];
      const before = errors.length;
      if (!isObj(c)) errors.push(`customers[${i}] must be an object`);
      else {
        num(errors, `customers[${i}].arrivalMinute`, c['arrivalMinute'], {
          min: 0,
          max: 100_000,
        });
        num(errors, `customers[${i}].serviceMinutes`, c['serviceMinutes'], {
          min: 0,
          max: MAX_SERVICE_MINUTES,
        });
        const code = c['categoryCode'];
        if (
          typeof code !== 'string' ||
          code.length === 0 ||
          code.length > MAX_CODE_LENGTH
        ) {
          errors.push(
            `customers[${i}].categoryCode must be a non-empty string`,
          );
        } else codes.add(code);
      }
      if (errors.length > before) reported++;
    }
  }
  if (codes.size > MAX_CATEGORIES) {
    errors.push(
      `customers must use at most ${MAX_CATEGORIES} category codes (got ${codes.size})`,
    );
  }
  target(errors, 'target', body['target'], false);
  const intervals = body['intervals'];
  let intervalCount: number | undefined;
  if (intervals !== undefined) {
    if (
      !Array.isArray(intervals) ||
      intervals.length === 0 ||
      intervals.length > MAX_PROFILE_INTERVALS
    ) {
      errors.push(
        `intervals must be a non-empty array of at most ${MAX_PROFILE_INTERVALS} {start, end}`,
      );
    } else {
      intervalCount = intervals.length;
      let prevEnd = NaN;
      intervals.forEach((p: unknown, i) => {
        if (!isObj(p)) {
          errors.push(`intervals[${i}] must be {start, end}`);
          return;
        }
        const a = time(errors, `intervals[${i}].start`, p['start']);
        const b = time(errors, `intervals[${i}].end`, p['end']);
        if (!Number.isNaN(a) && !Number.isNaN(b) && !(a < b)) {
          errors.push(`intervals[${i}].start must be before its end`);
        }
        if (i > 0 && !Number.isNaN(prevEnd) && a !== prevEnd) {
          errors.push(
            `intervals[${i}].start must equal the previous interval's end`,
          );
        }
        prevEnd = b;
      });
    }
  }
  if (errors.length === 0) {
    errors.push(
      ...validateLayout(body['layout'], {
        categoryCodes: [...codes],
        intervalCount,
        allowExtraCategories: true,
      }),
    );
  }
  return errors;
}
