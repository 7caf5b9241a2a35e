import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type {
  DeviceSelf,
  QueueSnapshot,
  TicketView,
} from '@onewindow/contracts';
import { setLang } from '../core/i18n';
import { BoardPage } from './board.page';

const TOKEN = `owd_${'a'.repeat(43)}`;

function json(status: number, body: unknown): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
    headers: { get: () => null },
    body: null,
  } as unknown as Response;
}

/** One connection of the event stream, fed by the test. */
class FakeStream {
  private readonly chunks: string[] = [];
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(readonly headers: Record<string, string>) {}

  push(text: string): void {
    this.chunks.push(text);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  response(): Response {
    const encoder = new TextEncoder();
    const read = async (): Promise<{ done: boolean; value?: Uint8Array }> => {
      while (!this.chunks.length && !this.ended)
        await new Promise<void>((r) => (this.wake = r));
      const chunk = this.chunks.shift();
      return chunk === undefined
        ? { done: true }
        : { done: false, value: encoder.encode(chunk) };
    };
    return {
      ok: true,
      status: 200,
      body: { getReader: () => ({ read }) },
    } as unknown as Response;
  }
}

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 't',
  number: 'A001',
  hallId: 'h',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'tax',
  priority: 'normal',
  state: 'called',
  issuedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  recallCount: 0,
  ...over,
});

const frame = (id: number, event: string, data: object) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const me: DeviceSelf = {
  id: 'd',
  kind: 'display',
  name: '大厅叫号屏',
  hall: {
    id: 'h',
    name: '市民中心',
    timezone: 'Asia/Shanghai',
    openingHours: { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  },
};

describe('BoardPage', () => {
  let fixture: ComponentFixture<BoardPage>;
  let el: HTMLElement;
  let streams: FakeStream[];
  let eventsStatus: number;
  const realFetch = globalThis.fetch;

  const settle = async (ms = 0) => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
    if (ms) await new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
    fixture.detectChanges();
  };
  const q = (testId: string) =>
    el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const rows = () =>
    Array.from(
      el.querySelectorAll<HTMLElement>('[data-testid="board-call"]'),
    ).map((r) => r.dataset['number']);
  const spoken = () =>
    Array.from(el.querySelectorAll('[data-testid="announcements"] li')).map(
      (li) => li.textContent?.trim(),
    );

  beforeEach(async () => {
    localStorage.clear();
    localStorage.setItem('ow.device.display', TOKEN);
    setLang('zh');
    streams = [];
    eventsStatus = 200;
    const snapshot: QueueSnapshot = {
      asOf: new Date().toISOString(),
      waiting: [{ categoryCode: 'tax', count: 2, oldestIssuedAt: '' }],
      windows: [
        { id: 'w5', label: '5号窗口', mode: 'comprehensive', state: 'open' },
        { id: 'w2', label: '2号窗口', mode: 'department', state: 'open' },
      ],
      averageWaitTodayMinutes: 4,
      lastEventId: '10',
    };
    globalThis.fetch = jest.fn(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const headers = (init?.headers ?? {}) as Record<string, string>;
        if (headers['Authorization'] !== `Bearer ${TOKEN}`)
          return json(401, {});
        if (url.endsWith('/devices/me')) return json(200, me);
        if (url.endsWith('/categories'))
          return json(200, [{ code: 'tax', name: '税务', ticketPrefix: 'C' }]);
        if (url.endsWith('/halls/h/queue')) return json(200, snapshot);
        if (url.endsWith('/halls/h/events')) {
          if (eventsStatus !== 200)
            return json(eventsStatus, {
              message: 'Unknown or revoked device token',
            });
          const s = new FakeStream(headers);
          streams.push(s);
          return s.response();
        }
        return json(404, {});
      },
    ) as typeof fetch;
    fixture = TestBed.createComponent(BoardPage);
    el = fixture.nativeElement;
    await settle();
  });

  afterEach(() => {
    fixture.destroy();
    globalThis.fetch = realFetch;
    setLang('zh');
  });

  it('shows the hall, the waiting per category with its name, and no call yet', () => {
    expect(el.textContent).toContain('市民中心');
    expect(q('board-current')?.textContent).toContain('暂无叫号');
    expect(q('board-waiting')?.textContent).toContain('税务');
    expect(q('board-waiting')?.textContent).toContain('2 人');
    expect(streams).toHaveLength(1);
    expect(streams[0].headers['Last-Event-ID']).toBe('10');
  });

  it('shows and announces each call in order, newest first on the board', async () => {
    const now = new Date().toISOString();
    streams[0].push(
      'retry: 20\n\n' +
        frame(
          11,
          'ticket.called',
          ticket({
            id: 'a',
            number: 'A023',
            windowId: 'w5',
            windowLabel: '5号窗口',
            calledAt: now,
          }),
        ) +
        frame(
          12,
          'ticket.called',
          ticket({
            id: 'b',
            number: 'B007',
            windowId: 'w2',
            windowLabel: '2号窗口',
            calledAt: now,
          }),
        ),
    );
    await settle();
    expect(q('board-current')?.dataset['number']).toBe('B007');
    expect(q('board-current')?.textContent?.replace(/\s+/g, ' ')).toContain(
      '请 B007 号',
    );
    expect(q('board-current')?.textContent).toContain('到 2号窗口');
    expect(rows()).toEqual(['B007', 'A023']);
    expect(
      el
        .querySelector('[data-testid="board-call"].now')
        ?.getAttribute('data-number'),
    ).toBe('B007');
    expect(spoken()).toEqual([
      '请 A023 号 到 5号窗口',
      '请 B007 号 到 2号窗口',
    ]);
    expect(q('board-waiting')?.textContent).toContain('0 人');

    setLang('en');
    await settle();
    expect(q('board-current')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'B007 → window 2',
    );
  });

  it('says so while the stream is down, then lists and announces what was missed, in order', async () => {
    const now = Date.now();
    streams[0].push(
      'retry: 300\n\n' +
        frame(
          11,
          'ticket.called',
          ticket({
            id: 'a',
            number: 'A023',
            windowId: 'w5',
            calledAt: new Date(now).toISOString(),
          }),
        ),
    );
    await settle();
    streams[0].end();
    await settle();
    expect(q('board-reconnecting')?.textContent).toContain(
      '连接中断，正在重新连接',
    );
    expect(el.querySelector('main')?.classList).toContain('stale');

    await settle(350);
    expect(streams).toHaveLength(2);
    expect(streams[1].headers['Last-Event-ID']).toBe('11');
    streams[1].push(
      frame(
        12,
        'ticket.called',
        ticket({
          id: 'b',
          number: 'B007',
          windowId: 'w2',
          windowLabel: '2号窗口',
          calledAt: new Date(now).toISOString(),
        }),
      ) +
        frame(
          13,
          'ticket.recalled',
          ticket({
            id: 'a',
            number: 'A023',
            windowId: 'w5',
            windowLabel: '5号窗口',
            recallCount: 1,
            calledAt: new Date(now).toISOString(),
          }),
        ) +
        // a call from long ago: listed, not read out
        frame(
          14,
          'ticket.called',
          ticket({
            id: 'c',
            number: 'C001',
            windowId: 'w2',
            windowLabel: '2号窗口',
            calledAt: new Date(now - 6 * 60_000).toISOString(),
          }),
        ),
    );
    await settle();
    expect(q('board-reconnecting')).toBeNull();
    expect(el.querySelector('main')?.classList).not.toContain('stale');
    expect(rows()).toEqual(['C001', 'A023', 'B007']);
    expect(spoken()).toEqual([
      '请 A023 号 到 5号窗口',
      '请 B007 号 到 2号窗口',
      '请 A023 号 到 5号窗口',
    ]);
  });

  it('remembers the sound switch; sound off queues no announcement', async () => {
    const toggle = q('board-sound-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(localStorage.getItem('ow.board.sound')).toBe('off');
    streams[0].push(
      frame(
        11,
        'ticket.called',
        ticket({
          id: 'a',
          number: 'A023',
          windowId: 'w5',
          calledAt: new Date().toISOString(),
        }),
      ),
    );
    await settle();
    expect(rows()).toEqual(['A023']);
    expect(spoken()).toEqual([]);
  });

  it('asks for a new pairing when the stream refuses the token on reconnecting', async () => {
    streams[0].push('retry: 20\n\n');
    await settle();
    eventsStatus = 401;
    streams[0].end();
    await settle(50);
    expect(q('device-revoked')).not.toBeNull();
    expect(localStorage.getItem('ow.device.display')).toBeNull();
  });
});

describe('BoardPage, revoked', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => (globalThis.fetch = realFetch));

  it('shows the revoked notice when the queue answers 401', async () => {
    localStorage.setItem('ow.device.display', TOKEN);
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL) =>
      String(input).endsWith('/devices/me')
        ? json(200, me)
        : json(401, { message: 'revoked' }),
    ) as typeof fetch;
    const fixture = TestBed.createComponent(BoardPage);
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    fixture.detectChanges();
    expect(
      fixture.nativeElement.querySelector('[data-testid="device-revoked"]'),
    ).not.toBeNull();
    expect(localStorage.getItem('ow.device.display')).toBeNull();
    fixture.destroy();
  });
});
