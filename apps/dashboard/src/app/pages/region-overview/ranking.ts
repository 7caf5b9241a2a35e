import type { HallRankingRow } from '@onewindow/contracts';

export type RankingKey =
  | 'name'
  | 'regionName'
  | 'windowsAtStart'
  | 'windowsAtEnd'
  | 'windowsCut'
  | 'windowsCutShare'
  | 'comprehensiveShare'
  | 'onlineRate'
  | 'meanWaitMinutes'
  | 'p90WaitMinutes'
  | 'withinTargetShare'
  | 'abandonedShare'
  | 'tickets';

export type SortDir = 'asc' | 'desc';

export interface RankingSort {
  key: RankingKey;
  dir: SortDir;
}

/** The first click on a column sorts it in the direction where "better" comes first. */
export const FIRST_DIRECTION: Record<RankingKey, SortDir> = {
  name: 'asc',
  regionName: 'asc',
  windowsAtStart: 'desc',
  windowsAtEnd: 'asc',
  windowsCut: 'desc',
  windowsCutShare: 'desc',
  comprehensiveShare: 'desc',
  onlineRate: 'desc',
  meanWaitMinutes: 'asc',
  p90WaitMinutes: 'asc',
  withinTargetShare: 'desc',
  abandonedShare: 'asc',
  tickets: 'desc',
};

export const DEFAULT_SORT: RankingSort = { key: 'windowsCut', dir: 'desc' };

/** The next sort after a click on `key`: the other direction on the same column, else its first. */
export function nextSort(current: RankingSort, key: RankingKey): RankingSort {
  return current.key === key
    ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
    : { key, dir: FIRST_DIRECTION[key] };
}

const collator = new Intl.Collator('zh-CN');

/**
 * Halls sorted by a column; halls without a value (no tickets, no handling records) always come
 * last, whatever the direction; ties keep the name order.
 */
export function sortRanking(
  rows: readonly HallRankingRow[],
  sort: RankingSort,
): HallRankingRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null && y === null) return collator.compare(a.name, b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const c =
      typeof x === 'string' && typeof y === 'string'
        ? collator.compare(x, y)
        : (x as number) - (y as number);
    return c !== 0 ? sign * c : collator.compare(a.name, b.name);
  });
}
