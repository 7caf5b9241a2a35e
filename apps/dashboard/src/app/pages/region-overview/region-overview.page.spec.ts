import { Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  HallRankingRow,
  RegionTrendsResponse,
  TrendPoint,
} from '@onewindow/contracts';
import {
  drawCharts,
  flushPending,
  HttpErrorBody,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { DEFAULT_FROM, DEFAULT_TO } from '../hall-overview/hall-span';
import { RegionOverviewPage } from './region-overview.page';

@Component({ selector: 'app-hall-stub', template: 'hall' })
class HallStub {}

const REGIONS: Record<string, { name: string; parentCode: string | null }> = {
  '330000': { name: '浙江省', parentCode: null },
  '330100': { name: '杭州市', parentCode: '330000' },
  '331100': { name: '丽水市', parentCode: '330000' },
};

function tp(period: string, windows: number, online: number): TrendPoint {
  return {
    period,
    windows,
    windowsComprehensive: Math.round(windows / 2),
    visitors: 40_000,
    visitorsPerDay: 2000,
    tickets: 30_000,
    onlineRate: online,
    meanWaitMinutes: 6,
    withinTargetShare: 0.9,
    abandonedShare: 0.02,
  };
}

function trends(code: string): RegionTrendsResponse {
  const child = code === '330000' ? '330100' : null;
  return {
    regionCode: code,
    from: DEFAULT_FROM,
    to: DEFAULT_TO,
    granularity: 'month',
    region: {
      regionCode: code,
      name: REGIONS[code].name,
      points: [tp('2019-01-01', 900, 0.5), tp('2019-02-01', 800, 0.6)],
      targets:
        code === '330000'
          ? [
              {
                regionCode: '330000',
                hallId: null,
                metric: 'online_rate',
                comparison: 'ge',
                value: 0.8,
                parameter: null,
                dueDate: '2020-12-31',
              },
            ]
          : [],
    },
    children: child
      ? [
          {
            regionCode: child,
            name: REGIONS[child].name,
            points: [tp('2019-01-01', 500, 0.55), tp('2019-02-01', 450, 0.65)],
            targets: [],
          },
        ]
      : [],
    halls: [
      {
        hallId: `hall-of-${code}`,
        name: `${REGIONS[code].name}行政服务中心`,
        points: [tp('2019-01-01', 400, 0.45), tp('2019-02-01', 350, 0.55)],
        targets: [],
      },
    ],
  };
}

const rank = (
  name: string,
  cut: number,
  wait: number | null,
): HallRankingRow => ({
  hallId: `id-${name}`,
  name,
  regionCode: '330100',
  regionName: '杭州市',
  kind: 'county_center',
  windowsAtStart: 200,
  windowsAtEnd: 200 - cut,
  windowsCut: cut,
  windowsCutShare: cut / 200,
  comprehensiveShare: 0.5,
  tickets: 100,
  visitorsPerDay: null,
  onlineRate: 0.7,
  meanWaitMinutes: wait,
  p90WaitMinutes: wait,
  withinTargetShare: 0.9,
  abandonedShare: 0.02,
  targetWaitMinutes: 15,
});

function answers(code: string): Record<string, unknown> {
  return {
    ...Object.fromEntries(
      Object.entries(REGIONS).map(([c, r]) => [
        `/api/v1/regions/${c}`,
        { code: c, level: 'city', ...r },
      ]),
    ),
    [`/api/v1/analytics/regions/${code}/trends`]: trends(code),
    [`/api/v1/analytics/regions/${code}/hall-ranking`]: {
      regionCode: code,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      halls: [
        rank('富阳', 66, 5.8),
        rank('滨江', 46, null),
        rank('义乌', 91, 6.8),
      ],
    },
    [`/api/v1/regions/${code}/reassignments/flows`]: {
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      nodes: [{ id: 'from:department_clerk' }, { id: 'to:online_coach' }],
      links: [
        {
          source: 'from:department_clerk',
          target: 'to:online_coach',
          value: 3,
        },
      ],
      total: 3,
    },
    [`/api/v1/regions/${code}/targets`]: {
      items: [
        {
          id: 't-lishui',
          scope: { hallId: 'lishui' },
          metric: 'windows',
          comparison: 'le',
          value: 150,
          parameter: null,
          dueDate: '2020-12-31',
          note: null,
          actual: null,
          status: 'met',
        },
      ],
      total: 1,
    },
    '/api/v1/halls/lishui/windows/history': {
      hallId: 'lishui',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: [
        { date: '2019-01-01', department: 300, comprehensive: 40, total: 340 },
        { date: '2020-12-31', department: 78, comprehensive: 70, total: 148 },
      ],
    },
    '/api/v1/halls/lishui': { id: 'lishui', name: '丽水市行政服务中心' },
  };
}

describe('RegionOverviewPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(
    url: string,
    regionCode = '330000',
  ): Promise<HTMLElement> {
    sessionStorage.clear();
    localStorage.clear();
    storeSession(testUser('reform_office', { regionCode }));
    TestBed.configureTestingModule({
      providers: testProviders([
        { path: 'region', component: RegionOverviewPage },
        { path: 'hall', component: HallStub },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    return harness.routeNativeElement as HTMLElement;
  }

  async function answerAll(code: string): Promise<string[]> {
    const asked: string[] = [];
    for (let i = 0; i < 6; i++) {
      asked.push(...flushPending(http, answers(code)));
      await harness.fixture.whenStable();
    }
    await drawCharts(harness.fixture);
    return asked;
  }

  const q = (el: HTMLElement, id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

  it('draws the province: windows per part, targets, online rate against 80 %, shares, visitors', async () => {
    const el = await open('/region');
    const asked = await answerAll('330000');
    expect(asked).toEqual(
      expect.arrayContaining([
        `GET /api/v1/analytics/regions/330000/trends?from=${DEFAULT_FROM}&to=${DEFAULT_TO}&granularity=month`,
        `GET /api/v1/analytics/regions/330000/hall-ranking?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        'GET /api/v1/regions/330000/targets?includeChildren=true&limit=500',
      ]),
    );
    for (const id of [
      'region-windows-chart',
      'window-targets-chart',
      'online-chart',
      'comprehensive-chart',
      'within-chart',
      'abandoned-chart',
      'visitors-chart',
      'region-flows-chart',
    ])
      expect([id, q(el, id)?.getAttribute('data-chart-state')]).toEqual([
        id,
        'rendered',
      ]);
    expect(q(el, 'current-region')?.textContent).toContain('浙江省');
    expect(q(el, 'kpi-windows')?.textContent).toContain('800');
    expect(q(el, 'kpi-online')?.textContent).toContain('60%');
    expect(q(el, 'kpi-online')?.textContent).toContain('目标 ≥80%');
    expect(q(el, 'window-targets-chart')?.getAttribute('data-points')).toBe(
      '2',
    );
    http.match(() => true);
  });

  it('sorts the ranking by a clicked column', async () => {
    const el = await open('/region');
    await answerAll('330000');
    const names = () =>
      Array.from(el.querySelectorAll('[data-testid="ranking-row"] th a')).map(
        (a) => a.textContent?.trim(),
      );
    expect(names()).toEqual(['义乌', '富阳', '滨江']);
    (
      el.querySelector('[data-sort="meanWaitMinutes"]') as HTMLButtonElement
    ).click();
    await harness.fixture.whenStable();
    expect(names()).toEqual(['富阳', '义乌', '滨江']);
    expect(
      el
        .querySelector('[data-sort="meanWaitMinutes"]')
        ?.closest('th')
        ?.getAttribute('aria-sort'),
    ).toBe('ascending');
    http.match(() => true);
  });

  it('drills down from the province to a city and on to a hall', async () => {
    const el = await open('/region');
    await answerAll('330000');
    const router = TestBed.inject(Router);
    (q(el, 'drill-region') as HTMLAnchorElement).click();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/region?code=330100');
    const asked = await answerAll('330100');
    expect(
      asked.some((a) => a.includes('/analytics/regions/330100/trends')),
    ).toBe(true);
    expect(
      Array.from(el.querySelectorAll('[data-testid="breadcrumb"] li')).map(
        (li) => li.textContent?.trim(),
      ),
    ).toEqual(['浙江省', '杭州市']);
    // the province's online target carries down to the city
    expect(q(el, 'kpi-online')?.textContent).toContain('目标 ≥80%');
    (q(el, 'open-hall') as HTMLAnchorElement).click();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/hall?hall=hall-of-330100');
    http.match(() => true);
  });

  it('says "not allowed" when the API refuses a region', async () => {
    const el = await open('/region?code=331100', '330100');
    flushPending(http, {
      ...answers('331100'),
      '/api/v1/analytics/regions/331100/trends': new HttpErrorBody(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'This region is outside your scope',
      }),
    });
    await harness.fixture.whenStable();
    expect(q(el, 'region-error')?.textContent).toContain(
      '没有权限查看：This region is outside your scope',
    );
    expect(
      q(el, 'region-windows-chart')?.getAttribute('data-chart-state'),
    ).toBe('error');
    http.match(() => true);
  });
});
