import type { TicketView } from '@onewindow/contracts';
import type { SseEvent } from '@onewindow/live-client';
import { RATING_WINDOW_MS, RatingChooser, ratable } from './rating-choice';

const NOW = Date.parse('2026-12-03T02:00:00.000Z');
const MIN = 60_000;
let seq = 100;

const done = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  number: 'A023',
  hallId: 'h',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'social_security',
  priority: 'normal',
  state: 'done',
  issuedAt: new Date(NOW - 30 * MIN).toISOString(),
  calledAt: new Date(NOW - 10 * MIN).toISOString(),
  completedAt: new Date(NOW - MIN).toISOString(),
  windowId: 'w5',
  windowLabel: '5号窗口',
  recallCount: 0,
  outcome: 'done',
  ...over,
});

const ev = (event: string, data: unknown): SseEvent => ({
  id: String(++seq),
  event,
  data: typeof data === 'string' ? data : JSON.stringify(data),
});

describe('ratable', () => {
  it('takes a ticket just completed at this window', () => {
    expect(ratable(ev('ticket.completed', done()), 'w5', NOW)?.number).toBe(
      'A023',
    );
  });

  it('ignores a completion at another window', () => {
    expect(
      ratable(ev('ticket.completed', done({ windowId: 'w6' })), 'w5', NOW),
    ).toBeNull();
  });

  it('ignores a completion older than ten minutes', () => {
    const old = new Date(NOW - RATING_WINDOW_MS - 1).toISOString();
    expect(
      ratable(ev('ticket.completed', done({ completedAt: old })), 'w5', NOW),
    ).toBeNull();
    const edge = new Date(NOW - RATING_WINDOW_MS).toISOString();
    expect(
      ratable(ev('ticket.completed', done({ completedAt: edge })), 'w5', NOW),
    ).not.toBeNull();
  });

  it('ignores a ticket already rated (a clerk entered the rating)', () => {
    expect(
      ratable(ev('ticket.completed', done({ rating: 4 })), 'w5', NOW),
    ).toBeNull();
  });

  it('ignores other events, tickets not done, and what it cannot read', () => {
    expect(
      ratable(ev('ticket.started', done({ state: 'serving' })), 'w5', NOW),
    ).toBeNull();
    expect(
      ratable(ev('ticket.no_show', done({ state: 'no_show' })), 'w5', NOW),
    ).toBeNull();
    expect(
      ratable(ev('ticket.completed', done({ state: 'serving' })), 'w5', NOW),
    ).toBeNull();
    expect(ratable(ev('ticket.completed', 'not json'), 'w5', NOW)).toBeNull();
    expect(ratable(ev('ticket.completed', 'null'), 'w5', NOW)).toBeNull();
    expect(
      ratable(
        ev('ticket.completed', done({ completedAt: undefined })),
        'w5',
        NOW,
      ),
    ).toBeNull();
  });
});

describe('RatingChooser', () => {
  it('asks about each completion once, even when the stream delivers it again', () => {
    const c = new RatingChooser('w5');
    const e = ev('ticket.completed', done());
    expect(c.offer(e, NOW)?.id).toBe('t1');
    expect(c.offer(e, NOW)).toBeNull();
    c.done('t1');
    expect(c.asking).toBeNull();
    expect(c.offer({ ...e, id: String(++seq) }, NOW)).toBeNull();
  });

  it('switches to a newer completion, never back to an older one', () => {
    const c = new RatingChooser('w5');
    c.offer(
      ev(
        'ticket.completed',
        done({ id: 'a', completedAt: new Date(NOW - 2 * MIN).toISOString() }),
      ),
      NOW,
    );
    expect(
      c.offer(
        ev(
          'ticket.completed',
          done({
            id: 'b',
            number: 'A024',
            completedAt: new Date(NOW - MIN).toISOString(),
          }),
        ),
        NOW,
      )?.number,
    ).toBe('A024');
    expect(c.asking?.id).toBe('b');
    // an older one (e.g. replayed after a reconnect) is not asked about, even once b is settled
    c.done('b');
    expect(
      c.offer(
        ev(
          'ticket.completed',
          done({ id: 'z', completedAt: new Date(NOW - 3 * MIN).toISOString() }),
        ),
        NOW,
      ),
    ).toBeNull();
    expect(c.asking).toBeNull();
  });

  it('settling another ticket keeps the one being asked about', () => {
    const c = new RatingChooser('w5');
    c.offer(ev('ticket.completed', done({ id: 'a' })), NOW);
    c.done('old');
    expect(c.asking?.id).toBe('a');
  });

  it('knows when the ticket asked about can no longer be rated', () => {
    const c = new RatingChooser('w5');
    c.offer(ev('ticket.completed', done()), NOW);
    expect(c.stillOpen(NOW + 8 * MIN)).toBe(true);
    expect(c.stillOpen(NOW + 9 * MIN + 1)).toBe(false);
  });
});
