import type { WindowMode } from '@onewindow/contracts';

export interface ServingWindow {
  mode: WindowMode;
  categoryCodes: string[];
}

/** A comprehensive window with no categories listed serves every category (as the API calls). */
export function servesAll(w: ServingWindow): boolean {
  return w.mode === 'comprehensive' && w.categoryCodes.length === 0;
}

export function serves(w: ServingWindow, categoryCode: string): boolean {
  return servesAll(w) || w.categoryCodes.includes(categoryCode);
}

export interface WaitingRow {
  code: string;
  name: string;
  count: number;
}

/**
 * The waiting counts a window may call from, per category, with names: every category it lists
 * (also those nobody waits for), or, for a window serving all, every category someone waits for.
 * Ordered as the catalog orders categories; categories the catalog does not name come last.
 */
export function waitingRows(
  waiting: Record<string, number>,
  w: ServingWindow,
  names: ReadonlyMap<string, string>,
): WaitingRow[] {
  const codes = servesAll(w)
    ? Object.keys(waiting).filter((c) => (waiting[c] ?? 0) > 0)
    : [...new Set(w.categoryCodes)];
  const order = [...names.keys()];
  const rank = (code: string) => {
    const i = order.indexOf(code);
    return i < 0 ? order.length : i;
  };
  return codes
    .map((code) => ({
      code,
      name: names.get(code) ?? code,
      count: Math.max(0, waiting[code] ?? 0),
    }))
    .sort(
      (a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code),
    );
}

/** How many wait for this window, in all. */
export function waitingTotal(rows: readonly WaitingRow[]): number {
  return rows.reduce((sum, r) => sum + r.count, 0);
}
