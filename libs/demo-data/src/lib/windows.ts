import { CATEGORIES, CATEGORY_INDEX } from './catalog';
import { dayOf, isoOf } from './calendar';
import { HallSpec, OpenSpec, WindowMode } from './halls';
import { hallId, windowId } from './ids';
import {
  WindowLabels,
  currentVersion,
  departmentCounts,
  pickWindows,
} from './window-plan';

/** One version of a window's configuration, valid from `day` on. */
export interface WindowVersion {
  day: number;
  mode: WindowMode;
  /** department: its departments; comprehensive: its skill set ([] = every category) */
  categories: string[];
}

export interface WindowModel {
  id: string;
  hallKey: string;
  label: string;
  floor: number | null;
  seq: number;
  openedOn: number;
  retiredOn: number | null;
  versions: WindowVersion[];
}

export interface WindowRow {
  id: string;
  hall_id: string;
  label: string;
  mode: WindowMode;
  category_codes: string[];
  state: 'open' | 'paused' | 'closed' | 'retired';
  opened_on: string;
  retired_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface WindowEventRow {
  hall_id: string;
  window_id: string;
  kind: 'opened' | 'converted' | 'retired';
  effective_date: string;
  mode: WindowMode | null;
  category_codes: string[] | null;
  note: string;
  created_at: string;
}

/** A window open on a given day, with the configuration of that day. */
export interface ActiveWindow {
  id: string;
  label: string;
  seq: number;
  mode: WindowMode;
  categories: string[];
  /** bit i set = serves CATEGORIES[i] */
  mask: number;
}

/** A change of the hall's windows on one day (for staff moves). */
export interface WindowChange {
  day: number;
  note: string;
  opened: WindowModel[];
  retired: WindowModel[];
  converted: WindowModel[];
}

const ALL_MASK = (1 << CATEGORIES.length) - 1;

export function maskOf(
  mode: WindowMode,
  categories: readonly string[],
): number {
  if (mode === 'comprehensive' && categories.length === 0) return ALL_MASK;
  let m = 0;
  for (const c of categories) {
    const i = CATEGORY_INDEX.get(c);
    if (i === undefined) throw new Error(`unknown category ${c}`);
    m |= 1 << i;
  }
  return m;
}

/**
 * The window history of a hall, built from its plan: every window with its versions, the
 * window_events rows and the set of windows open on any day. Which windows a step picks, how many
 * department windows it opens per category and their labels: window-plan.ts.
 */
export class HallWindows {
  readonly windows: WindowModel[] = [];
  readonly events: WindowEventRow[] = [];
  readonly changes: WindowChange[] = [];
  private readonly changeDays: number[] = [];
  private readonly snapshots = new Map<number, ActiveWindow[]>();
  private readonly labels: WindowLabels;

  constructor(readonly spec: HallSpec) {
    this.labels = new WindowLabels(spec.key);
    const hid = hallId(spec.key);
    for (const step of spec.windowPlan) {
      const day = dayOf(step.date);
      const change: WindowChange = {
        day,
        note: step.note,
        opened: [],
        retired: [],
        converted: [],
      };
      const event = (kind: WindowEventRow['kind'], w: WindowModel): void => {
        const v = currentVersion(w);
        this.events.push({
          hall_id: hid,
          window_id: w.id,
          kind,
          effective_date: step.date,
          mode: v.mode,
          category_codes: [...v.categories],
          note: step.note,
          created_at: `${step.date} 08:00:00+08`,
        });
      };
      for (const c of step.convert ?? []) {
        const picked = this.pick(c.fromMode, c.n, day, {
          categories: c.categories,
          floor: c.floor,
        });
        for (const w of picked) {
          w.versions.push({
            day,
            mode: 'comprehensive',
            categories: [...c.toCategories],
          });
          change.converted.push(w);
          event('converted', w);
        }
      }
      for (const r of step.retire ?? []) {
        const picked = this.pick(r.mode, r.n, day, {
          categories: r.categories,
          floor: r.floor,
          counts: r.counts,
        });
        for (const w of picked) {
          w.retiredOn = day;
          change.retired.push(w);
          event('retired', w);
        }
      }
      for (const o of step.open ?? []) {
        for (const w of this.open(o, day)) {
          change.opened.push(w);
          event('opened', w);
        }
      }
      this.changes.push(change);
      this.changeDays.push(day);
    }
  }

  private pick(
    mode: WindowMode,
    n: number | 'all',
    day: number,
    f: Parameters<typeof pickWindows>[5],
  ): WindowModel[] {
    return pickWindows(this.spec.key, this.windows, mode, n, day, f);
  }

  private open(o: OpenSpec, day: number): WindowModel[] {
    const out: WindowModel[] = [];
    const make = (mode: WindowMode, categories: string[], i: number): void => {
      const { label, floor } = this.labels.next(o.floor, o.labels, i);
      const w: WindowModel = {
        id: windowId(this.spec.key, label),
        hallKey: this.spec.key,
        label,
        floor,
        seq: this.labels.seq,
        openedOn: day,
        retiredOn: null,
        versions: [{ day, mode, categories }],
      };
      this.windows.push(w);
      out.push(w);
    };
    if (o.mode === 'comprehensive') {
      for (let i = 0; i < o.n; i++)
        make('comprehensive', [...(o.categories ?? [])], i);
      return out;
    }
    const counts = departmentCounts(o);
    let i = 0;
    for (const c of CATEGORIES) {
      const n = counts[c.code] ?? 0;
      for (let k = 0; k < n; k++) make('department', [c.code], i++);
    }
    return out;
  }

  /** Windows open on the day (opened_on <= day < retired_on), with that day's configuration. */
  openOn(day: number): ActiveWindow[] {
    // the configuration only changes on change days: cache per last change day
    let lo = 0;
    let hi = this.changeDays.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.changeDays[mid] <= day) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return [];
    const key = this.changeDays[k];
    let snap = this.snapshots.get(key);
    if (!snap) {
      snap = [];
      for (const w of this.windows) {
        if (w.openedOn > key || (w.retiredOn !== null && w.retiredOn <= key))
          continue;
        let v = w.versions[0];
        for (const x of w.versions) if (x.day <= key) v = x;
        snap.push({
          id: w.id,
          label: w.label,
          seq: w.seq,
          mode: v.mode,
          categories: v.categories,
          mask: maskOf(v.mode, v.categories),
        });
      }
      this.snapshots.set(key, snap);
    }
    return snap;
  }

  countOn(iso: string): number {
    const day = dayOf(iso);
    return this.windows.filter(
      (w) => w.openedOn <= day && (w.retiredOn === null || w.retiredOn > day),
    ).length;
  }

  rows(): WindowRow[] {
    const hid = hallId(this.spec.key);
    return this.windows.map((w) => {
      const v = currentVersion(w);
      const last = Math.max(v.day, w.retiredOn ?? 0);
      return {
        id: w.id,
        hall_id: hid,
        label: w.label,
        mode: v.mode,
        category_codes: [...v.categories],
        state: w.retiredOn !== null ? 'retired' : 'closed',
        opened_on: isoOf(w.openedOn),
        retired_on: w.retiredOn === null ? null : isoOf(w.retiredOn),
        created_at: `${isoOf(w.openedOn)} 08:00:00+08`,
        updated_at: `${isoOf(last)} 08:00:00+08`,
      };
    });
  }
}

/** Counts windows open on a date in window rows (the rule every report uses). */
export function countOpenWindows(
  rows: readonly Pick<WindowRow, 'opened_on' | 'retired_on'>[],
  iso: string,
): number {
  return rows.filter(
    (w) => w.opened_on <= iso && (w.retired_on === null || w.retired_on > iso),
  ).length;
}
