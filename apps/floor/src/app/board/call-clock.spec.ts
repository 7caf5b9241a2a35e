import type { FloorCall } from '@onewindow/live-client';
import { CallClock } from './call-clock';

const T0 = Date.parse('2026-12-03T02:00:00.000Z');
const MIN = 60_000;

const call = (calledAt: number, recall = false): FloorCall => ({
  ticketId: 't',
  number: 'A023',
  categoryCode: 'tax',
  windowId: 'w',
  windowLabel: '5号窗口',
  calledAt: new Date(calledAt).toISOString(),
  recall,
  eventId: '1',
});

describe('CallClock', () => {
  let local: number;
  let clock: CallClock;
  beforeEach(() => {
    local = T0;
    clock = new CallClock(() => local, 4000);
  });

  it("keeps the server's time, whatever the TV's own clock says", () => {
    clock.sync(new Date(T0 + 7 * MIN).toISOString());
    expect(clock.now()).toBe(T0 + 7 * MIN);
    local += 1000;
    expect(clock.now()).toBe(T0 + 7 * MIN + 1000);
  });

  it('dates a first call by its calledAt and a live recall by now', () => {
    expect(clock.timeOf(call(T0 - 20 * MIN))).toBe(T0 - 20 * MIN);
    expect(clock.timeOf(call(T0 - 20 * MIN, true))).toBe(T0);
  });

  it('dates a recall replayed after a break no later than the start of the break', () => {
    clock.dropped();
    local += 30 * MIN;
    clock.dropped(); // a failed retry: the break still began at T0
    expect(clock.downFor()).toBe(30 * MIN);
    clock.opened();
    expect(clock.downFor()).toBe(0);
    local += 500;
    expect(clock.timeOf(call(T0 - 2 * MIN, true))).toBe(T0);
    expect(clock.timeOf(call(T0 + 29 * MIN))).toBe(T0 + 29 * MIN);
    // once the replay is over, recalls are live again
    local += 5000;
    expect(clock.timeOf(call(T0 - 2 * MIN, true))).toBe(local);
  });

  it('takes a new break from its own start, not from an earlier one', () => {
    clock.dropped();
    clock.opened();
    local += 60 * MIN; // an hour of good connection without events
    clock.dropped();
    clock.opened();
    expect(clock.timeOf(call(T0, true))).toBe(T0 + 60 * MIN);
  });
});
