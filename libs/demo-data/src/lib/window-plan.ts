/** How the steps of a hall's window plan pick, count and label windows (see HallWindows). */
import { CATEGORIES, CATEGORY_WEIGHTS } from './catalog';
import { isoOf } from './calendar';
import { OpenSpec, WindowMode } from './halls';
import type { WindowModel, WindowVersion } from './windows';

export function currentVersion(w: WindowModel): WindowVersion {
  return w.versions[w.versions.length - 1];
}

/**
 * Department windows an open step makes per category: its explicit counts, or n spread over the
 * categories by CATEGORY_WEIGHTS (largest remainder, at least one each).
 */
export function departmentCounts(o: OpenSpec): Record<string, number> {
  if (o.counts) return o.counts;
  const cats = o.categories ?? CATEGORIES.map((c) => c.code);
  const weights = cats.map((c) => CATEGORY_WEIGHTS[c]);
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (o.n * w) / total);
  const base = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = o.n - base.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) base[order[k % order.length][1]]++;
  for (
    let k = base.length - 1;
    left < 0;
    k = (k - 1 + base.length) % base.length
  ) {
    if (base[k] > 1) {
      base[k]--;
      left++;
    }
  }
  return Object.fromEntries(cats.map((c, i) => [c, base[i]]));
}

/**
 * Window labels of a hall in opening order: the step's own labels, else numbered per floor
 * (101号窗口, 102号窗口 … 201号窗口 …), else by the hall's running number (7号窗口).
 */
export class WindowLabels {
  /** windows numbered so far in the hall */
  seq = 0;
  private readonly floorCounters = new Map<number, number>();

  constructor(private readonly hallKey: string) {}

  next(
    floor: number | undefined,
    labels: string[] | undefined,
    i: number,
  ): { label: string; floor: number | null } {
    this.seq++;
    if (labels) return { label: labels[i], floor: null };
    if (floor !== undefined) {
      const k = (this.floorCounters.get(floor) ?? 0) + 1;
      if (k > 99)
        throw new Error(
          `${this.hallKey}: more than 99 windows on floor ${floor}`,
        );
      this.floorCounters.set(floor, k);
      return { label: `${floor}${String(k).padStart(2, '0')}号窗口`, floor };
    }
    return { label: `${this.seq}号窗口`, floor: null };
  }
}

/**
 * Picks windows to retire or convert among those open on `day` with the given mode: department
 * windows so that the departments keep their proportions (the department with the most windows
 * per weight gives first), newest window first; comprehensive windows newest first.
 */
export function pickWindows(
  hallKey: string,
  windows: readonly WindowModel[],
  mode: WindowMode,
  n: number | 'all',
  day: number,
  f: {
    categories?: string[];
    floor?: number;
    counts?: Record<string, number>;
  },
): WindowModel[] {
  const pool = windows.filter((w) => {
    if (w.openedOn > day || (w.retiredOn !== null && w.retiredOn <= day))
      return false;
    const v = currentVersion(w);
    if (v.mode !== mode) return false;
    if (f.floor !== undefined && w.floor !== f.floor) return false;
    if (f.categories && !v.categories.some((c) => f.categories?.includes(c)))
      return false;
    return true;
  });
  pool.sort((a, b) => b.seq - a.seq);
  if (n === 'all') return pool;
  if (mode === 'comprehensive') {
    if (pool.length < n)
      throw new Error(
        `${hallKey} ${isoOf(day)}: ${n} comprehensive windows wanted, ${pool.length} open`,
      );
    return pool.slice(0, n);
  }
  const byCat = new Map<string, WindowModel[]>();
  for (const w of pool) {
    const c = currentVersion(w).categories[0];
    const list = byCat.get(c) ?? [];
    list.push(w);
    byCat.set(c, list);
  }
  const out: WindowModel[] = [];
  if (f.counts) {
    for (const [c, k] of Object.entries(f.counts)) {
      const list = byCat.get(c) ?? [];
      if (list.length < k)
        throw new Error(
          `${hallKey} ${isoOf(day)}: ${k} ${c} windows wanted, ${list.length} open`,
        );
      out.push(...list.slice(0, k));
    }
    return out;
  }
  if (pool.length < n)
    throw new Error(
      `${hallKey} ${isoOf(day)}: ${n} department windows wanted, ${pool.length} open`,
    );
  const order = CATEGORIES.map((c) => c.code);
  for (let k = 0; k < n; k++) {
    let best: string | null = null;
    let bestScore = -1;
    for (const c of order) {
      const list = byCat.get(c);
      if (!list || list.length === 0) continue;
      const score = list.length / CATEGORY_WEIGHTS[c];
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best === null) break;
    const list = byCat.get(best) as WindowModel[];
    out.push(list.shift() as WindowModel);
  }
  return out;
}
