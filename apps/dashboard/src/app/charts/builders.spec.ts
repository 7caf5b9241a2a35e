import type {
  ChannelPoint,
  HallDay,
  HallRatingsResponse,
  HallWaitHeatmapResponse,
  PlanResult,
  ReassignmentFlowsResponse,
  RegionTrendsResponse,
  TargetView,
  TrendPoint,
} from '@onewindow/contracts';
import { channelOptions, channelsAreEmpty, channelTable } from './channels';
import { seriesList } from './chart-option';
import { fill } from './common';
import { flowsOptions, flowsTable, roleOf } from './flows-sankey';
import {
  hallDailyIsEmpty,
  hallServiceIsEmpty,
  hallServiceOptions,
  hallDailyOptions,
  hallDailyTable,
} from './hall-daily';
import { waitingOptions, waitingTable } from './live-queue';
import { ratingsAreEmpty, ratingsOptions, ratingsTable } from './ratings';
import {
  comparisonRows,
  layoutFiguresTable,
  requiredWindowsOptions,
  requiredWindowsTable,
  utilisationOptions,
  waitFiguresOptions,
} from './planner';
import {
  comprehensiveShareOptions,
  onlineRateOptions,
  partId,
  pickComprehensiveShare,
  regionTrendsTable,
  regionWindowsOptions,
  visitorsAreEmpty,
  visitorsOptions,
} from './region-trends';
import {
  hourLabel,
  waitHeatmapOptions,
  waitHeatmapTable,
} from './wait-heatmap';
import {
  targetLabel,
  windowTargetsOptions,
  windowTargetsTable,
} from './window-targets';

type S = Record<string, unknown> & { data: unknown[]; name: string };
const series = (o: Parameters<typeof seriesList>[0]) => seriesList(o) as S[];

/** Calls a tooltip formatter of an option. */
function tooltip(option: { tooltip?: unknown }, params: unknown): string {
  return (option.tooltip as { formatter: (p: unknown) => string }).formatter(
    params,
  );
}

describe('hallDailyOptions', () => {
  const days: HallDay[] = [
    day('2020-08-17', 3050, 1770, 1633),
    day('2020-08-18', null, 1700, 1600),
  ];

  it('draws visitors, tickets and served per day, a missing door count as a gap', () => {
    const s = series(hallDailyOptions(days, 'zh-CN'));
    expect(s.map((x) => x.name)).toEqual(['到访人数', '取号量', '办结量']);
    expect(s[0].data).toEqual([
      ['2020-08-17', 3050],
      ['2020-08-18', null],
    ]);
    expect(s[1].data).toEqual([
      ['2020-08-17', 1770],
      ['2020-08-18', 1700],
    ]);
  });

  it('has every figure in its table and knows when there is nothing to draw', () => {
    const t = hallDailyTable(days, 'en');
    expect(t.header[0]).toBe('Date');
    expect(t.rows[0]).toEqual([
      '2020-08-17',
      3050,
      1770,
      1633,
      4.2,
      15.6,
      0.89,
      3,
      1,
      0.02,
      118,
      64,
      0.79,
    ]);
    expect(t.header.slice(6, 10)).toEqual([
      'Within target',
      'Gave up while waiting',
      'Waiting at closing',
      'Gave up',
    ]);
    expect(hallDailyIsEmpty(days)).toBe(false);
    expect(hallDailyIsEmpty([day('2020-01-01', null, 0, 0)])).toBe(true);
  });

  it('draws the share within target and the share who gave up per day, as percentages', () => {
    const option = hallServiceOptions(days, 'zh-CN', { animation: false });
    const series = option.series as { name: string; data: unknown[][] }[];
    expect(series.map((s) => s.name)).toEqual(['限时服务率', '放弃率']);
    expect(series[0].data[0]).toEqual(['2020-08-17', 0.89]);
    expect(series[1].data[0]).toEqual(['2020-08-17', 0.02]);
    expect(hallServiceIsEmpty(days)).toBe(false);
    expect(
      hallServiceIsEmpty([
        { ...day('2020-01-01', null, 0, 0), withinTargetShare: null },
      ]),
    ).toBe(true);
  });

  it('formats the tooltip with the date and thousands separators', () => {
    const html = tooltip(hallDailyOptions(days, 'en'), [
      { seriesName: 'Visitors', value: ['2020-08-17', 3050], marker: '' },
    ]);
    expect(html).toBe('Date: 2020-08-17<br/>Visitors: 3,050');
  });
});

describe('channelOptions', () => {
  const points: ChannelPoint[] = [
    point('2020-01-01', { window: 60, online_web: 20, online_mobile: 20 }),
    point('2020-02-01', { window: 40, online_web: 30, online_mobile: 30 }),
  ];

  it('stacks the channels with cases and puts the online rate on a percent axis', () => {
    const option = channelOptions(points, 'zh-CN', {
      target: { value: 0.8, label: '目标 ≥80%' },
    });
    const s = series(option);
    expect(s.map((x) => x.name)).toEqual([
      '窗口',
      '网上办（PC）',
      '掌上办（移动端）',
      '网上办理率',
    ]);
    expect(s.slice(0, 3).every((x) => x['stack'] === 'cases')).toBe(true);
    expect(s[0].data).toEqual([60, 40]);
    expect(s[3]).toMatchObject({ yAxisIndex: 1, data: [0.4, 0.6] });
    expect((s[3]['markLine'] as { data: unknown[] }).data).toEqual([
      { yAxis: 0.8 },
    ]);
    expect((option.yAxis as { max?: number }[])[1].max).toBe(1);
    expect(option.aria).toMatchObject({ decal: { show: true } });
  });

  it('shows cases and rates in the tooltip in their units', () => {
    const html = tooltip(channelOptions(points, 'en'), [
      { seriesName: 'Window', value: 60, axisValue: '2020-01-01', marker: '' },
      { seriesName: 'Online-handling rate', value: 0.4, marker: '' },
    ]);
    expect(html).toBe(
      'Period: 2020-01-01<br/>Window: 60<br/>Online-handling rate: 40%',
    );
  });

  it('has every channel in its table', () => {
    const t = channelTable(points, 'en');
    expect(t.header).toEqual([
      'Period',
      'Window',
      'Online (web)',
      'Online (mobile)',
      'Self-service terminal',
      'Partner outlet',
      'Agent',
      'Total',
      'Online-handling rate',
    ]);
    expect(t.rows[0]).toEqual(['2020-01-01', 60, 20, 20, 0, 0, 0, 100, 0.4]);
    expect(channelsAreEmpty(points)).toBe(false);
    expect(channelsAreEmpty([point('2020-01-01', {})])).toBe(true);
  });
});

describe('waitHeatmapOptions', () => {
  const heatmap: HallWaitHeatmapResponse = {
    hallId: 'h',
    from: '2020-08-17',
    to: '2020-08-30',
    targetWaitMinutes: 15,
    cells: [cell(1, 9, 14.4), cell(1, 11, 3), cell(5, 10, null)],
  };

  it('lays hours along x and weekdays (Monday first) along y, coloured by mean wait', () => {
    const option = waitHeatmapOptions(heatmap, 'zh-CN');
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '09:00',
      '10:00',
      '11:00',
    ]);
    expect((option.yAxis as { data: string[] }).data[0]).toBe('周一');
    expect(series(option)[0].data).toEqual([
      [0, 0, 14.4],
      [2, 0, 3],
    ]);
    // the colour scale reaches at least the target
    expect(option.visualMap).toMatchObject({ min: 0, max: 15 });
  });

  it('tells a cell in the tooltip and lists every cell in the table', () => {
    const html = tooltip(waitHeatmapOptions(heatmap, 'en'), {
      value: [0, 0, 14.4],
    });
    expect(html).toContain('Mon 09:00');
    expect(html).toContain('Called within 15 min: 80%');
    const t = waitHeatmapTable(heatmap, 'zh-CN');
    expect(t.rows).toHaveLength(3);
    expect(t.rows[2]).toEqual(['周五', '10:00', 10, null, null]);
    expect(hourLabel(8)).toBe('08:00');
  });
});

describe('flowsOptions', () => {
  const flows: ReassignmentFlowsResponse = {
    from: '2019-01-01',
    to: '2020-12-31',
    nodes: [
      { id: 'from:department_clerk' },
      { id: 'to:comprehensive_clerk' },
      { id: 'to:self_service_guide' },
    ],
    links: [
      {
        source: 'from:department_clerk',
        target: 'to:comprehensive_clerk',
        value: 30,
      },
      {
        source: 'from:department_clerk',
        target: 'to:self_service_guide',
        value: 12,
      },
    ],
    total: 42,
  };

  it('draws a Sankey from roles left to roles taken, named in the language', () => {
    const option = flowsOptions(flows, 'zh-CN');
    const s = series(option)[0] as S & {
      links: unknown[];
      label: { formatter: (p: unknown) => string };
    };
    expect(s['type']).toBe('sankey');
    expect(s.data.map((n) => (n as { name: string }).name)).toEqual(
      flows.nodes.map((n) => n.id),
    );
    expect(s.links).toHaveLength(2);
    expect(s.label.formatter({ name: 'from:department_clerk' })).toBe(
      '部门窗口人员',
    );
    expect(
      tooltip(option, {
        dataType: 'edge',
        data: {
          source: 'from:department_clerk',
          target: 'to:self_service_guide',
          value: 12,
        },
      }),
    ).toBe('部门窗口人员 → 自助服务引导: 12 人次');
    expect(roleOf('to:online_coach')).toBe('online_coach');
  });

  it('lists the moves in its table', () => {
    expect(flowsTable(flows, 'en').rows).toEqual([
      ['Department clerk', 'Comprehensive clerk', 30],
      ['Department clerk', 'Self-service guide', 12],
    ]);
  });
});

describe('waitingOptions', () => {
  it('puts the longest queue on top and names categories', () => {
    const waiting = [
      { categoryCode: 'tax', count: 3, oldestIssuedAt: '2020-08-17T01:00:00Z' },
      {
        categoryCode: 'social_security',
        count: 9,
        oldestIssuedAt: '2020-08-17T01:30:00Z',
      },
    ];
    const name = (c: string) => c.toUpperCase();
    const option = waitingOptions(waiting, name, 'zh-CN');
    expect((option.yAxis as { data: string[] }).data).toEqual([
      'TAX',
      'SOCIAL_SECURITY',
    ]);
    expect(series(option)[0].data).toEqual([3, 9]);
    expect(waitingTable(waiting, name, 'zh-CN').rows[0]).toEqual([
      'TAX',
      3,
      '2020-08-17 09:00',
    ]);
  });
});

describe('region trend charts', () => {
  const trends: RegionTrendsResponse = {
    regionCode: '330000',
    from: '2020-01-01',
    to: '2020-02-29',
    granularity: 'month',
    region: {
      regionCode: '330000',
      name: '浙江省',
      points: [
        tp('2020-01-01', 100, 40, 0.6, 2000),
        tp('2020-02-01', 90, 45, 0.7, null),
      ],
      targets: [],
    },
    children: [
      {
        regionCode: '330100',
        name: '杭州市',
        points: [
          tp('2020-01-01', 60, 20, 0.65, 2000),
          tp('2020-02-01', 55, 25, 0.72, null),
        ],
        targets: [],
      },
    ],
    halls: [
      {
        hallId: 'h9',
        name: '直属大厅',
        points: [
          tp('2020-01-01', 40, 20, 0.5, null),
          tp('2020-02-01', 35, 20, 0.6, null),
        ],
        targets: [],
      },
    ],
  };

  it('draws the windows of each child region and direct hall, with drill-down ids', () => {
    const s = series(regionWindowsOptions(trends, 'zh-CN'));
    expect(s.map((x) => x['id'])).toEqual([
      'region:330000',
      'region:330100',
      'hall:h9',
    ]);
    expect(s.map((x) => x.data)).toEqual([
      [100, 90],
      [60, 55],
      [40, 35],
    ]);
    expect(partId(trends.halls[0])).toBe('hall:h9');
  });

  it('draws shares of comprehensive windows and online rates with the target line', () => {
    expect(series(comprehensiveShareOptions(trends, 'en'))[0].data).toEqual([
      0.4, 0.5,
    ]);
    const online = series(
      onlineRateOptions(trends, 'en', {
        target: { value: 0.8, label: 'Province target ≥80%' },
      }),
    );
    expect(online[0].data).toEqual([0.6, 0.7]);
    expect(online[0]['markLine']).toMatchObject({
      data: [{ yAxis: 0.8 }],
      label: { formatter: 'Province target ≥80%' },
    });
    expect(pickComprehensiveShare(tp('x', 3, 1, null, null))).toBe(0.3333);
  });

  it('stacks visitors per day of the parts that counted them', () => {
    const s = series(visitorsOptions(trends, 'zh-CN'));
    expect(s.map((x) => x.name)).toEqual(['杭州市']);
    expect(s[0]).toMatchObject({ stack: 'visitors', data: [2000, null] });
    expect(visitorsAreEmpty(trends)).toBe(false);
  });

  it('has one column per series in its table', () => {
    expect(regionTrendsTable(trends, 'zh-CN', (p) => p.windows)).toEqual({
      header: ['时段', '浙江省', '杭州市', '直属大厅'],
      rows: [
        ['2020-01-01', 100, 60, 40],
        ['2020-02-01', 90, 55, 35],
      ],
    });
  });
});

describe('windowTargetsOptions', () => {
  const target: TargetView = {
    id: 't',
    scope: { hallId: 'yiwu' },
    metric: 'windows',
    comparison: 'lt',
    value: 30,
    parameter: null,
    dueDate: '2020-12-31',
    note: null,
    actual: null,
    status: 'on_track',
  };

  it('draws each hall with its target as a dashed line labelled with the goal', () => {
    const option = windowTargetsOptions(
      [
        {
          name: '义乌市行政服务中心',
          target,
          points: [
            { date: '2020-06-30', windows: 52 },
            { date: '2020-12-31', windows: 29 },
          ],
        },
      ],
      'zh-CN',
    );
    const s = series(option)[0];
    expect(s.data).toEqual([
      ['2020-06-30', 52],
      ['2020-12-31', 29],
    ]);
    expect(s['markLine']).toMatchObject({
      data: [{ yAxis: 30 }],
      label: { formatter: '义乌市行政服务中心\n目标 <30（2020-12-31）' },
    });
    expect(targetLabel({ ...target, comparison: 'le', value: 150 }, 'en')).toBe(
      'Target ≤150 (2020-12-31)',
    );
    expect(
      windowTargetsTable(
        [{ name: 'Y', target, points: [{ date: 'd', windows: 1 }] }],
        'en',
      ).rows,
    ).toEqual([['Y', 'd', 1, '<30']]);
  });
});

describe('planner charts', () => {
  const fig = (mean: number) => ({
    mean,
    ci95: [mean * 0.9, mean * 1.1] as [number, number],
  });
  const overall = (wait: number, util: number) => ({
    meanWaitMinutes: fig(wait),
    p50WaitMinutes: fig(wait / 2),
    p90WaitMinutes: fig(wait * 2),
    p95WaitMinutes: fig(wait * 3),
    shareWithinTarget: fig(0.85),
    shareWaiting: fig(0.5),
    utilisation: fig(util),
  });
  const layout = (
    kind: 'department' | 'comprehensive',
    windows: number[],
    wait: number,
  ) => ({
    kind,
    intervals: windows.map((w, i) => ({
      start: `0${8 + i}:00`,
      end: `0${9 + i}:00`,
      windows: w,
      customers: 100,
      meanWaitMinutes: wait,
      shareWithinTarget: 0.85,
    })),
    pools: [],
    peakWindows: Math.max(...windows),
    windowHours: windows.reduce((a, b) => a + b, 0),
    fixedWindows: Math.max(...windows),
    overall: overall(wait, 0.8),
    staffFreed: 100 - Math.max(...windows),
  });
  const result = {
    fit: {} as PlanResult['fit'],
    currentWindows: 118,
    layouts: [
      layout('department', [20, 24], 9),
      layout('comprehensive', [15, 18], 6),
    ],
    pooling: null,
  } as PlanResult;

  it('puts the windows per interval of each layout side by side', () => {
    const option = requiredWindowsOptions(result, 'zh-CN');
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '08:00–09:00',
      '09:00–010:00',
    ]);
    expect(series(option).map((s) => [s.name, s.data])).toEqual([
      ['部门窗口（现状）', [20, 24]],
      ['全部综合窗口', [15, 18]],
    ]);
    expect(requiredWindowsTable(result, 'en').rows[0]).toEqual([
      '08:00–09:00',
      20,
      15,
    ]);
  });

  it('compares waits and utilisation of the layouts', () => {
    expect(series(waitFiguresOptions(result, 'en'))[1].data).toEqual([
      6, 3, 12, 18,
    ]);
    expect(series(utilisationOptions(result, 'en'))[0].data).toEqual([
      0.8, 0.85,
    ]);
    const t = layoutFiguresTable(result, 'en');
    expect(t.rows[1].slice(0, 5)).toEqual(['All comprehensive', 18, 33, 82, 6]);
  });

  it('lines up saved plans from their summaries', () => {
    const rows = comparisonRows([
      {
        id: 'p1',
        hallId: 'h',
        name: null,
        state: 'done',
        progress: 1,
        inputs: {} as never,
        createdAt: '',
        startedAt: null,
        finishedAt: null,
        result,
      },
    ]);
    expect(rows.map((r) => [r.kind, r.peakWindows, r.staffFreed])).toEqual([
      ['department', 24, 76],
      ['comprehensive', 18, 82],
    ]);
  });
});

describe('fill', () => {
  it('fills placeholders and leaves unknown ones empty', () => {
    expect(fill('{{a}} and {{ b }} {{c}}', { a: 1, b: 'x' })).toBe('1 and x ');
  });
});

function day(
  date: string,
  visitors: number | null,
  tickets: number,
  served: number,
): HallDay {
  return {
    date,
    visitors,
    tickets,
    served,
    noShows: 0,
    abandoned: 3,
    expired: 1,
    meanWaitMinutes: 4.2,
    p90WaitMinutes: 15.6,
    withinTargetShare: 0.89,
    abandonedShare: 0.02,
    windowsOpen: 118,
    windowsComprehensive: 64,
    onlineRate: 0.79,
    staffMovesIn: 0,
    staffMovesOut: 0,
  };
}

function point(
  period: string,
  c: Partial<ChannelPoint['channels']>,
): ChannelPoint {
  const channels = {
    window: 0,
    online_web: 0,
    online_mobile: 0,
    self_service_terminal: 0,
    partner_outlet: 0,
    agent: 0,
    ...c,
  };
  const total = Object.values(channels).reduce((a, b) => a + b, 0);
  return {
    period,
    channels,
    total,
    onlineRate: total
      ? (channels.online_web + channels.online_mobile) / total
      : null,
  };
}

function cell(weekday: number, hour: number, mean: number | null) {
  return {
    weekday,
    hour,
    days: 2,
    arrivals: 20,
    arrivalsPerDay: 10,
    meanWaitMinutes: mean,
    withinTargetShare: mean === null ? null : 0.8,
    abandonedShare: mean === null ? null : 0.03,
  };
}

function tp(
  period: string,
  windows: number,
  comprehensive: number,
  online: number | null,
  visitorsPerDay: number | null,
): TrendPoint {
  return {
    period,
    windows,
    windowsComprehensive: comprehensive,
    visitors: visitorsPerDay === null ? null : visitorsPerDay * 20,
    visitorsPerDay,
    tickets: 0,
    onlineRate: online,
    meanWaitMinutes: null,
    withinTargetShare: null,
    abandonedShare: null,
  };
}

describe('ratingsOptions', () => {
  const ratings: HallRatingsResponse = {
    hallId: 'h1',
    from: '2026-12-01',
    to: '2026-12-03',
    overall: { served: 12, rated: 5, meanRating: 3.8, low: 1, lowShare: 0.2 },
    byWindow: [
      {
        windowId: 'w10',
        label: '10号窗口',
        served: 4,
        rated: 2,
        meanRating: 3,
        low: 1,
        lowShare: 0.5,
        meanHandlingMinutes: 8,
      },
      {
        windowId: 'w2',
        label: '2号窗口',
        served: 6,
        rated: 3,
        meanRating: 4.33,
        low: 0,
        lowShare: 0,
        meanHandlingMinutes: 6,
      },
      {
        windowId: 'w3',
        label: '3号窗口',
        served: 2,
        rated: 0,
        meanRating: null,
        low: 0,
        lowShare: null,
        meanHandlingMinutes: null,
      },
    ],
    byCategory: [
      {
        categoryCode: 'tax',
        served: 12,
        rated: 5,
        meanRating: 3.8,
        low: 1,
        lowShare: 0.2,
      },
    ],
  };

  it('draws the mean rating of each rated window on a 1–5 scale, windows in number order', () => {
    const o = ratingsOptions(ratings, 'zh-CN', { animation: false });
    expect((o.yAxis as { data: string[] }).data).toEqual([
      '2号窗口',
      '10号窗口',
    ]);
    expect(seriesList(o)[0]['data']).toEqual([4.33, 3]);
    expect(o.xAxis).toMatchObject({ min: 1, max: 5 });
  });

  it('knows when nobody rated, and tables windows and categories', () => {
    expect(ratingsAreEmpty(ratings)).toBe(false);
    expect(
      ratingsAreEmpty({
        ...ratings,
        overall: { ...ratings.overall, rated: 0 },
      }),
    ).toBe(true);
    const table = ratingsTable(ratings, 'en', (c) =>
      c === 'tax' ? 'Taxation' : c,
    );
    expect(table.header).toEqual([
      'Window',
      'Served',
      'Ratings',
      'Mean rating',
      'Low ratings',
    ]);
    expect(table.rows).toEqual([
      ['2号窗口', 6, 3, 4.33, 0],
      ['10号窗口', 4, 2, 3, 1],
      ['Category: Taxation', 12, 5, 3.8, 1],
    ]);
  });
});
