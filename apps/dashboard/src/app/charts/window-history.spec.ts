import type { WindowHistoryDay } from '@onewindow/contracts';
import {
  describeWindowChange,
  signed,
  thinToWeekly,
  windowChangesTable,
  windowHistoryOptions,
  windowHistoryTable,
} from './window-history';

/** Consecutive days from `from`, the comprehensive windows growing by one every `every` days. */
function makeDays(from: string, count: number, every = 30): WindowHistoryDay[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const comprehensive = Math.floor(i / every);
    const department = Math.max(0, 40 - comprehensive * 2);
    return {
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      department,
      comprehensive,
      total: department + comprehensive,
    };
  });
}

type SeriesLike = {
  name: string;
  type: string;
  stack?: string;
  data: [string, number][];
};
const seriesOf = (option: ReturnType<typeof windowHistoryOptions>) =>
  option.series as SeriesLike[];

describe('windowHistoryOptions', () => {
  const days: WindowHistoryDay[] = [
    { date: '2020-01-01', department: 10, comprehensive: 2, total: 12 },
    { date: '2020-01-02', department: 8, comprehensive: 4, total: 12 },
    { date: '2020-01-03', department: 6, comprehensive: 5, total: 11 },
  ];

  it('puts department and comprehensive windows in one stack and the total beside it', () => {
    const series = seriesOf(windowHistoryOptions(days, 'zh-CN'));
    expect(series.map((s) => s.name)).toEqual(['部门窗口', '综合窗口', '合计']);
    expect(series.map((s) => s.type)).toEqual(['line', 'line', 'line']);
    expect(series[0].stack).toBe('windows');
    expect(series[1].stack).toBe('windows');
    expect(series[2].stack).toBeUndefined();
    expect(series[0].data).toEqual([
      ['2020-01-01', 10],
      ['2020-01-02', 8],
      ['2020-01-03', 6],
    ]);
    expect(series[1].data).toEqual([
      ['2020-01-01', 2],
      ['2020-01-02', 4],
      ['2020-01-03', 5],
    ]);
    expect(series[2].data).toEqual([
      ['2020-01-01', 12],
      ['2020-01-02', 12],
      ['2020-01-03', 11],
    ]);
  });

  it('labels everything in the language asked for', () => {
    const option = windowHistoryOptions(days, 'en', { animation: false });
    expect(seriesOf(option).map((s) => s.name)).toEqual([
      'Department windows',
      'Comprehensive windows',
      'Total',
    ]);
    expect(option.yAxis).toMatchObject({ name: 'Windows' });
    expect(option.animation).toBe(false);
  });

  it('marks the days windows changed with their net change', () => {
    const change = {
      date: '2020-01-02',
      opened: { department: 0, comprehensive: 2 },
      converted: { toComprehensive: 0, toDepartment: 0 },
      retired: { department: 2, comprehensive: 0 },
      netChange: 0,
      notes: [],
    };
    const outside = { ...change, date: '2019-12-01', netChange: -3 };
    const series = seriesOf(
      windowHistoryOptions(days, 'zh-CN', { changes: [change, outside] }),
    ) as (SeriesLike & { markLine?: { data: unknown[] } })[];
    expect(series[2].markLine?.data).toEqual([
      { name: '2020-01-02', xAxis: '2020-01-02', label: { formatter: '±0' } },
    ]);
    expect(series[0].markLine).toBeUndefined();
  });

  it('has a time axis, a zoom and distinguishable colours', () => {
    const option = windowHistoryOptions(days, 'zh-CN');
    expect(option.xAxis).toMatchObject({ type: 'time' });
    expect(option.dataZoom).toEqual([
      expect.objectContaining({ type: 'inside' }),
      expect.objectContaining({ type: 'slider' }),
    ]);
    expect(new Set(option.color as string[]).size).toBe(3);
  });

  it('formats the tooltip with the date and every series', () => {
    const option = windowHistoryOptions(days, 'en');
    const formatter = (option.tooltip as { formatter: (p: unknown) => string })
      .formatter;
    const html = formatter([
      {
        seriesName: 'Department windows',
        value: ['2020-01-02', 8],
        marker: '',
      },
      {
        seriesName: 'Comprehensive windows',
        value: ['2020-01-02', 4],
        marker: '',
      },
    ]);
    expect(html).toBe(
      'Date: 2020-01-02<br/>Department windows: 8<br/>Comprehensive windows: 4',
    );
  });

  it('thins five years of days to weekly points that keep both ends', () => {
    const fiveYears = makeDays('2016-01-01', 1827);
    expect(fiveYears[fiveYears.length - 1].date).toBe('2020-12-31');
    const series = seriesOf(windowHistoryOptions(fiveYears, 'zh-CN'));
    for (const s of series) expect(s.data).toHaveLength(262);
    expect(series[2].data[0]).toEqual(['2016-01-01', 40]);
    expect(series[2].data[1][0]).toBe('2016-01-08');
    expect(series[2].data[series[2].data.length - 1]).toEqual([
      '2020-12-31',
      fiveYears[1826].total,
    ]);
  });

  it('gives empty series for no days', () => {
    for (const s of seriesOf(windowHistoryOptions([], 'zh-CN')))
      expect(s.data).toEqual([]);
  });
});

describe('thinToWeekly', () => {
  it('keeps a year or less unchanged', () => {
    const year = makeDays('2020-01-01', 366);
    expect(thinToWeekly(year)).toEqual(year);
  });

  it('does not repeat the last day when it starts a week', () => {
    const days = makeDays('2020-01-01', 15);
    expect(thinToWeekly(days, 10).map((d) => d.date)).toEqual([
      '2020-01-01',
      '2020-01-08',
      '2020-01-15',
    ]);
  });
});

describe('windowHistoryTable', () => {
  it('has a translated header and one row per day', () => {
    const days = [
      { date: '2020-01-01', department: 10, comprehensive: 2, total: 12 },
      { date: '2020-01-02', department: 8, comprehensive: 4, total: 12 },
    ];
    expect(windowHistoryTable(days, 'zh-CN')).toEqual({
      header: ['日期', '部门窗口', '综合窗口', '合计'],
      rows: [
        ['2020-01-01', 10, 2, 12],
        ['2020-01-02', 8, 4, 12],
      ],
    });
    expect(windowHistoryTable([], 'en').header).toEqual([
      'Date',
      'Department windows',
      'Comprehensive windows',
      'Total',
    ]);
  });
});

describe('describeWindowChange', () => {
  const base = {
    date: '2019-05-06',
    opened: { department: 0, comprehensive: 0 },
    converted: { toComprehensive: 0, toDepartment: 0 },
    retired: { department: 0, comprehensive: 0 },
    netChange: 0,
    notes: [],
  };

  it("tells Yiwu's 2019 merger as the report does", () => {
    const yiwu = {
      ...base,
      opened: { department: 0, comprehensive: 26 },
      retired: { department: 36, comprehensive: 0 },
      netChange: -10,
    };
    expect(describeWindowChange(yiwu, 'zh-CN')).toBe(
      '36 个部门窗口合并为 26 个综合窗口，减少 10 个',
    );
    expect(describeWindowChange(yiwu, 'en')).toBe(
      '36 department windows merged into 26 comprehensive windows, 10 removed',
    );
  });

  it('lists conversions, openings and removals', () => {
    const mixed = {
      ...base,
      converted: { toComprehensive: 16, toDepartment: 0 },
      retired: { department: 20, comprehensive: 0 },
      netChange: -20,
    };
    expect(describeWindowChange(mixed, 'zh-CN')).toBe(
      '16 个部门窗口改为综合窗口；撤销 20 个部门窗口',
    );
    expect(
      describeWindowChange(
        {
          ...base,
          opened: { department: 0, comprehensive: 6 },
          retired: { department: 5, comprehensive: 0 },
        },
        'en',
      ),
    ).toBe('6 comprehensive windows opened; 5 department windows removed');
  });

  it('signs net changes', () => {
    expect([signed(-10), signed(6), signed(0)]).toEqual(['−10', '+6', '±0']);
  });
});

describe('windowChangesTable', () => {
  it('has one row per change day with its description and notes', () => {
    const t = windowChangesTable(
      [
        {
          date: '2020-04-01',
          opened: { department: 0, comprehensive: 0 },
          converted: { toComprehensive: 0, toDepartment: 0 },
          retired: { department: 5, comprehensive: 12 },
          netChange: -17,
          notes: ['三楼改设自助服务区'],
        },
      ],
      'zh-CN',
    );
    expect(t.rows).toEqual([
      [
        '2020-04-01',
        '撤销 5 个部门窗口；撤销 12 个综合窗口',
        -17,
        '三楼改设自助服务区',
      ],
    ]);
  });
});
