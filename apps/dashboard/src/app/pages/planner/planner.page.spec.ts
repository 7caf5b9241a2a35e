import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { PlanResult, PlanView } from '@onewindow/contracts';
import {
  drawCharts,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { DEFAULT_HISTORY, PlannerPage, shiftedArrivals } from './planner.page';

const fig = (mean: number) => ({
  mean,
  ci95: [mean * 0.9, mean * 1.1] as [number, number],
});
const layout = (
  kind: 'department' | 'comprehensive' | 'hybrid',
  peak: number,
) => ({
  kind,
  intervals: [
    {
      start: '08:30',
      end: '09:00',
      windows: peak - 2,
      customers: 80,
      meanWaitMinutes: 4,
      shareWithinTarget: 0.9,
    },
    {
      start: '09:00',
      end: '09:30',
      windows: peak,
      customers: 120,
      meanWaitMinutes: 6,
      shareWithinTarget: 0.85,
    },
  ],
  pools: [],
  peakWindows: peak,
  windowHours: peak * 7,
  fixedWindows: peak,
  overall: {
    meanWaitMinutes: fig(5),
    p50WaitMinutes: fig(3),
    p90WaitMinutes: fig(12),
    p95WaitMinutes: fig(16),
    shareWithinTarget: fig(0.86),
    shareWaiting: fig(0.6),
    utilisation: fig(0.8),
    abandonedShare: fig(peak / 1000),
  },
  staffFreed: 118 - peak,
});
const RESULT = {
  fit: {
    patience: {
      observations: 5000,
      events: 120,
      meanMinutes: 92.4,
      medianMinutes: null,
      kaplanMeier: { minutes: [3, 10], survival: [0.99, 0.98] },
    },
  } as PlanResult['fit'],
  currentWindows: 118,
  layouts: [
    layout('department', 40),
    layout('comprehensive', 30),
    layout('hybrid', 33),
  ],
  specialists: {
    codes: ['police_vehicles', 'real_estate'],
    costs: [
      {
        code: 'police_vehicles',
        windowsSeparate: 33,
        windowsPooled: 31,
        extraWindows: 2,
      },
      {
        code: 'real_estate',
        windowsSeparate: 33,
        windowsPooled: 33,
        extraWindows: 0,
      },
    ],
  },
  pooling: {
    verdict: 'pooled',
    verdictMetric: 'overall.shareWithinTarget',
    metrics: [
      {
        metric: 'overall.shareWithinTarget',
        role: 'primary',
        department: 0.71,
        pooled: 0.86,
        difference: { mean: 0.15, ci95: [0.12, 0.18] },
        better: 'pooled',
      },
      {
        metric: 'overall.meanWaitMinutes',
        role: 'secondary',
        department: 9.1,
        pooled: 5,
        difference: { mean: -4.1, ci95: [-4.9, -3.3] },
      },
    ],
  },
} as PlanResult;

const plan = (
  state: PlanView['state'],
  progress: number,
  result?: PlanResult,
): PlanView => ({
  id: 'p1',
  hallId: 'h1',
  name: null,
  state,
  progress,
  inputs: {
    historyFrom: DEFAULT_HISTORY.from,
    historyTo: DEFAULT_HISTORY.to,
    target: { waitMinutes: 15, share: 0.8 },
    layouts: ['department', 'comprehensive', 'hybrid'],
  },
  createdAt: '2020-09-01T02:00:00Z',
  startedAt: null,
  finishedAt: null,
  ...(result ? { result } : {}),
});

describe('PlannerPage', () => {
  let fixture: ComponentFixture<PlannerPage>;
  let http: HttpTestingController;
  let el: HTMLElement;
  const q = (id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as HTMLElement;

  beforeEach(async () => {
    sessionStorage.clear();
    storeSession(testUser('hall_manager', { hallId: 'h1' }));
    TestBed.configureTestingModule({
      imports: [PlannerPage],
      providers: testProviders(),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PlannerPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne('/api/v1/halls/h1').flush({ id: 'h1', name: '富阳' });
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/plans')
      .flush({ items: [], total: 0 });
    http
      .expectOne((r) => r.url === '/api/v1/analytics/halls/h1/wait-heatmap')
      .flush({
        hallId: 'h1',
        from: DEFAULT_HISTORY.from,
        to: DEFAULT_HISTORY.to,
        targetWaitMinutes: 15,
        cells: [
          {
            weekday: 1,
            hour: 9,
            days: 2,
            arrivals: 600,
            arrivalsPerDay: 300,
            meanWaitMinutes: 4,
            withinTargetShare: 0.9,
          },
          {
            weekday: 1,
            hour: 10,
            days: 2,
            arrivals: 690,
            arrivalsPerDay: 345,
            meanWaitMinutes: 14,
            withinTargetShare: 0.6,
          },
        ],
      });
    http
      .expectOne((r) => r.url === '/api/v1/analytics/halls/h1/daily')
      .flush({
        hallId: 'h1',
        from: DEFAULT_HISTORY.from,
        to: DEFAULT_HISTORY.to,
        targetWaitMinutes: 15,
        days: [{ date: '2020-08-17', onlineRate: 0.75 }],
      });
    await fixture.whenStable();
  });

  async function erlang() {
    await new Promise((r) => setTimeout(r, 300));
    return http.expectOne({ method: 'POST', url: '/api/v1/planning/erlang-c' });
  }

  it('answers at once with Erlang C from the peak hour, and again for a what-if online shift', async () => {
    const req = await erlang();
    expect(req.request.body).toEqual({
      arrivalsPerHour: 345,
      meanServiceMinutes: 10,
      target: { waitMinutes: 15, share: 0.8 },
    });
    req.flush({
      windowsRequired: 59,
      probabilityOfWaiting: 0.78,
      meanWaitMinutes: 5.2,
      shareWithinTarget: 0.918,
      utilisation: 0.975,
    });
    await fixture.whenStable();
    expect(q('instant-windows').textContent?.trim()).toBe('59');

    const slider = q('online-shift') as HTMLInputElement;
    slider.value = '10';
    slider.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(q('shift-value').textContent).toContain('+10 个百分点');
    // the arrivals the estimate now uses are shown, not only the history's peak
    expect(q('planned-arrivals').textContent).toContain('207');
    const again = await erlang();
    // window share 25 % → 15 %: 345 × 15/25
    expect(again.request.body.arrivalsPerHour).toBe(207);
    again.flush({
      windowsRequired: 37,
      probabilityOfWaiting: 0.7,
      meanWaitMinutes: null,
      shareWithinTarget: 0.9,
      utilisation: 0.95,
    });
    await fixture.whenStable();
    expect(q('instant-answer').textContent).toContain('窗口不足');
  });

  it('starts a run, shows its progress and then the layouts side by side', async () => {
    (await erlang()).flush({
      windowsRequired: 59,
      probabilityOfWaiting: 0.7,
      meanWaitMinutes: 5,
      shareWithinTarget: 0.9,
      utilisation: 0.9,
    });
    (q('plan-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const create = http.expectOne({
      method: 'POST',
      url: '/api/v1/halls/h1/plans',
    });
    expect(create.request.body).toEqual({
      historyFrom: DEFAULT_HISTORY.from,
      historyTo: DEFAULT_HISTORY.to,
      target: { waitMinutes: 15, share: 0.8 },
      layouts: ['department', 'comprehensive', 'hybrid'],
      onlineShiftPoints: 0,
      replications: 20,
    });
    create.flush({ id: 'p1' });
    await new Promise((r) => setTimeout(r, 20));
    http.expectOne('/api/v1/plans/p1').flush(plan('running', 0.4));
    await fixture.whenStable();
    expect(q('plan-run').getAttribute('data-state')).toBe('running');
    expect((q('plan-progress') as HTMLProgressElement).value).toBe(0.4);
    expect(q('plan-run').textContent).toContain('40%');

    await new Promise((r) => setTimeout(r, 1050));
    http.expectOne('/api/v1/plans/p1').flush(plan('done', 1, RESULT));
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/plans')
      .flush({ items: [plan('done', 1, RESULT)], total: 1 });
    await fixture.whenStable();
    await drawCharts(fixture);
    expect(q('plan-run').getAttribute('data-state')).toBe('done');
    const cards = Array.from(
      el.querySelectorAll('[data-testid="layout-card"]'),
    );
    expect(cards.map((c) => c.getAttribute('data-layout'))).toEqual([
      'department',
      'comprehensive',
      'hybrid',
    ]);
    expect(
      cards[1].querySelector('[data-testid="staff-freed"]')?.textContent,
    ).toContain('88');
    for (const id of [
      'required-windows-chart',
      'wait-chart',
      'utilisation-chart',
    ])
      expect([id, q(id).getAttribute('data-chart-state')]).toEqual([
        id,
        'rendered',
      ]);
    expect(q('required-windows-chart').getAttribute('data-points')).toBe('6');
    // people who give up: per layout, and the patience behind them
    expect(
      cards.map(
        (c) => c.querySelector('[data-testid="layout-abandoned"]')?.textContent,
      ),
    ).toEqual([
      expect.stringContaining('4%'),
      expect.stringContaining('3%'),
      expect.stringContaining('3.3%'),
    ]);
    expect(q('plan-patience').textContent).toContain('92');
    expect(q('plan-patience').textContent).toContain('5,000 人中 120 人');
    // the one verdict, on its one metric, and the rest without one
    expect(q('pooling-verdict').textContent).toContain('综合窗口更好');
    expect(q('pooling-verdict').textContent).toContain('12% – 18%');
    expect(q('plan-pooling').textContent).toContain('只依据预先指定的一个指标');
    expect(
      el.querySelectorAll('[data-testid="pooling-secondary"] tbody tr'),
    ).toHaveLength(1);
    // what each specialist category costs
    expect(
      Array.from(el.querySelectorAll('[data-testid="specialist-cost"]')).map(
        (li) => li.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual([
      expect.stringContaining('单设公安车驾管专窗需多 2 个窗口'),
      expect.stringContaining('单设不动产登记专窗不需多占窗口'),
    ]);

    // compare: tick the saved plan
    (
      el.querySelector('[data-testid="run-row"] input') as HTMLInputElement
    ).click();
    await fixture.whenStable();
    expect(
      el.querySelectorAll('[data-testid="comparison-table"] tbody tr'),
    ).toHaveLength(3);
    http.match(() => true);
  });
});

describe('shiftedArrivals', () => {
  it('takes the shifted points off the window share of the cases', () => {
    expect(shiftedArrivals(100, 0.5, 10)).toBeCloseTo(80);
    expect(shiftedArrivals(100, 0, 0)).toBe(100);
    expect(shiftedArrivals(100, 0.9, 20)).toBe(0);
    expect(shiftedArrivals(100, 1, 0)).toBe(0);
  });
});
