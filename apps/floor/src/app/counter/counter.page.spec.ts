import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type {
  QueueSnapshot,
  TicketView,
  WindowToday,
  WindowView,
} from '@onewindow/contracts';
import { setLang } from '../core/i18n';
import { CounterPage } from './counter.page';

type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'offline';
type Route = (init: RequestInit, body: unknown) => Answer | Promise<Answer>;

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't23',
  number: 'A023',
  hallId: 'h1',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'social_security',
  priority: 'priority',
  state: 'called',
  issuedAt: '2026-12-03T01:00:00.000Z',
  calledAt: '2026-12-03T01:12:00.000Z',
  windowId: 'w5',
  windowLabel: '5号窗口',
  recallCount: 0,
  ...over,
});

const windowView = (over: Partial<WindowView> = {}): WindowView => ({
  id: 'w5',
  label: '5号窗口',
  mode: 'department',
  categoryCodes: ['social_security', 'tax'],
  state: 'open',
  openedOn: '2020-01-01',
  retiredOn: null,
  ...over,
});

const snapshot: QueueSnapshot = {
  asOf: '2026-12-03T02:00:00.000Z',
  waiting: [
    { categoryCode: 'social_security', count: 3, oldestIssuedAt: '' },
    { categoryCode: 'tax', count: 1, oldestIssuedAt: '' },
    { categoryCode: 'medical_insurance', count: 7, oldestIssuedAt: '' },
  ],
  windows: [{ id: 'w5', label: '5号窗口', mode: 'department', state: 'open' }],
  averageWaitTodayMinutes: 3,
  lastEventId: '40',
};

const today = (over: Partial<WindowToday> = {}): WindowToday => ({
  windowId: 'w5',
  served: 4,
  noShows: 1,
  meanHandlingMinutes: 6.5,
  ...over,
});

/** A fake API: routes by "METHOD path"; records the calls; the event stream stays open. */
class FakeApi {
  routes = new Map<string, Route>();
  calls: { key: string; body: unknown; auth: string | null }[] = [];
  streamChunks: string[] = [];

  constructor() {
    this.on('POST /auth/login', () => ({
      status: 200,
      body: {
        accessToken: 'jwt-1',
        expiresIn: 3600,
        user: { id: 'u1', username: 'clerk1', role: 'clerk', hallId: 'h1' },
      },
    }));
    this.on('GET /halls/h1', () => ({
      status: 200,
      body: { id: 'h1', name: '市民中心' },
    }));
    this.on('GET /halls/h1/windows', () => ({
      status: 200,
      body: [
        windowView(),
        windowView({
          id: 'w6',
          label: '6号窗口',
          mode: 'comprehensive',
          categoryCodes: [],
        }),
        windowView({ id: 'w9', label: '9号窗口', state: 'retired' }),
      ],
    }));
    this.on('GET /categories', () => ({
      status: 200,
      body: [
        { code: 'social_security', name: '社保', ticketPrefix: 'A' },
        { code: 'tax', name: '税务', ticketPrefix: 'B' },
      ],
    }));
    this.on('GET /halls/h1/service-items?limit=100&offset=0', () => ({
      status: 200,
      body: {
        items: [
          {
            code: 'SS-0001',
            name: '社保卡申领',
            category: { code: 'social_security', name: '社保' },
          },
        ],
        total: 1,
      },
    }));
    this.on('GET /halls/h1/queue', () => ({ status: 200, body: snapshot }));
    this.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today(),
    }));
  }

  on(key: string, route: Route): void {
    this.routes.set(key, route);
  }

  readonly fetch = async (
    input: RequestInfo | URL,
    init: RequestInit = {},
  ): Promise<Response> => {
    const url = String(input);
    const headers = (init.headers ?? {}) as Record<string, string>;
    if (url.endsWith('/events')) return this.stream();
    const key = `${init.method ?? 'GET'} ${url.replace(/^\/api\/v1/, '')}`;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    this.calls.push({ key, body, auth: headers['Authorization'] ?? null });
    const route = this.routes.get(key);
    const answer: Answer = route
      ? await route(init, body)
      : { status: 404, body: { message: `no route ${key}` } };
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: { get: (h: string) => answer.headers?.[h] ?? null },
      json: async () => answer.body ?? null,
    } as unknown as Response;
  };

  private stream(): Response {
    const encoder = new TextEncoder();
    return {
      ok: true,
      status: 200,
      body: {
        getReader: () => ({
          read: async () => {
            for (let i = 0; i < 50 && !this.streamChunks.length; i++)
              await new Promise((r) => setTimeout(r, 5));
            const chunk = this.streamChunks.shift();
            return chunk === undefined
              ? new Promise(() => undefined)
              : { done: false, value: encoder.encode(chunk) };
          },
        }),
      },
    } as unknown as Response;
  }
}

describe('CounterPage', () => {
  let fake: FakeApi;
  let fixture: ComponentFixture<CounterPage>;
  let el: HTMLElement;
  const realFetch = globalThis.fetch;

  const settle = async (rounds = 8) => {
    for (let i = 0; i < rounds; i++) {
      await new Promise((r) => setTimeout(r, 0));
      await fixture.whenStable();
    }
  };
  const q = (id: string) =>
    el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) => [
    ...el.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
  ];
  const text = (id: string) =>
    q(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const key = (k: string, target: EventTarget = document.body) =>
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }),
    );

  async function mount(): Promise<void> {
    fixture = TestBed.createComponent(CounterPage);
    el = fixture.nativeElement;
    await settle();
  }

  async function signIn(password = 'secret'): Promise<void> {
    (q('login-username') as HTMLInputElement).value = 'clerk1';
    (q('login-password') as HTMLInputElement).value = password;
    q('login-submit')?.click();
    await settle();
  }

  async function toConsole(): Promise<void> {
    await mount();
    await signIn();
    all('window-option')
      .find((b) => b.dataset['label'] === '5号窗口')
      ?.click();
    await settle();
  }

  beforeEach(() => {
    setLang('zh');
    sessionStorage.clear();
    localStorage.clear();
    fake = new FakeApi();
    globalThis.fetch = fake.fetch as typeof fetch;
    TestBed.configureTestingModule({ imports: [CounterPage] });
  });

  afterEach(() => {
    fixture?.destroy();
    globalThis.fetch = realFetch;
  });

  it('refuses a wrong password, then signs in and lists the windows in service', async () => {
    fake.on('POST /auth/login', (_i, body) =>
      (body as { password: string }).password === 'secret'
        ? {
            status: 200,
            body: {
              accessToken: 'jwt-1',
              expiresIn: 3600,
              user: {
                id: 'u1',
                username: 'clerk1',
                role: 'clerk',
                hallId: 'h1',
              },
            },
          }
        : { status: 401, body: { message: 'Invalid credentials' } },
    );
    await mount();
    await signIn('wrong');
    expect(text('login-error')).toBe('用户名或密码错误');
    await signIn('secret');
    expect(q('login-error')).toBeNull();
    expect(all('window-option').map((b) => b.dataset['label'])).toEqual([
      '5号窗口',
      '6号窗口',
    ]);
    expect(
      JSON.parse(sessionStorage.getItem('ow.counter.session') ?? '{}').token,
    ).toBe('jwt-1');
  });

  it('says to wait when sign-in is rate limited, and turns away an admin without a hall', async () => {
    fake.on('POST /auth/login', () => ({
      status: 429,
      body: {},
      headers: { 'Retry-After': '30' },
    }));
    await mount();
    await signIn();
    expect(text('login-error')).toBe('登录尝试次数过多，请 30 秒后再试');
    fake.on('POST /auth/login', () => ({
      status: 200,
      body: {
        accessToken: 'jwt-a',
        expiresIn: 3600,
        user: { id: 'a', username: 'admin', role: 'admin' },
      },
    }));
    await signIn();
    expect(text('login-error')).toContain('没有绑定大厅');
    expect(q('window-choice')).toBeNull();
  });

  it('shows the window, its day and the waiting counts it may serve, live', async () => {
    await toConsole();
    expect(text('window-state')).toBe('已开启');
    expect(text('today-served')).toBe('4');
    expect(text('today-handling')).toBe('6.5 分钟');
    // social security 3 + tax 1; medical insurance is not this window's
    expect(text('waiting-total')).toBe('4');
    expect(
      all('waiting-row').map((r) => r.textContent?.replace(/\s+/g, '')),
    ).toEqual(['社保3', '税务1']);
    expect(localStorage.getItem('ow.counter.window.h1.u1')).toBe('w5');
    // an event of the hall's stream: a tax ticket issued
    fake.streamChunks.push(
      `id: 41\nevent: ticket.issued\ndata: ${JSON.stringify(ticket({ id: 'n1', state: 'waiting', categoryCode: 'tax', windowId: undefined }))}\n\n`,
    );
    await new Promise((r) => setTimeout(r, 30));
    await settle();
    expect(text('waiting-total')).toBe('5');
    expect(
      fake.calls.every(
        (c) => c.key === 'POST /auth/login' || c.auth === 'Bearer jwt-1',
      ),
    ).toBe(true);
  });

  it('calls the next ticket with the space bar and only offers what fits a called ticket', async () => {
    fake.on('POST /halls/h1/windows/w5/call-next', () => ({
      status: 200,
      body: ticket(),
    }));
    await toConsole();
    expect((q('btn-call') as HTMLButtonElement).disabled).toBe(false);
    expect((q('btn-done') as HTMLButtonElement).disabled).toBe(true);
    key(' ');
    await settle();
    expect(text('current-number')).toBe('A023');
    expect(text('current-item')).toBe('社保卡申领');
    expect(text('current-priority')).toBe('绿色通道');
    expect(text('current-waited')).toBe('已等候 12 分钟');
    expect(q('call-timer')).not.toBeNull();
    expect((q('btn-call') as HTMLButtonElement).disabled).toBe(true);
    expect((q('btn-recall') as HTMLButtonElement).disabled).toBe(false);
    expect((q('btn-done') as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls.filter((c) => c.key.endsWith('/call-next'))).toHaveLength(
      1,
    );
  });

  it('does not let an older read of the window undo a ticket just called', async () => {
    fake.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today({ currentTicket: ticket({ state: 'serving' }) }),
    }));
    await toConsole();
    let releaseToday: (a: Answer) => void = () => undefined;
    fake.on('POST /tickets/t23/complete', () => ({
      status: 200,
      body: ticket({ state: 'done' }),
    }));
    // the read after the completion answers late, with the window empty as it was then
    fake.on(
      'GET /halls/h1/windows/w5/today',
      () => new Promise<Answer>((r) => (releaseToday = r)),
    );
    fake.on('POST /halls/h1/windows/w5/call-next', () => ({
      status: 200,
      body: ticket({ id: 't24', number: 'A024' }),
    }));
    key('d');
    await settle();
    key('n');
    await settle();
    expect(text('current-number')).toBe('A024');
    releaseToday({ status: 200, body: today({ served: 5 }) });
    await settle();
    expect(text('current-number')).toBe('A024');
    expect(text('today-served')).toBe('5');
  });

  it('says nobody waits when call-next answers 204', async () => {
    fake.on('POST /halls/h1/windows/w5/call-next', () => ({ status: 204 }));
    await toConsole();
    q('btn-call')?.click();
    await settle();
    expect(text('counter-message')).toBe('当前没有等候的群众');
    expect(q('current-number')).toBeNull();
  });

  it('explains a 409 from the fresh state of the ticket, not the server text', async () => {
    fake.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today({ currentTicket: ticket() }),
    }));
    await toConsole();
    expect(text('current-number')).toBe('A023');
    fake.on('POST /tickets/t23/no-show', () => ({
      status: 409,
      body: { message: 'Cannot no-show a ticket that is no_show' },
    }));
    fake.on('GET /tickets/t23', () => ({
      status: 200,
      body: ticket({ state: 'no_show' }),
    }));
    fake.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today({ noShows: 2 }),
    }));
    key('x');
    await settle();
    expect(text('counter-message')).toBe(
      'A023 已被标记为过号（可能已在其他设备上操作）',
    );
    expect(q('current-number')).toBeNull();
    expect((q('btn-call') as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains a refused call on a window paused elsewhere', async () => {
    await toConsole();
    fake.on('POST /halls/h1/windows/w5/call-next', () => ({
      status: 409,
      body: { message: 'Window is paused' },
    }));
    fake.on('GET /halls/h1/windows', () => ({
      status: 200,
      body: [windowView({ state: 'paused' })],
    }));
    key('n');
    await settle();
    expect(text('counter-message')).toBe('窗口已暂停，请先开启窗口');
    expect(text('window-state')).toBe('已暂停');
    expect((q('btn-open') as HTMLButtonElement).disabled).toBe(false);
  });

  it('completes a served ticket with its outcome and refreshes the day', async () => {
    fake.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today({
        currentTicket: ticket({
          state: 'serving',
          startedAt: '2026-12-03T01:13:00.000Z',
        }),
      }),
    }));
    await toConsole();
    fake.on('POST /tickets/t23/complete', () => ({
      status: 200,
      body: ticket({ state: 'done' }),
    }));
    fake.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today({ served: 5 }),
    }));
    key('m');
    await settle();
    expect(
      fake.calls.find((c) => c.key === 'POST /tickets/t23/complete')?.body,
    ).toEqual({ outcome: 'needs_materials' });
    expect(text('counter-message')).toBe('A023 已办结（需补材料）');
    expect(text('today-served')).toBe('5');
  });

  it('ignores shortcuts typed into the transfer search; Enter transfers to the first item', async () => {
    fake.on('GET /halls/h1/windows/w5/today', () => ({
      status: 200,
      body: today({ currentTicket: ticket({ state: 'serving' }) }),
    }));
    fake.on('GET /halls/h1/service-items?q=%E5%8C%BB%E4%BF%9D&limit=8', () => ({
      status: 200,
      body: {
        items: [
          {
            code: 'YB-0002',
            name: '医保关系转移',
            category: { code: 'medical_insurance', name: '医保' },
          },
        ],
        total: 1,
      },
    }));
    fake.on('POST /tickets/t23/transfer', () => ({
      status: 200,
      body: {
        from: ticket({ state: 'transferred' }),
        to: ticket({ id: 't99', number: 'C007', state: 'waiting' }),
      },
    }));
    await toConsole();
    key('t');
    await settle();
    const search = q('transfer-search') as HTMLInputElement;
    expect(search).not.toBeNull();
    key('d', search);
    await settle();
    expect(fake.calls.some((c) => c.key.endsWith('/complete'))).toBe(false);
    search.value = '医保';
    search.dispatchEvent(new Event('input'));
    search.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        bubbles: true,
        cancelable: true,
      }),
    );
    await settle();
    expect(
      fake.calls.find((c) => c.key === 'POST /tickets/t23/transfer')?.body,
    ).toEqual({ serviceItemCode: 'YB-0002' });
    expect(q('transfer-search')).toBeNull();
    expect(text('counter-message')).toBe(
      'A023 已转办为 C007（医保关系转移），群众保留原排队位置',
    );
  });

  it('keeps the buttons for a retry when the server cannot be reached', async () => {
    await toConsole();
    fake.on('POST /halls/h1/windows/w5/call-next', () => 'offline');
    q('btn-call')?.click();
    await settle();
    expect(text('counter-message')).toBe('无法连接服务器，请检查网络后重试');
    expect((q('btn-call') as HTMLButtonElement).disabled).toBe(false);
  });

  it('goes back to the sign-in form when the token is refused later', async () => {
    await toConsole();
    fake.on('POST /halls/h1/windows/w5/pause', () => ({
      status: 401,
      body: {},
    }));
    q('btn-pause')?.click();
    await settle();
    expect(q('login-submit')).not.toBeNull();
    expect(text('login-error')).toBe('登录已过期，请重新登录');
    expect(sessionStorage.getItem('ow.counter.session')).toBeNull();
  });

  it('remembers the window for the next visit and signs out on request', async () => {
    await toConsole();
    fixture.destroy();
    await mount();
    expect(text('window-state')).toBe('已开启');
    q('logout')?.click();
    await settle();
    expect(q('login-submit')).not.toBeNull();
    expect(q('login-error')).toBeNull();
  });
});
