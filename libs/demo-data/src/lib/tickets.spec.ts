import { CATEGORIES } from './catalog';
import { dayOf, isHallOpen, isoOf, weekday } from './calendar';
import { DemoDataset, PROFILE_TICKETS } from './dataset';
import { footfallDay } from './footfall';
import { hallSpec } from './halls';
import {
  CLOSE_SECONDS,
  OPEN_SECONDS,
  Ticket,
  TicketDay,
  ticketLine,
} from './tickets';
import { SPAN_FROM, SPAN_TO } from './visitors';

describe('visitors and door counts', () => {
  const ds = new DemoDataset();

  const mean = (key: string, from: string, to: string): number => {
    const v = ds.visitors(key);
    let s = 0;
    let n = 0;
    for (const [d, x] of v) {
      if (isoOf(d) >= from && isoOf(d) <= to) {
        s += x;
        n++;
      }
    }
    return s / n;
  };

  it("give Fuyang the facts' daily visitors: 5,000 in 2019-01..08 and 2,500 in 2020-01..08 (±5 %)", () => {
    expect(
      Math.abs(mean('fuyang', '2019-01-01', '2019-08-31') / 5000 - 1),
    ).toBeLessThanOrEqual(0.05);
    expect(
      Math.abs(mean('fuyang', '2020-01-01', '2020-08-31') / 2500 - 1),
    ).toBeLessThanOrEqual(0.05);
    // and they decline in between
    expect(mean('fuyang', '2019-09-01', '2019-12-31')).toBeLessThan(
      mean('fuyang', '2019-01-01', '2019-08-31'),
    );
  });

  it('give Yiwu 1,500–2,500 a day in 2019, falling in 2020', () => {
    const y19 = mean('yiwu', '2019-01-01', '2019-12-31');
    expect(y19).toBeGreaterThan(1500);
    expect(y19).toBeLessThan(2500);
    expect(mean('yiwu', '2020-01-01', '2020-12-31')).toBeLessThan(y19);
  });

  it('count visitors on open days only, with the weekday pattern and the Spring Festival dip', () => {
    const v = ds.visitors('fuyang');
    for (const d of v.keys()) expect(isHallOpen(d)).toBe(true);
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    const n = [0, 0, 0, 0, 0, 0, 0];
    for (const [d, x] of v) {
      if (isoOf(d) < '2019-09-01') {
        byWeekday[weekday(d)] += x;
        n[weekday(d)]++;
      }
    }
    const avg = byWeekday.map((s, i) => (n[i] ? s / n[i] : 0));
    expect(avg[1]).toBeGreaterThan(avg[2]); // Monday highest
    expect(avg[5]).toBeLessThan(avg[4]); // Friday lower
    expect(v.get(dayOf('2019-02-11')) as number).toBeLessThan(
      0.7 * mean('fuyang', '2019-03-01', '2019-03-31'),
    );
    expect(v.has(dayOf('2019-02-06'))).toBe(false);
  });

  it('door counts add up to the daily visitors, 15-minute periods within opening hours', () => {
    const d = dayOf('2019-03-04');
    const visitors = ds.visitors('fuyang').get(d) as number;
    const rows = footfallDay('fuyang', d, visitors, ds.seed);
    expect(rows.reduce((s, r) => s + r.entries, 0)).toBe(visitors);
    expect(rows.reduce((s, r) => s + r.exits, 0)).toBe(visitors);
    expect(new Set(rows.map((r) => r.sensor_id))).toEqual(
      new Set(['door-north', 'door-south']),
    );
    for (const r of rows) {
      expect(r.period_start >= '2019-03-04 08:30:00+08').toBe(true);
      expect(r.period_end <= '2019-03-04 17:00:00+08').toBe(true);
      expect(r.exits).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('tickets', () => {
  const ds = new DemoDataset();
  const sample: TicketDay[] = [];
  const months: [string, string, string][] = [
    ['fuyang', '2019-03-01', '2019-03-31'],
    ['fuyang', '2020-02-01', '2020-02-29'],
    ['fuyang', '2020-08-01', '2020-08-31'],
    ['yiwu', '2019-05-01', '2019-05-31'],
    ['yiwu', '2020-12-01', '2020-12-31'],
  ];
  beforeAll(() => {
    for (const [key, from, to] of months) {
      const m = ds.ticketModel(key);
      for (let d = dayOf(from); d <= dayOf(to); d++)
        if (isHallOpen(d)) sample.push(m.day(d));
    }
  });
  const all = (): Ticket[] => sample.flatMap((d) => d.tickets);

  it('stay inside opening hours 08:30–17:00 and keep issued <= called <= started <= completed', () => {
    const bad: string[] = [];
    for (const t of all()) {
      const times = [
        t.issued,
        t.queued,
        t.called,
        t.started,
        t.completed,
        t.cancelled,
        t.expired,
      ].filter((x): x is number => x !== null);
      const inside = times.every(
        (x) => x >= OPEN_SECONDS && x <= CLOSE_SECONDS,
      );
      const ordered =
        t.queued <= t.issued &&
        (t.called === null || t.called >= t.issued) &&
        (t.started === null || (t.called !== null && t.started >= t.called)) &&
        (t.completed === null ||
          (t.started !== null && t.completed >= t.started)) &&
        (t.cancelled === null || t.cancelled >= t.issued);
      if (!inside || !ordered) bad.push(JSON.stringify(t));
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(all().length).toBeGreaterThan(100_000);
  });

  it('lose more people when waits are long: abandonment follows the wait', () => {
    // per hall-day and hour of issue: the mean wait of those called, and the share who gave up
    const cells = new Map<
      string,
      { called: number; wait: number; gaveUp: number; n: number }
    >();
    for (const d of sample)
      for (const t of d.tickets) {
        if (t.transferredFromId !== null) continue;
        const key = `${d.hallKey}|${d.date}|${Math.floor(t.issued / 3600)}`;
        const c = cells.get(key) ?? { called: 0, wait: 0, gaveUp: 0, n: 0 };
        c.n++;
        if (t.called !== null) {
          c.called++;
          c.wait += t.called - t.queued;
        }
        if (
          (t.state === 'cancelled' &&
            (t.cancelled as number) - t.issued > 120) ||
          t.state === 'expired'
        )
          c.gaveUp++;
        cells.set(key, c);
      }
    const rate = (keep: (meanWait: number) => boolean) => {
      let n = 0;
      let gaveUp = 0;
      for (const c of cells.values())
        if (c.called && keep(c.wait / c.called / 60)) {
          n += c.n;
          gaveUp += c.gaveUp;
        }
      return { n, share: gaveUp / n };
    };
    const short = rate((w) => w < 5);
    const long = rate((w) => w >= 20);
    const all = rate(() => true);
    // (measured on this sample: 0.7 % below 5 minutes, 10.8 % from 20 minutes, 2.4 % in all)
    expect(short.n).toBeGreaterThan(1000);
    expect(long.n).toBeGreaterThan(1000);
    expect(long.share).toBeGreaterThan(3 * short.share);
    expect(all.share).toBeGreaterThan(0.005);
    expect(all.share).toBeLessThan(0.08);
  });

  it('have states, priorities and ratings in realistic shares', () => {
    const ts = all();
    const share = (f: (t: Ticket) => boolean) =>
      ts.filter(f).length / ts.length;
    expect(share((t) => t.state === 'done')).toBeGreaterThan(0.88);
    expect(share((t) => t.state === 'done')).toBeLessThan(0.94);
    expect(share((t) => t.state === 'no_show')).toBeGreaterThan(0.04);
    expect(share((t) => t.state === 'no_show')).toBeLessThan(0.06);
    // corrections: cancelled within ABANDON_AFTER_MINUTES of issue
    const correction = (t: Ticket) =>
      t.state === 'cancelled' && (t.cancelled as number) - t.issued <= 120;
    expect(share(correction)).toBeGreaterThan(0.015);
    expect(share(correction)).toBeLessThan(0.03);
    expect(
      ts.every((t) => t.state !== 'cancelled' || t.cancelledBy === 'holder'),
    ).toBe(true);
    expect(share((t) => t.state === 'transferred')).toBeGreaterThan(0);
    expect(share((t) => t.state === 'transferred')).toBeLessThan(0.01);
    expect(share((t) => t.priority === 'priority')).toBeGreaterThan(0.04);
    expect(share((t) => t.priority === 'appointment')).toBeGreaterThan(0.07);
    const done = ts.filter((t) => t.state === 'done');
    const top =
      done.filter((t) => t.rating === 5 || t.rating === 4).length / done.length;
    expect(top).toBeGreaterThan(0.8);
    expect(
      done.filter(
        (t) => t.outcome === null || t.windowId === null || t.started === null,
      ),
    ).toEqual([]);
    const followed = new Set(ts.map((t) => t.transferredFromId));
    expect(
      ts.filter((x) => x.state === 'transferred' && !followed.has(x.id)),
    ).toEqual([]);
  });

  it('number tickets per hall, day and prefix, and count them in ticket_counters', () => {
    const bad: string[] = [];
    for (const d of sample) {
      const numbers = new Set<string>();
      const max = new Map<string, number>();
      for (const t of d.tickets) {
        if (
          !/^[A-Z]\d{3,4}$/.test(t.number) ||
          t.number !== t.prefix + String(t.sequence).padStart(3, '0')
        )
          bad.push(`${d.date} ${t.number}`);
        if (
          CATEGORIES.find((c) => c.code === t.categoryCode)?.prefix !== t.prefix
        )
          bad.push(`${d.date} ${t.number} prefix`);
        numbers.add(t.number);
        max.set(t.prefix, Math.max(max.get(t.prefix) ?? 0, t.sequence));
      }
      if (numbers.size !== d.tickets.length)
        bad.push(`${d.date} duplicate numbers`);
      expect(d.counters).toEqual(max);
      // sequences follow the issue order
      const seen = new Map<string, number>();
      for (const t of [...d.tickets].sort(
        (a, b) => a.issued - b.issued || a.sequence - b.sequence,
      )) {
        if (t.sequence <= (seen.get(t.prefix) ?? 0))
          bad.push(`${d.date} ${t.number} out of issue order`);
        seen.set(t.prefix, t.sequence);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('are served at windows of the hall open that day that serve the category', () => {
    const bad: string[] = [];
    for (const d of sample) {
      const open = new Map(
        ds
          .hallWindows(d.hallKey)
          .openOn(d.day)
          .map((w) => [w.id, w]),
      );
      for (const t of d.tickets) {
        if (t.windowId === null) continue;
        const w = open.get(t.windowId);
        if (
          !w ||
          (w.categories.length > 0 && !w.categories.includes(t.categoryCode))
        )
          bad.push(`${d.date} ${t.number} at ${w?.label ?? t.windowId}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('show a morning peak, a lunch dip, a smaller afternoon peak, and plausible waits', () => {
    const perHalfHour = new Array(20).fill(0);
    const waits: number[] = [];
    for (const t of all()) {
      perHalfHour[Math.floor((t.issued - OPEN_SECONDS) / 1800)]++;
      if (t.called !== null) waits.push((t.called - t.queued) / 60);
    }
    const at = (hhmm: string) =>
      perHalfHour[
        (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) - 510) / 30
      ];
    expect(at('09:30')).toBeGreaterThan(at('12:00') * 3);
    expect(at('14:30')).toBeGreaterThan(at('12:00') * 2);
    expect(at('14:30')).toBeLessThan(at('09:30'));
    waits.sort((a, b) => a - b);
    const p90 = waits[Math.floor(waits.length * 0.9)];
    expect(p90).toBeGreaterThan(5);
    expect(p90).toBeLessThan(45);
    expect(waits[Math.floor(waits.length / 2)]).toBeLessThan(10);
  });

  it('write COPY lines with +08:00 timestamps', () => {
    const d = sample[0];
    const line = ticketLine(d.tickets[0], d.date, d.hallId);
    const cols = line.replace(/\n$/, '').split('\t');
    expect(cols).toHaveLength(25);
    expect(cols[11]).toMatch(/^2019-03-\d\d (08|09):\d\d:\d\d\+08$/);
  });

  it('number at least 1.5 million in the full profile (expected count from the daily visitors)', () => {
    let expected = 0;
    for (const p of PROFILE_TICKETS.full) {
      const spec = hallSpec(p.hallKey);
      for (const [d, v] of ds.visitors(p.hallKey))
        if (isoOf(d) >= p.from && isoOf(d) <= p.to)
          expected +=
            v * (spec.ticketShare?.[Number(isoOf(d).slice(0, 4))] ?? 0);
    }
    expect(p0(PROFILE_TICKETS.full)).toEqual([SPAN_FROM, SPAN_TO]);
    expect(expected).toBeGreaterThan(1_520_000);
  });
});

function p0(plans: readonly { from: string; to: string }[]): [string, string] {
  return [
    plans.map((p) => p.from).sort()[0],
    plans
      .map((p) => p.to)
      .sort()
      .reverse()[0],
  ];
}
