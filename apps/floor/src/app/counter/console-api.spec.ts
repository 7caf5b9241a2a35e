import type { TicketView } from '@onewindow/contracts';
import { ApiError, type ApiRequest } from '../core/api';
import {
  performAction,
  readItemNames,
  reloadAfterRefusal,
  searchItems,
  type ClerkCall,
} from './console-api';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't23',
  number: 'A023',
  hallId: 'h1',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'social_security',
  priority: 'normal',
  state: 'called',
  issuedAt: '2026-12-03T01:00:00.000Z',
  windowId: 'w5',
  recallCount: 0,
  ...over,
});

/** A fake API: answers by "METHOD path"; records the calls. */
function fakeCall(answers: Record<string, unknown>) {
  const calls: { key: string; body: unknown }[] = [];
  const call = (async (path: string, req: ApiRequest = {}) => {
    const key = `${req.method ?? 'GET'} ${path}`;
    calls.push({ key, body: req.body });
    if (!(key in answers)) throw new ApiError(404, `no route ${key}`);
    const answer = answers[key];
    if (answer instanceof ApiError) throw answer;
    return answer;
  }) as ClerkCall;
  return { call, calls };
}

describe('performAction', () => {
  it('calls the next ticket to the window, or says nobody waits', async () => {
    const called = ticket();
    const api = fakeCall({ 'POST /halls/h1/windows/w5/call-next': called });
    expect(
      await performAction(api.call, '/halls/h1', 'call', 'w5', null),
    ).toEqual({
      current: called,
      notice: {
        tone: 'ok',
        msg: { key: 'called', params: { number: 'A023' } },
      },
    });
    const none = fakeCall({ 'POST /halls/h1/windows/w5/call-next': null });
    expect(
      await performAction(none.call, '/halls/h1', 'call', 'w5', null),
    ).toEqual({ notice: { tone: 'warn', msg: { key: 'nobodyWaiting' } } });
  });

  it('completes with the outcome of the button, and the day is read again', async () => {
    const api = fakeCall({ 'POST /tickets/t23/complete': ticket() });
    const done = await performAction(
      api.call,
      '/halls/h1',
      'materials',
      'w5',
      ticket({ state: 'serving' }),
    );
    expect(api.calls).toEqual([
      {
        key: 'POST /tickets/t23/complete',
        body: { outcome: 'needs_materials' },
      },
    ]);
    expect(done).toEqual({
      current: null,
      notice: {
        tone: 'ok',
        msg: {
          key: 'completed_needs_materials',
          params: { number: 'A023' },
        },
      },
      refreshToday: true,
    });
  });

  it('marks a no-show (the window is then free), recalls and starts (it holds the ticket as answered)', async () => {
    const serving = ticket({ state: 'serving' });
    const api = fakeCall({
      'POST /tickets/t23/no-show': ticket({ state: 'no_show' }),
      'POST /tickets/t23/recall': ticket({ recallCount: 1 }),
      'POST /tickets/t23/start': serving,
    });
    const noShow = await performAction(
      api.call,
      '/halls/h1',
      'noshow',
      'w5',
      ticket(),
    );
    expect(noShow?.current).toBeNull();
    expect(noShow?.refreshToday).toBe(true);
    expect(noShow?.notice.msg.key).toBe('noShown');
    const recall = await performAction(
      api.call,
      '/halls/h1',
      'recall',
      'w5',
      ticket(),
    );
    expect(recall?.current?.recallCount).toBe(1);
    expect(recall?.notice.msg.key).toBe('recalled');
    const start = await performAction(
      api.call,
      '/halls/h1',
      'start',
      'w5',
      ticket(),
    );
    expect(start).toEqual({
      current: serving,
      notice: {
        tone: 'ok',
        msg: { key: 'started', params: { number: 'A023' } },
      },
    });
  });

  it('does nothing without a ticket, and lets a refusal through', async () => {
    const api = fakeCall({
      'POST /tickets/t23/start': new ApiError(409, 'Ticket is no_show'),
    });
    expect(
      await performAction(api.call, '/halls/h1', 'done', 'w5', null),
    ).toBeNull();
    expect(api.calls).toEqual([]);
    await expect(
      performAction(api.call, '/halls/h1', 'start', 'w5', ticket()),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('reloadAfterRefusal', () => {
  it("reads the window's day, the windows and the ticket again; what fails is null", async () => {
    const today = { windowId: 'w5', served: 1, noShows: 0 };
    const api = fakeCall({
      'GET /halls/h1/windows/w5/today': today,
      'GET /tickets/t23': ticket({ state: 'no_show' }),
    });
    expect(
      await reloadAfterRefusal(api.call, '/halls/h1', 'w5', { id: 't23' }),
    ).toEqual({
      today,
      windows: null,
      ticket: ticket({ state: 'no_show' }),
    });
    const none = fakeCall({ 'GET /halls/h1/windows': [] });
    expect(
      await reloadAfterRefusal(none.call, '/halls/h1', null, null),
    ).toEqual({ today: null, windows: [], ticket: null });
    expect(none.calls.map((c) => c.key)).toEqual(['GET /halls/h1/windows']);
  });

  it('says so when the token was refused on any of them', async () => {
    const api = fakeCall({
      'GET /halls/h1/windows/w5/today': new ApiError(401, 'expired'),
      'GET /halls/h1/windows': [],
    });
    expect(await reloadAfterRefusal(api.call, '/halls/h1', 'w5', null)).toBe(
      'expired',
    );
  });
});

describe('readItemNames', () => {
  const page = (from: number, n: number, total: number) => ({
    items: Array.from({ length: n }, (_, i) => ({
      code: `I-${from + i}`,
      name: `item ${from + i}`,
    })),
    total,
  });

  it('reads page after page until the last', async () => {
    const api = fakeCall({
      'GET /halls/h1/service-items?limit=100&offset=0': page(0, 100, 130),
      'GET /halls/h1/service-items?limit=100&offset=100': page(100, 30, 130),
    });
    const names = await readItemNames(api.call, '/halls/h1', () => false);
    expect(names?.size).toBe(130);
    expect(names?.get('I-129')).toBe('item 129');
    expect(api.calls).toHaveLength(2);
  });

  it('stops when the names are no longer wanted', async () => {
    const api = fakeCall({
      'GET /halls/h1/service-items?limit=100&offset=0': page(0, 100, 300),
    });
    expect(await readItemNames(api.call, '/halls/h1', () => true)).toBeNull();
    expect(api.calls).toHaveLength(1);
  });
});

describe('searchItems', () => {
  it('asks for eight items matching the words', async () => {
    const items = [{ code: 'YB-0002', name: '医保关系转移' }];
    const api = fakeCall({
      'GET /halls/h1/service-items?q=%E5%8C%BB%E4%BF%9D&limit=8': { items },
    });
    expect(await searchItems(api.call, '/halls/h1', '医保')).toEqual(items);
  });
});
