import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type {
  HallView,
  QueueSnapshot,
  WindowHistoryDay,
} from '@onewindow/contracts';
import {
  drawCharts,
  flushPending,
  HttpErrorBody,
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { LanguageService } from '../../core/i18n/language.service';
import { LIVE_FETCH } from '../../core/live/hall-live.service';
import { HallOverviewPage } from './hall-overview.page';
import { autoGranularity, DEFAULT_FROM, DEFAULT_TO } from './hall-span';

const HALLS: HallView[] = [
  hall('h1', '杭州市民中心'),
  hall('h2', '富阳区行政服务中心'),
];

const DAYS: WindowHistoryDay[] = [
  { date: '2019-01-01', department: 30, comprehensive: 0, total: 30 },
  { date: '2019-01-02', department: 20, comprehensive: 6, total: 26 },
  { date: '2019-01-03', department: 10, comprehensive: 12, total: 22 },
];

const snapshot = (waiting: number): QueueSnapshot => ({
  asOf: '2020-08-17T02:00:00Z',
  waiting: waiting
    ? [
        {
          categoryCode: 'social_security',
          count: waiting,
          oldestIssuedAt: '2020-08-17T01:30:00Z',
        },
      ]
    : [],
  windows: [
    { id: 'w1', label: 'A1', mode: 'comprehensive', state: 'open' },
    { id: 'w2', label: 'A2', mode: 'department', state: 'paused' },
  ],
  averageWaitTodayMinutes: 6.25,
});

/** Every analytics answer of a hall page. */
function answers(hallId: string): Record<string, unknown> {
  const base = `/api/v1/analytics/halls/${hallId}`;
  return {
    '/api/v1/categories': [
      { code: 'social_security', name: '社会保障', ticketPrefix: 'A' },
    ],
    [`/api/v1/halls/${hallId}/queue`]: snapshot(0),
    [`${base}/coverage`]: {
      hallId,
      tickets: { from: '2020-08-17', to: DEFAULT_TO },
      facts: { from: DEFAULT_FROM, to: DEFAULT_TO },
    },
    [`${base}/daily`]: {
      hallId,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      targetWaitMinutes: 15,
      days: DAYS.map((d) => ({
        date: d.date,
        visitors: 2500,
        tickets: 1700,
        served: 1600,
        noShows: 10,
        abandoned: 12,
        expired: 2,
        meanWaitMinutes: 5,
        p90WaitMinutes: 14,
        withinTargetShare: 0.9,
        abandonedShare: 0.008,
        windowsOpen: d.total,
        windowsComprehensive: d.comprehensive,
        onlineRate: 0.78,
        staffMovesIn: 0,
        staffMovesOut: 0,
      })),
    },
    [`/api/v1/halls/${hallId}/windows/history`]: {
      hallId,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    },
    [`${base}/window-changes`]: {
      hallId,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      changes: [
        {
          date: '2019-01-02',
          opened: { department: 0, comprehensive: 6 },
          converted: { toComprehensive: 0, toDepartment: 0 },
          retired: { department: 10, comprehensive: 0 },
          netChange: -4,
          notes: ['部门窗口合并'],
        },
      ],
    },
    [`${base}/channels`]: {
      hallId,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      granularity: 'month',
      points: [
        {
          period: '2019-01-01',
          channels: {
            window: 10,
            online_web: 20,
            online_mobile: 30,
            self_service_terminal: 0,
            partner_outlet: 0,
            agent: 0,
          },
          total: 60,
          onlineRate: 0.8333,
        },
      ],
    },
    [`${base}/wait-heatmap`]: {
      hallId,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      targetWaitMinutes: 15,
      cells: [
        {
          weekday: 1,
          hour: 9,
          days: 2,
          arrivals: 40,
          arrivalsPerDay: 20,
          meanWaitMinutes: 8,
          withinTargetShare: 0.9,
          abandonedShare: 0.01,
        },
      ],
    },
    [`${base}/ratings`]: {
      hallId,
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      overall: {
        served: 30,
        rated: 12,
        meanRating: 4.5,
        low: 1,
        lowShare: 0.0833,
      },
      byWindow: [
        {
          windowId: 'w2',
          label: '2号窗口',
          served: 10,
          rated: 4,
          meanRating: 4,
          low: 1,
          lowShare: 0.25,
          meanHandlingMinutes: 9.5,
        },
        {
          windowId: 'w1',
          label: '1号窗口',
          served: 20,
          rated: 8,
          meanRating: 4.75,
          low: 0,
          lowShare: 0,
          meanHandlingMinutes: 7,
        },
        {
          windowId: 'w3',
          label: '3号窗口',
          served: 2,
          rated: 0,
          meanRating: null,
          low: 0,
          lowShare: null,
          meanHandlingMinutes: 5,
        },
      ],
      byCategory: [
        {
          categoryCode: 'social_security',
          served: 30,
          rated: 12,
          meanRating: 4.5,
          low: 1,
          lowShare: 0.0833,
        },
      ],
    },
    [`/api/v1/halls/${hallId}/reassignments/flows`]: {
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      nodes: [{ id: 'from:department_clerk' }, { id: 'to:online_coach' }],
      links: [
        {
          source: 'from:department_clerk',
          target: 'to:online_coach',
          value: 4,
        },
      ],
      total: 4,
    },
    [`/api/v1/halls/${hallId}/targets`]: {
      items: [
        {
          id: 't1',
          scope: { hallId },
          metric: 'windows',
          comparison: 'lt',
          value: 30,
          parameter: null,
          dueDate: '2020-12-31',
          note: '年底前窗口缩减至30个以内',
          actual: {
            value: 22,
            asOf: '2020-12-31',
            basis: { from: '2020-12-31', to: '2020-12-31', sampleSize: 1 },
          },
          status: 'met',
        },
      ],
      total: 1,
    },
  };
}

/** A live stream the test writes to. */
class FakeStream {
  private chunks: string[] = [];
  private wake: (() => void) | null = null;
  requests: { url: string; headers: Record<string, string> }[] = [];

  push(text: string): void {
    this.chunks.push(text);
    this.wake?.();
  }

  fetch = (url: string, init: RequestInit): Promise<Response> => {
    this.requests.push({
      url,
      headers: init.headers as Record<string, string>,
    });
    const encoder = new TextEncoder();
    const read = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
      while (this.chunks.length === 0)
        await new Promise<void>((r) => (this.wake = r));
      return { done: false, value: encoder.encode(this.chunks.shift()) };
    };
    return Promise.resolve({
      ok: true,
      status: 200,
      body: { getReader: () => ({ read }) },
    } as unknown as Response);
  };
}

describe('HallOverviewPage', () => {
  let fixture: ComponentFixture<HallOverviewPage>;
  let http: HttpTestingController;
  let el: HTMLElement;
  let stream: FakeStream;

  async function open(
    user: ReturnType<typeof testUser>,
    hallQuery: string | null = null,
  ): Promise<void> {
    sessionStorage.clear();
    localStorage.clear();
    storeSession(user);
    stream = new FakeStream();
    TestBed.configureTestingModule({
      imports: [HallOverviewPage],
      providers: [
        ...testProviders(),
        { provide: LIVE_FETCH, useValue: stream.fetch },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HallOverviewPage);
    if (hallQuery) fixture.componentRef.setInput('hall', hallQuery);
    el = fixture.nativeElement;
    await fixture.whenStable();
  }

  /** Answers everything asked, waiting for the live panel's first snapshot. */
  async function answerAll(bodies: Record<string, unknown>): Promise<string[]> {
    const asked: string[] = [];
    for (let i = 0; i < 6; i++) {
      asked.push(...flushPending(http, bodies));
      await new Promise((r) => setTimeout(r, 120));
      await fixture.whenStable();
    }
    await drawCharts(fixture);
    return asked;
  }

  const q = (testId: string) => el.querySelector(`[data-testid="${testId}"]`);
  const state = (testId: string) => q(testId)?.getAttribute('data-chart-state');

  it("shows a manager's own hall: live figures and every chart drawn from the API", async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    const asked = await answerAll({
      '/api/v1/halls/h1': HALLS[0],
      ...answers('h1'),
    });
    expect(asked).toEqual(
      expect.arrayContaining([
        `GET /api/v1/analytics/halls/h1/daily?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        `GET /api/v1/halls/h1/windows/history?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        `GET /api/v1/analytics/halls/h1/window-changes?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        `GET /api/v1/analytics/halls/h1/channels?from=${DEFAULT_FROM}&to=${DEFAULT_TO}&granularity=month`,
        `GET /api/v1/analytics/halls/h1/wait-heatmap?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        `GET /api/v1/halls/h1/reassignments/flows?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        `GET /api/v1/analytics/halls/h1/ratings?from=${DEFAULT_FROM}&to=${DEFAULT_TO}`,
        'GET /api/v1/halls/h1/queue',
      ]),
    );
    expect(q('hall-name')?.textContent).toContain('杭州市民中心');
    expect(q('hall-picker')).toBeNull();
    for (const chart of [
      'daily-chart',
      'window-history-chart',
      'service-chart',
      'channels-chart',
      'heatmap-chart',
      'flows-chart',
      'ratings-chart',
    ])
      expect([chart, state(chart)]).toEqual([chart, 'rendered']);
    expect(Number(q('daily-chart')?.getAttribute('data-points'))).toBe(9);
    // within target and gave up: two lines over the same days
    expect(Number(q('service-chart')?.getAttribute('data-points'))).toBe(6);
    // ratings: the windows rated in the span, by label, and the categories in the table
    const card = q('ratings-chart')?.closest('section') as HTMLElement;
    const details = card.querySelector('details');
    (details as HTMLDetailsElement).open = true;
    details?.dispatchEvent(new Event('toggle'));
    await fixture.whenStable();
    expect(Number(q('ratings-chart')?.getAttribute('data-points'))).toBe(2);
    const ratingsTable = card.querySelector('table');
    expect(ratingsTable?.textContent).toContain('1号窗口');
    expect(ratingsTable?.textContent).toContain('4.75');
    expect(ratingsTable?.textContent).toContain('社会保障');
    expect(ratingsTable?.textContent).not.toContain('3号窗口');
    // the change day under the windows chart, as the reform report puts it
    expect(q('window-change')?.textContent).toContain(
      '10 个部门窗口合并为 6 个综合窗口，减少 4 个',
    );
    // targets with their status word
    expect(q('target-status')?.textContent).toContain('已达成');
    expect(q('targets')?.textContent).toContain('< 30');
    // live: nobody waiting, one window open, one paused
    expect(q('live-waiting')?.textContent?.trim()).toBe('0');
    expect(q('live-open')?.textContent?.trim()).toBe('1');
    expect(q('live-paused')?.textContent?.trim()).toBe('1');
    expect(state('live-waiting-chart')).toBe('empty');
    expect(q('loaded-at')?.textContent).toContain('北京时间');
    http.match(() => true);
  });

  it('follows the queue through the event stream without a reload', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    await answerAll({ '/api/v1/halls/h1': HALLS[0], ...answers('h1') });
    expect(stream.requests[0].url).toBe('/api/v1/halls/h1/events');
    expect(stream.requests[0].headers['Authorization']).toBe(
      'Bearer token-of-hall_manager',
    );
    stream.push('retry: 3000\n: connected\n\n');
    await settle(3);
    fixture.detectChanges();
    expect(q('live-status')?.getAttribute('data-live-state')).toBe('open');

    stream.push('id: 9\nevent: ticket.issued\ndata: {"id":"t9"}\n\n');
    await new Promise((r) => setTimeout(r, 500));
    // the panel asks for the snapshot again
    http.expectOne('/api/v1/halls/h1/queue').flush(snapshot(3));
    await fixture.whenStable();
    await drawCharts(fixture);
    expect(q('live-waiting')?.textContent?.trim()).toBe('3');
    expect(state('live-waiting-chart')).toBe('rendered');
    http.match(() => true);
  });

  it('lets an admin pick a hall, preselecting a drill-down', async () => {
    await open(testUser('admin'), 'h2');
    const halls = http.expectOne((r) => r.url === '/api/v1/halls');
    expect(halls.request.params.get('region')).toBe('330000');
    halls.flush({ items: HALLS, total: 2 });
    const asked = await answerAll(answers('h2'));
    expect(asked.some((a) => a.includes('/analytics/halls/h2/daily'))).toBe(
      true,
    );
    const picker = q('hall-picker') as HTMLSelectElement;
    expect(picker.value).toBe('h2');
    picker.value = 'h1';
    picker.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const again = await answerAll(answers('h1'));
    expect(again.some((a) => a.includes('/analytics/halls/h1/daily'))).toBe(
      true,
    );
    http.match(() => true);
  });

  it('opens an admin on the first hall with tickets, on the span of its data', async () => {
    await open(testUser('admin'));
    const halls = http.expectOne((r) => r.url === '/api/v1/halls');
    halls.flush({ items: HALLS, total: 2 });
    await fixture.whenStable();
    // h1 has no tickets, h2 has: the page opens on h2
    http.expectOne('/api/v1/analytics/halls/h1/coverage').flush({
      hallId: 'h1',
      tickets: null,
      facts: { from: '2019-01-01', to: '2020-12-31' },
    });
    http.expectOne('/api/v1/analytics/halls/h2/coverage').flush({
      hallId: 'h2',
      tickets: { from: '2020-08-17', to: '2020-08-28' },
      facts: null,
    });
    await fixture.whenStable();
    const coverage = http.expectOne(
      (r) =>
        r.url === '/api/v1/analytics/halls/h2/coverage' &&
        r.params.has('before'),
    );
    coverage.flush({
      hallId: 'h2',
      tickets: { from: '2020-08-17', to: '2020-08-28' },
      facts: null,
    });
    const asked = await answerAll(answers('h2'));
    expect(asked).toContain(
      'GET /api/v1/analytics/halls/h2/daily?from=2020-08-17&to=2020-08-28',
    );
    expect((q('hall-picker') as HTMLSelectElement).value).toBe('h2');
    expect((q('from') as HTMLInputElement).value).toBe('2020-08-17');
    expect((q('to') as HTMLInputElement).value).toBe('2020-08-28');
    http.match(() => true);
  });

  it("says under an empty chart where the hall's data lies", async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    await answerAll({
      '/api/v1/halls/h1': HALLS[0],
      ...answers('h1'),
      '/api/v1/analytics/halls/h1/coverage': {
        hallId: 'h1',
        tickets: { from: '2020-08-17', to: '2020-08-28' },
        facts: { from: '2019-01-01', to: '2020-12-31' },
      },
      '/api/v1/analytics/halls/h1/wait-heatmap': {
        hallId: 'h1',
        from: DEFAULT_FROM,
        to: DEFAULT_TO,
        targetWaitMinutes: 15,
        cells: [],
      },
    });
    expect(state('heatmap-chart')).toBe('empty');
    const card = q('heatmap-chart')?.closest('section') as HTMLElement;
    expect(card.textContent).toContain('该时段没有数据。');
    expect(card.textContent).toContain(
      '取号记录：2020-08-17 至 2020-08-28；到访、办件等：2019-01-01 至 2020-12-31',
    );
    http.match(() => true);
  });

  it('says "not allowed" in a chart the API refuses, and "no data" for an empty span', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    const forbidden = new HttpErrorBody(403, {
      statusCode: 403,
      error: 'Forbidden',
      message: 'This hall is outside your scope',
    });
    await answerAll({
      '/api/v1/halls/h1': HALLS[0],
      ...answers('h1'),
      '/api/v1/analytics/halls/h1/wait-heatmap': forbidden,
      '/api/v1/halls/h1/reassignments/flows': {
        from: DEFAULT_FROM,
        to: DEFAULT_TO,
        nodes: [],
        links: [],
        total: 0,
      },
    });
    expect(state('heatmap-chart')).toBe('error');
    expect(q('heatmap-chart')?.textContent).toContain(
      '没有权限查看：This hall is outside your scope',
    );
    expect(state('flows-chart')).toBe('empty');
    expect(q('flows-chart')?.textContent).toContain('该时段没有人员转岗');
    http.match(() => true);
  });

  it('reloads for another span with a finer granularity and refuses a reversed one', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    await answerAll({ '/api/v1/halls/h1': HALLS[0], ...answers('h1') });
    const from = q('from') as HTMLInputElement;
    from.value = '2020-08-01';
    from.dispatchEvent(new Event('change'));
    (q('to') as HTMLInputElement).value = '2020-08-31';
    q('to')?.dispatchEvent(new Event('change'));
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const channels = http.expectOne(
      (r) => r.url === '/api/v1/analytics/halls/h1/channels',
    );
    expect(channels.request.params.get('granularity')).toBe('day');
    from.value = '2021-06-01';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('.form-error')?.textContent).toContain(
      '开始日期不能晚于结束日期',
    );
    http.match(() => true);
  });

  it('follows the language', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    await answerAll({ '/api/v1/halls/h1': HALLS[0], ...answers('h1') });
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    await drawCharts(fixture);
    expect(el.querySelector('h1')?.textContent).toContain('Hall overview');
    expect(q('window-history-chart')?.getAttribute('data-locale')).toBe('EN');
    expect(q('window-change')?.textContent).toContain(
      '10 department windows merged into 6 comprehensive windows, 4 removed',
    );
    http.match(() => true);
  });
});

describe('autoGranularity', () => {
  it('uses days up to two months, weeks up to a year, months beyond', () => {
    expect(autoGranularity('2020-08-01', '2020-08-31')).toBe('day');
    expect(autoGranularity('2020-01-01', '2020-12-31')).toBe('week');
    expect(autoGranularity('2019-01-01', '2020-12-31')).toBe('month');
  });
});

function hall(id: string, name: string): HallView {
  return {
    id,
    name,
    regionCode: '330100',
    kind: 'city_center',
    timezone: 'Asia/Shanghai',
    openingHours: { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  };
}
