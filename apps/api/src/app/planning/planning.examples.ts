/** OpenAPI examples of the planning endpoints (api-contract.md, "Planning"). */
import type { HallDemand } from '@onewindow/contracts';

export const SCENARIO_EXAMPLE = {
  open: '08:30',
  close: '17:00',
  arrivalsPerDay: 2500,
  profile: [
    { start: '08:30', end: '10:00', share: 0.3 },
    { start: '10:00', end: '12:00', share: 0.3 },
    { start: '12:00', end: '14:00', share: 0.15 },
    { start: '14:00', end: '17:00', share: 0.25 },
  ],
  categories: [
    {
      code: 'social_security',
      share: 0.6,
      service: { distribution: 'lognormal', meanMinutes: 8, cv: 0.8 },
    },
    {
      code: 'business',
      share: 0.4,
      service: { distribution: 'exponential', meanMinutes: 14 },
    },
  ],
  target: { waitMinutes: 15, share: 0.8 },
};

const figure = (mean: number, low: number, high: number) => ({
  mean,
  ci95: [low, high],
});

/** simulate's figures for SCENARIO_EXAMPLE with 70 comprehensive windows, 30 replications, seed 1. */
export const OVERALL_EXAMPLE = {
  meanWaitMinutes: figure(5.813, 5.061, 6.565),
  p50WaitMinutes: figure(3.502, 2.555, 4.449),
  p90WaitMinutes: figure(14.774, 13.284, 16.263),
  p95WaitMinutes: figure(15.84, 14.354, 17.326),
  shareWithinTarget: figure(0.855, 0.804, 0.907),
  shareWaiting: figure(0.553, 0.539, 0.567),
  utilisation: figure(0.716, 0.71, 0.722),
  // nobody in SCENARIO_EXAMPLE has a patience: nobody gives up
  abandonedShare: figure(0, 0, 0),
};

export const ERLANG_C_REQUEST_EXAMPLE = {
  arrivalsPerHour: 200,
  meanServiceMinutes: 3,
  target: { waitMinutes: 0.3333333333, share: 0.8 },
};

export const ERLANG_C_ANSWER_EXAMPLE = {
  windowsRequired: 14,
  probabilityOfWaiting: 0.17413,
  meanWaitMinutes: 0.1306,
  shareWithinTarget: 0.88835,
  utilisation: 0.71429,
};

/** 2 people a minute, 10-minute handling, 30 minutes' mean patience: 20 erlangs offered. */
export const ERLANG_A_REQUEST_EXAMPLE = {
  arrivalsPerHour: 120,
  meanServiceMinutes: 10,
  meanPatienceMinutes: 30,
  target: { waitMinutes: 15, share: 0.8 },
};

/** erlangAAnswer(ERLANG_A_REQUEST_EXAMPLE), rounded: fewer windows than erlangs, 16% give up. */
export const ERLANG_A_ANSWER_EXAMPLE = {
  windowsRequired: 17,
  probabilityOfWaiting: 0.91802,
  abandonedShare: 0.16164,
  shareWithinTarget: 0.83082,
  meanWaitMinutes: 4.84932,
  utilisation: 0.9863,
};

export const SIMULATE_REQUEST_EXAMPLE = {
  scenario: SCENARIO_EXAMPLE,
  layout: { kind: 'comprehensive', windows: 70 },
  replications: 30,
  seed: 1,
};

export const SIMULATE_RESULT_EXAMPLE = {
  replications: 30,
  overall: OVERALL_EXAMPLE,
  byCategory: [
    {
      code: 'social_security',
      customers: figure(1493.533, 1479.785, 1507.282),
      meanWaitMinutes: figure(5.848, 5.09, 6.607),
      p90WaitMinutes: figure(14.833, 13.341, 16.325),
      shareWithinTarget: figure(0.854, 0.802, 0.906),
    },
  ],
  byInterval: [
    {
      start: '08:30',
      customers: figure(742.8, 733.601, 751.999),
      meanWaitMinutes: figure(6.617, 5.872, 7.361),
      shareWithinTarget: figure(0.899, 0.851, 0.946),
    },
  ],
};

export const MINIMUM_WINDOWS_REQUEST_EXAMPLE = {
  scenario: SCENARIO_EXAMPLE,
  layout: { kind: 'department' },
  criterion: 'day',
  replications: 30,
  seed: 1,
};

export const MINIMUM_WINDOWS_RESULT_EXAMPLE = {
  kind: 'department',
  windows: { social_security: 33, business: 38 },
  total: 71,
  achieved: OVERALL_EXAMPLE,
};

export const REPLAY_REQUEST_EXAMPLE = {
  customers: [
    {
      arrivalMinute: 510,
      categoryCode: 'social_security',
      serviceMinutes: 7.5,
    },
    { arrivalMinute: 511.2, categoryCode: 'business', serviceMinutes: 12 },
    { arrivalMinute: 512, categoryCode: 'social_security', serviceMinutes: 4 },
  ],
  layout: { kind: 'comprehensive', windows: 2 },
  target: { waitMinutes: 15, share: 0.8 },
};

export const REPLAY_RESULT_EXAMPLE = {
  customers: [
    { startMinute: 510, waitMinutes: 0 },
    { startMinute: 511.2, waitMinutes: 0 },
    { startMinute: 517.5, waitMinutes: 5.5 },
  ],
  overall: {
    meanWaitMinutes: 1.8333,
    p50WaitMinutes: 0,
    p90WaitMinutes: 4.4,
    p95WaitMinutes: 4.95,
    shareWithinTarget: 1,
    shareWaiting: 0.3333,
    utilisation: 0.9514,
    abandonedShare: 0,
  },
};

export const PLAN_VIEW_EXAMPLE = {
  id: '6f1c2a4e-8d3b-4c5a-9e7f-1a2b3c4d5e6f',
  hallId: '11111111-1111-4111-8111-111111111111',
  name: '2020 秋季窗口精简方案',
  state: 'done',
  progress: 1,
  inputs: {
    historyFrom: '2020-06-01',
    historyTo: '2020-08-31',
    target: { waitMinutes: 15, share: 0.8 },
    layouts: ['comprehensive'],
    onlineShiftPoints: 0,
    replications: 30,
  },
  createdAt: '2020-09-01T02:00:00.000Z',
  startedAt: '2020-09-01T02:00:01.000Z',
  finishedAt: '2020-09-01T02:00:09.000Z',
  result: {
    fit: {
      days: 66,
      weekdays: [1, 2, 3, 4, 5],
      tickets: 92400,
      noShowRate: 0.05,
      arrivalsPerDay: 1330,
      arrivalsPerDayPlanned: 1330,
      onlineShiftPoints: 0,
      categories: [
        {
          code: 'social_security',
          share: 0.41,
          meanServiceMinutes: 7.8,
          cv: 0.74,
          onlineRate: 0.72,
        },
      ],
    },
    currentWindows: 40,
    layouts: [
      {
        kind: 'comprehensive',
        intervals: [
          {
            start: '08:30',
            end: '09:30',
            windows: 9,
            customers: 250.3,
            meanWaitMinutes: 4.1,
            shareWithinTarget: 0.9,
          },
        ],
        pools: [
          { label: 'all', categories: ['social_security'], perInterval: [9] },
        ],
        peakWindows: 9,
        fixedWindows: 8,
        windowHours: 58.5,
        overall: OVERALL_EXAMPLE,
        staffFreed: 31,
      },
    ],
    pooling: null,
  },
};

export const DEMAND_EXAMPLE: HallDemand = {
  hallId: '11111111-1111-4111-8111-111111111111',
  from: '2020-10-01',
  to: '2020-11-30',
  weekdays: [3],
  days: 8,
  timezone: 'Asia/Shanghai',
  openingHours: { open: '08:30', close: '17:00' },
  intervals: [
    { start: '08:30', end: '09:00' },
    { start: '09:00', end: '10:00' },
  ],
  arrivalsPerDay: 1412.5,
  byInterval: [92.4, 240.1],
  noShowRate: 0.051,
  handling: {
    count: 10620,
    meanMinutes: 9.83,
    cv: 0.52,
    lognormal: { mu: 2.16, sigma: 0.45 },
  },
  categories: [
    {
      code: 'social_security',
      arrivalsPerDay: 301.2,
      byInterval: [19.6, 51.3],
      noShowRate: 0.049,
      handling: {
        count: 2270,
        meanMinutes: 8.1,
        cv: 0.5,
        lognormal: { mu: 1.98, sigma: 0.44 },
      },
    },
  ],
};
