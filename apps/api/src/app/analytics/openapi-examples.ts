import type {
  HallChannelsResponse,
  HallRankingResponse,
  HallWaitHeatmapResponse,
  WindowChangesResponse,
} from '@onewindow/contracts';

/** Examples of the analytics answers in the OpenAPI document (demo figures). */
const FUYANG = '11111111-1111-4111-8111-111111111111';
const YIWU = '22222222-2222-4222-8222-222222222222';

export const CHANNELS_EXAMPLE: HallChannelsResponse = {
  hallId: FUYANG,
  from: '2020-08-01',
  to: '2020-08-31',
  granularity: 'month',
  points: [
    {
      period: '2020-08-01',
      channels: {
        window: 9120,
        online_web: 14210,
        online_mobile: 18630,
        self_service_terminal: 2480,
        partner_outlet: 1290,
        agent: 660,
      },
      total: 46390,
      onlineRate: 0.8077,
    },
  ],
};

export const HEATMAP_EXAMPLE: HallWaitHeatmapResponse = {
  hallId: FUYANG,
  from: '2020-08-17',
  to: '2020-08-30',
  targetWaitMinutes: 15,
  cells: [
    {
      weekday: 1,
      hour: 9,
      days: 2,
      arrivals: 412,
      arrivalsPerDay: 206,
      meanWaitMinutes: 9.4,
      withinTargetShare: 0.8301,
      abandonedShare: 0.0412,
    },
  ],
};

export const WINDOW_CHANGES_EXAMPLE: WindowChangesResponse = {
  hallId: YIWU,
  from: '2019-01-01',
  to: '2019-12-31',
  changes: [
    {
      date: '2019-05-06',
      opened: { department: 0, comprehensive: 26 },
      converted: { toComprehensive: 0, toDepartment: 0 },
      retired: { department: 36, comprehensive: 0 },
      netChange: -10,
      notes: [
        '社保、医保、市场监管等36个窗口整合为全科无差别受理窗口,裁撤其中10个',
      ],
    },
  ],
};

export const RANKING_EXAMPLE: HallRankingResponse = {
  regionCode: '330000',
  from: '2020-01-01',
  to: '2020-12-31',
  halls: [
    {
      hallId: YIWU,
      name: '义乌市行政服务中心',
      regionCode: '330782',
      regionName: '义乌市',
      kind: 'county_center',
      windowsAtStart: 96,
      windowsAtEnd: 29,
      windowsCut: 67,
      windowsCutShare: 0.6979,
      comprehensiveShare: 0.6897,
      tickets: 512340,
      visitorsPerDay: 2730.5,
      onlineRate: 0.8123,
      meanWaitMinutes: 6.8,
      p90WaitMinutes: 16.2,
      withinTargetShare: 0.8712,
      abandonedShare: 0.0231,
      targetWaitMinutes: 15,
    },
  ],
};
