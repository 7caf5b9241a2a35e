import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { DeviceSelf, TicketView } from '@onewindow/contracts';
import { setLang } from '../core/i18n';
import { RatePage } from './rate.page';

const TOKEN = `owd_${'r'.repeat(43)}`;

function json(status: number, body: unknown): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
    headers: { get: () => null },
    body: null,
  } as unknown as Response;
}

/** The hall's event stream, fed by the test. */
class FakeStream {
  private readonly chunks: string[] = [];
  private wake: (() => void) | null = null;

  constructor(readonly headers: Record<string, string>) {}

  push(text: string): void {
    this.chunks.push(text);
    this.wake?.();
  }

  response(): Response {
    const encoder = new TextEncoder();
    const read = async (): Promise<{ done: boolean; value?: Uint8Array }> => {
      while (!this.chunks.length)
        await new Promise<void>((r) => (this.wake = r));
      return { done: false, value: encoder.encode(this.chunks.shift()) };
    };
    return {
      ok: true,
      status: 200,
      body: { getReader: () => ({ read }) },
    } as unknown as Response;
  }
}

const me: DeviceSelf = {
  id: 'd',
  kind: 'rater',
  name: '5号窗口评价器',
  hall: {
    id: 'h',
    name: '市民中心',
    timezone: 'Asia/Shanghai',
    openingHours: { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  },
  window: { id: 'w5', label: '5号窗口' },
};

let seq = 0;
const completed = (over: Partial<TicketView>) =>
  `id: ${++seq}\nevent: ticket.completed\ndata: ${JSON.stringify({
    id: 't1',
    number: 'A023',
    hallId: 'h',
    serviceDate: '2026-12-03',
    serviceItemCode: 'SS-0001',
    categoryCode: 'social_security',
    priority: 'normal',
    state: 'done',
    issuedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    completedAt: new Date().toISOString(),
    windowId: 'w5',
    recallCount: 0,
    ...over,
  })}\n\n`;

describe('RatePage', () => {
  let fixture: ComponentFixture<RatePage>;
  let el: HTMLElement;
  let stream: FakeStream | null;
  let posts: { url: string; body: unknown; auth: string }[];
  let ratingStatus: number;
  const realFetch = globalThis.fetch;

  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    fixture.detectChanges();
  };
  const q = (testId: string) =>
    el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const click = async (testId: string) => {
    const b = q(testId);
    if (!b) throw new Error(`no ${testId}`);
    b.click();
    await settle();
  };

  beforeEach(async () => {
    localStorage.clear();
    localStorage.setItem('ow.device.rater', TOKEN);
    setLang('zh');
    stream = null;
    posts = [];
    ratingStatus = 200;
    globalThis.fetch = jest.fn(
      async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const headers = (init?.headers ?? {}) as Record<string, string>;
        if (url.endsWith('/devices/me')) return json(200, me);
        if (url.endsWith('/halls/h/events')) {
          stream = new FakeStream(headers);
          return stream.response();
        }
        if (url.endsWith('/rating')) {
          posts.push({
            url,
            body: JSON.parse(String(init?.body)),
            auth: headers['Authorization'],
          });
          return json(ratingStatus, {
            message: 'This ticket is already rated',
          });
        }
        return json(404, {});
      },
    ) as typeof fetch;
    fixture = TestBed.createComponent(RatePage);
    el = fixture.nativeElement;
    await settle();
  });

  afterEach(() => {
    fixture.destroy();
    globalThis.fetch = realFetch;
    jest.useRealTimers();
  });

  it('waits on the idle screen with its window, following live events only', () => {
    expect(q('rate-idle')?.textContent).toContain('请对本窗口的服务进行评价');
    expect(q('rate-window')?.textContent).toContain('5号窗口');
    expect(stream?.headers['Last-Event-ID']).toBeUndefined();
    expect(stream?.headers['Authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('ignores completions of another window and already rated ones', async () => {
    stream?.push(
      completed({ windowId: 'w6' }) + completed({ id: 't2', rating: 5 }),
    );
    await settle();
    expect(q('rate-idle')).not.toBeNull();
    expect(q('rate-ask')).toBeNull();
  });

  it('asks about the newest completion, takes a low rating with its reason and thanks', async () => {
    stream?.push(completed({}));
    await settle();
    expect(q('rate-ask')).not.toBeNull();
    expect(q('rate-number')?.textContent).toBe('A023');
    expect(q('rate-ask')?.textContent).toContain('为 A023 号的服务评价');
    stream?.push(completed({ id: 't2', number: 'A024' }));
    await settle();
    expect(q('rate-number')?.textContent).toBe('A024');
    const labels = [5, 4, 3, 2, 1].map(
      (s) => q(`rate-score-${s}`)?.textContent,
    );
    expect(labels.map((l) => l?.includes('满意'))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(labels[4]).toContain('非常不满意');

    await click('rate-score-2');
    expect(posts).toEqual([]);
    expect(q('rate-reason-attitude')?.textContent).toContain('服务态度不好');
    await click('rate-reason-attitude');
    expect(posts).toEqual([
      {
        url: '/api/v1/tickets/t2/rating',
        body: { rating: 2, reason: 'attitude' },
        auth: `Bearer ${TOKEN}`,
      },
    ]);
    expect(q('rate-thanks')?.textContent).toContain('感谢您的评价');
  });

  it('sends a good rating at once, a skipped reason without one, and goes back to idle', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    stream?.push(completed({}));
    await jest.advanceTimersByTimeAsync(10);
    fixture.detectChanges();
    q('rate-score-4')?.click();
    await jest.advanceTimersByTimeAsync(10);
    fixture.detectChanges();
    expect(posts.map((p) => p.body)).toEqual([{ rating: 4 }]);
    expect(q('rate-thanks')?.dataset['result']).toBe('thanks');
    await jest.advanceTimersByTimeAsync(4000);
    fixture.detectChanges();
    expect(q('rate-idle')).not.toBeNull();

    stream?.push(completed({ id: 't2' }));
    await jest.advanceTimersByTimeAsync(10);
    fixture.detectChanges();
    q('rate-score-1')?.click();
    await jest.advanceTimersByTimeAsync(10);
    fixture.detectChanges();
    q('rate-skip')?.click();
    await jest.advanceTimersByTimeAsync(10);
    fixture.detectChanges();
    expect(posts.map((p) => p.body)).toEqual([{ rating: 4 }, { rating: 1 }]);
  });

  it('goes back to idle when nobody answers for a minute', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    stream?.push(completed({}));
    await jest.advanceTimersByTimeAsync(10);
    fixture.detectChanges();
    expect(q('rate-ask')).not.toBeNull();
    await jest.advanceTimersByTimeAsync(59_000);
    fixture.detectChanges();
    expect(q('rate-ask')).not.toBeNull();
    await jest.advanceTimersByTimeAsync(1_000);
    fixture.detectChanges();
    expect(q('rate-idle')).not.toBeNull();
    expect(posts).toEqual([]);
  });

  it('on 409 says thanks-or-closed', async () => {
    ratingStatus = 409;
    stream?.push(completed({}));
    await settle();
    await click('rate-score-5');
    expect(q('rate-thanks')?.dataset['result']).toBe('closed');
  });

  it('on 401 asks for a new pairing', async () => {
    ratingStatus = 401;
    stream?.push(completed({}));
    await settle();
    await click('rate-score-5');
    expect(q('device-revoked')).not.toBeNull();
  });
});
