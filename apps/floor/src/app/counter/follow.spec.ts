import type { TicketView, WindowView } from '@onewindow/contracts';
import { followEvent } from './follow';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  number: 'A001',
  hallId: 'h',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'social_security',
  priority: 'normal',
  state: 'called',
  issuedAt: '2026-12-03T01:00:00.000Z',
  windowId: 'w1',
  recallCount: 0,
  ...over,
});
const ev = (event: string, data: object) => ({
  id: '5',
  event,
  data: JSON.stringify(data),
});

describe('followEvent', () => {
  it('ignores events of other windows', () => {
    expect(
      followEvent(
        ev('ticket.called', ticket({ windowId: 'w2' })),
        'w1',
        null,
        'open',
      ),
    ).toBeNull();
    expect(
      followEvent(
        ev('ticket.issued', ticket({ state: 'waiting' })),
        'w1',
        null,
        'open',
      ),
    ).toBeNull();
  });

  it("is silent about the echo of the clerk's own call, and speaks up for another device's", () => {
    const t = ticket();
    expect(followEvent(ev('ticket.called', t), 'w1', t, 'open')).toEqual({
      current: t,
    });
    expect(followEvent(ev('ticket.called', t), 'w1', null, 'open')).toEqual({
      current: t,
      remote: { key: 'remoteCalled', params: { number: 'A001' } },
    });
    const serving = ticket({ state: 'serving' });
    expect(
      followEvent(ev('ticket.started', serving), 'w1', t, 'open')?.remote?.key,
    ).toBe('remoteStarted');
  });

  it('clears the ticket marked no-show elsewhere and refreshes the day', () => {
    const t = ticket();
    expect(
      followEvent(
        ev('ticket.no_show', { ...t, state: 'no_show' }),
        'w1',
        t,
        'open',
      ),
    ).toEqual({
      current: null,
      refreshToday: true,
      remote: { key: 'remoteNoShow', params: { number: 'A001' } },
    });
    // already cleared by the clerk's own action: only the day figures
    expect(
      followEvent(
        ev('ticket.completed', { ...t, state: 'done' }),
        'w1',
        null,
        'open',
      ),
    ).toEqual({
      refreshToday: true,
    });
  });

  it('follows a transfer of the held ticket', () => {
    const t = ticket({ state: 'serving' });
    const change = followEvent(
      ev('ticket.transferred', {
        from: { ...t, state: 'transferred' },
        to: ticket({ id: 't9', windowId: undefined }),
      }),
      'w1',
      t,
      'open',
    );
    expect(change?.current).toBeNull();
    expect(change?.remote?.key).toBe('remoteTransferred');
  });

  it("follows its window's state, saying so when it changed elsewhere", () => {
    const w: WindowView = {
      id: 'w1',
      label: '1号窗口',
      mode: 'department',
      categoryCodes: ['tax'],
      state: 'paused',
      openedOn: '2020-01-01',
      retiredOn: null,
    };
    expect(
      followEvent(ev('window.changed', w), 'w1', null, 'open')?.remote,
    ).toEqual({
      key: 'remoteWindow',
      params: { state: { key: 'state_paused' } },
    });
    expect(followEvent(ev('window.changed', w), 'w1', null, 'paused')).toEqual({
      window: w,
    });
    expect(
      followEvent(ev('window.changed', { ...w, id: 'w2' }), 'w1', null, 'open'),
    ).toBeNull();
    expect(
      followEvent(
        { id: '6', event: 'ticket.called', data: 'nope' },
        'w1',
        null,
        'open',
      ),
    ).toBeNull();
  });
});
