import type { CategoryView } from '@onewindow/contracts';

/** How many wait in one category, with its name. */
export interface WaitingCount {
  code: string;
  name: string;
  count: number;
}

/**
 * The waiting counts the board lists: each category of the queue with its name, in the catalog's
 * order; a category the catalog does not name (yet) is listed by its code, after the named ones.
 */
export function waitingCounts(
  counts: Record<string, number>,
  categories: readonly CategoryView[],
): WaitingCount[] {
  const order = new Map(categories.map((c, i) => [c.code, i]));
  return Object.entries(counts)
    .map(([code, count]) => ({
      code,
      count,
      name: categories.find((c) => c.code === code)?.name ?? code,
    }))
    .sort(
      (a, b) =>
        (order.get(a.code) ?? 1e6) - (order.get(b.code) ?? 1e6) ||
        a.code.localeCompare(b.code),
    );
}
