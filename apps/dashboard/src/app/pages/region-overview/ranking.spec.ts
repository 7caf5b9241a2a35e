import type { HallRankingRow } from '@onewindow/contracts';
import { DEFAULT_SORT, nextSort, sortRanking } from './ranking';

const row = (
  name: string,
  cut: number,
  online: number | null,
  wait: number | null,
): HallRankingRow => ({
  hallId: name,
  name,
  regionCode: '330000',
  regionName: '浙江省',
  kind: 'county_center',
  windowsAtStart: 100,
  windowsAtEnd: 100 - cut,
  windowsCut: cut,
  windowsCutShare: cut / 100,
  comprehensiveShare: 0.5,
  tickets: 0,
  visitorsPerDay: null,
  onlineRate: online,
  meanWaitMinutes: wait,
  p90WaitMinutes: wait,
  withinTargetShare: null,
  abandonedShare: null,
  targetWaitMinutes: 15,
});

describe('hall ranking sort', () => {
  const rows = [
    row('丽水', 192, 0.74, null),
    row('义乌', 91, 0.69, 6.8),
    row('富阳', 72, 0.6, 5.8),
  ];

  it('ranks by windows cut first, most cut on top', () => {
    expect(DEFAULT_SORT).toEqual({ key: 'windowsCut', dir: 'desc' });
    expect(sortRanking(rows, DEFAULT_SORT).map((r) => r.name)).toEqual([
      '丽水',
      '义乌',
      '富阳',
    ]);
  });

  it('keeps halls without a value last in both directions', () => {
    const asc = sortRanking(rows, { key: 'meanWaitMinutes', dir: 'asc' });
    const desc = sortRanking(rows, { key: 'meanWaitMinutes', dir: 'desc' });
    expect(asc.map((r) => r.name)).toEqual(['富阳', '义乌', '丽水']);
    expect(desc.map((r) => r.name)).toEqual(['义乌', '富阳', '丽水']);
  });

  it('flips the direction on a second click and starts a new column the better way round', () => {
    const s1 = nextSort(DEFAULT_SORT, 'onlineRate');
    expect(s1).toEqual({ key: 'onlineRate', dir: 'desc' });
    expect(nextSort(s1, 'onlineRate')).toEqual({
      key: 'onlineRate',
      dir: 'asc',
    });
    expect(nextSort(s1, 'meanWaitMinutes')).toEqual({
      key: 'meanWaitMinutes',
      dir: 'asc',
    });
    expect(sortRanking(rows, { key: 'name', dir: 'asc' })).toHaveLength(3);
  });
});
