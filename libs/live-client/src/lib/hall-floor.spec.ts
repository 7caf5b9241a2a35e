import type { QueueSnapshot, TicketView } from '@onewindow/contracts';
import { HallFloor } from './hall-floor';
import type { SseEvent } from './sse-parser';

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 't',
  number: 'A001',
  hallId: 'h',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'social_security',
  priority: 'normal',
  state: 'waiting',
  issuedAt: '2026-12-03T01:00:00.000Z',
  recallCount: 0,
  ...over,
});

const snapshot: QueueSnapshot = {
  asOf: '2026-12-03T02:00:00.000Z',
  waiting: [
    { categoryCode: 'social_security', count: 2, oldestIssuedAt: '' },
    { categoryCode: 'tax', count: 1, oldestIssuedAt: '' },
  ],
  windows: [
    {
      id: 'w1',
      label: '1号窗口',
      mode: 'comprehensive',
      state: 'open',
      currentTicket: ticket({
        id: 'old',
        number: 'A000',
        state: 'serving',
        windowId: 'w1',
        calledAt: '2026-12-03T01:30:00.000Z',
      }),
    },
    { id: 'w2', label: '2号窗口', mode: 'department', state: 'open' },
  ],
  averageWaitTodayMinutes: 3,
  lastEventId: '10',
};

const ev = (id: number, event: string, data: object): SseEvent => ({
  id: String(id),
  event,
  data: JSON.stringify(data),
});

describe('HallFloor', () => {
  it('starts from the snapshot: waiting, windows and the tickets they hold as calls', () => {
    const v = new HallFloor(snapshot).view();
    expect(v.waiting).toEqual({ social_security: 2, tax: 1 });
    expect(v.windows.map((w) => [w.id, w.current?.number])).toEqual([
      ['w1', 'A000'],
      ['w2', undefined],
    ]);
    expect(v.calls).toEqual([
      expect.objectContaining({
        number: 'A000',
        windowLabel: '1号窗口',
        eventId: null,
      }),
    ]);
    expect(v.lastEventId).toBe('10');
  });

  it('applies issue, call, recall, start, completion, cancel and transfer to the counts and windows', () => {
    const f = new HallFloor(snapshot);
    expect(
      f.apply(ev(11, 'ticket.issued', ticket({ id: 'a', number: 'A003' }))),
    ).toBeNull();
    expect(f.view().waiting['social_security']).toBe(3);
    const called = ticket({
      id: 'a',
      number: 'A003',
      state: 'called',
      windowId: 'w2',
      windowLabel: '2号窗口',
      calledAt: '2026-12-03T02:01:00.000Z',
    });
    expect(f.apply(ev(12, 'ticket.called', called))).toEqual(
      expect.objectContaining({
        number: 'A003',
        windowLabel: '2号窗口',
        recall: false,
        eventId: '12',
      }),
    );
    expect(f.view().waiting['social_security']).toBe(2);
    expect(f.view().windows[1].current?.id).toBe('a');
    expect(
      f.apply(ev(13, 'ticket.recalled', { ...called, recallCount: 1 })),
    ).toEqual(expect.objectContaining({ number: 'A003', recall: true }));
    // a recall moves the call to the top, once
    expect(f.view().calls.map((c) => c.number)).toEqual(['A003', 'A000']);
    f.apply(ev(14, 'ticket.started', { ...called, state: 'serving' }));
    expect(f.view().windows[1].current?.state).toBe('serving');
    f.apply(ev(15, 'ticket.completed', { ...called, state: 'done' }));
    expect(f.view().windows[1].current).toBeUndefined();
    f.apply(
      ev(
        16,
        'ticket.cancelled',
        ticket({ id: 'b', categoryCode: 'tax', state: 'cancelled' }),
      ),
    );
    expect(f.view().waiting['tax']).toBe(0);
    f.apply(
      ev(17, 'ticket.transferred', {
        from: ticket({ id: 'old', state: 'transferred', windowId: 'w1' }),
        to: ticket({ id: 'c', categoryCode: 'tax' }),
      }),
    );
    expect(f.view().windows[0].current).toBeUndefined();
    expect(f.view().waiting['tax']).toBe(1);
    f.apply(
      ev(18, 'window.changed', {
        id: 'w2',
        label: '2号窗口',
        mode: 'department',
        categoryCodes: [],
        state: 'paused',
        openedOn: '2020-01-01',
        retiredOn: null,
      }),
    );
    expect(f.view().windows[1].state).toBe('paused');
    expect(f.view().lastEventId).toBe('18');
  });

  it('applies each event once: a replay after a reconnect changes nothing twice', () => {
    const f = new HallFloor(snapshot);
    const issued = ev(11, 'ticket.issued', ticket({ id: 'a' }));
    f.apply(issued);
    f.apply(issued);
    // an event the snapshot already reflects
    f.apply(ev(10, 'ticket.issued', ticket({ id: 'z' })));
    expect(f.view().waiting['social_security']).toBe(3);
  });

  it('keeps the latest calls only, newest first', () => {
    const f = new HallFloor({ ...snapshot, windows: [snapshot.windows[1]] }, 3);
    for (let i = 1; i <= 5; i++)
      f.apply(
        ev(
          10 + i,
          'ticket.called',
          ticket({
            id: `t${i}`,
            number: `A00${i}`,
            windowId: 'w2',
            state: 'called',
          }),
        ),
      );
    expect(f.view().calls.map((c) => c.number)).toEqual([
      'A005',
      'A004',
      'A003',
    ]);
  });

  it('ignores events it cannot read', () => {
    const f = new HallFloor(snapshot);
    expect(
      f.apply({ id: '11', event: 'ticket.issued', data: 'not json' }),
    ).toBeNull();
    expect(
      f.apply({ id: '12', event: 'something.else', data: '{}' }),
    ).toBeNull();
    expect(f.view().waiting).toEqual({ social_security: 2, tax: 1 });
  });
});
