import type { WindowHistoryDay } from '@onewindow/contracts';
import {
  thinToWeekly,
  windowHistoryCsv,
  windowHistoryOptions,
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
    const option = windowHistoryOptions(days, 'en');
    expect(seriesOf(option).map((s) => s.name)).toEqual([
      'Department windows',
      'Comprehensive windows',
      'Total',
    ]);
    expect(option.title).toMatchObject({ text: 'Windows by mode' });
    expect(option.yAxis).toMatchObject({ name: 'Windows' });
    expect(option.toolbox).toMatchObject({
      feature: { saveAsImage: { title: 'Save as image' } },
    });
  });

  it('uses the title, subtitle, file name and animation given', () => {
    const option = windowHistoryOptions(days, 'zh-CN', {
      title: '富阳区行政服务中心',
      subtitle: '2020',
      fileName: 'f',
      animation: false,
    });
    expect(option.animation).toBe(false);
    expect(option.title).toMatchObject({
      text: '富阳区行政服务中心',
      subtext: '2020',
    });
    expect(option.toolbox).toMatchObject({
      feature: { saveAsImage: { name: 'f' } },
    });
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

describe('windowHistoryCsv', () => {
  it('writes a translated header and one row per day, with a BOM and CRLF', () => {
    const csv = windowHistoryCsv(
      [
        { date: '2020-01-01', department: 10, comprehensive: 2, total: 12 },
        { date: '2020-01-02', department: 8, comprehensive: 4, total: 12 },
      ],
      'zh-CN',
    );
    expect(csv).toBe(
      '\uFEFF日期,部门窗口,综合窗口,合计\r\n2020-01-01,10,2,12\r\n2020-01-02,8,4,12\r\n',
    );
  });

  it('writes an English header', () => {
    expect(windowHistoryCsv([], 'en')).toBe(
      '\uFEFFDate,Department windows,Comprehensive windows,Total\r\n',
    );
  });
});
