import { DemoDataset } from './dataset';
import { FACTS } from './facts';
import { hallId } from './ids';
import { countOpenWindows } from './windows';

describe('windows and window events', () => {
  const ds = new DemoDataset();
  const windows = ds.windows();
  const events = ds.windowEvents();
  const ofHall = (key: string) =>
    windows.filter((w) => w.hall_id === hallId(key));

  it('hit every window figure of the facts file exactly', () => {
    let checked = 0;
    for (const h of FACTS.halls) {
      for (const f of h.windows ?? []) {
        expect({
          hall: h.key,
          date: f.date,
          count: countOpenWindows(ofHall(h.key), f.date),
        }).toEqual({ hall: h.key, date: f.date, count: f.count });
        checked++;
      }
    }
    expect(checked).toBe(5);
  });

  it('meet the window targets of the report by their dates (Yiwu < 30, Lishui <= 150)', () => {
    expect(countOpenWindows(ofHall('yiwu'), '2020-12-31')).toBeLessThan(30);
    expect(
      countOpenWindows(ofHall('lishui'), '2020-12-31'),
    ).toBeLessThanOrEqual(150);
    // Lishui declines through 2020
    const months = [
      '2020-01-31',
      '2020-03-31',
      '2020-05-31',
      '2020-07-31',
      '2020-09-30',
      '2020-11-30',
    ].map((d) => countOpenWindows(ofHall('lishui'), d));
    for (let i = 1; i < months.length; i++)
      expect(months[i]).toBeLessThanOrEqual(months[i - 1]);
    expect(months[months.length - 1]).toBeLessThan(months[0]);
  });

  it("model Yiwu's 2019 merger: 36 social-security, medical-insurance and market-regulation windows retired on one day, 26 comprehensive opened", () => {
    const yiwu = events.filter(
      (e) =>
        e.hall_id === hallId('yiwu') && e.effective_date.startsWith('2019'),
    );
    const byDate = new Map<string, typeof yiwu>();
    for (const e of yiwu)
      byDate.set(e.effective_date, [
        ...(byDate.get(e.effective_date) ?? []),
        e,
      ]);
    const merger = [...byDate.values()].find(
      (list) => list.filter((e) => e.kind === 'opened').length === 26,
    );
    expect(merger).toBeDefined();
    const retired = (merger ?? []).filter((e) => e.kind === 'retired');
    expect(retired).toHaveLength(36);
    for (const e of retired) {
      expect(e.mode).toBe('department');
      expect([
        'social_security',
        'medical_insurance',
        'market_regulation',
      ]).toContain(e.category_codes?.[0]);
    }
    for (const e of (merger ?? []).filter((x) => x.kind === 'opened'))
      expect(e.mode).toBe('comprehensive');
  });

  it('are consistent with their events: one opened event each, retired event iff retired, state retired iff retired', () => {
    const byWindow = new Map<string, typeof events>();
    for (const e of events)
      byWindow.set(e.window_id, [...(byWindow.get(e.window_id) ?? []), e]);
    expect(new Set(windows.map((w) => w.id)).size).toBe(windows.length);
    for (const w of windows) {
      const ev = byWindow.get(w.id) ?? [];
      const opened = ev.filter((e) => e.kind === 'opened');
      expect(opened).toHaveLength(1);
      expect(opened[0].effective_date).toBe(w.opened_on);
      const retired = ev.filter((e) => e.kind === 'retired');
      if (w.retired_on) {
        expect(retired.map((e) => e.effective_date)).toEqual([w.retired_on]);
        expect(w.state).toBe('retired');
        expect(w.retired_on > w.opened_on).toBe(true);
      } else {
        expect(retired).toHaveLength(0);
        expect(['open', 'closed']).toContain(w.state);
      }
      for (const c of ev.filter((e) => e.kind === 'converted')) {
        expect(c.effective_date >= w.opened_on).toBe(true);
        expect(c.mode).toBe('comprehensive');
      }
      // the current mode is the last opened/converted mode
      const last = ev
        .filter((e) => e.kind !== 'retired')
        .sort((a, b) => a.effective_date.localeCompare(b.effective_date))
        .pop();
      expect(w.mode).toBe(last?.mode);
      expect(w.label.length).toBeLessThanOrEqual(20);
    }
    // labels unique per hall
    for (const h of ds.halls()) {
      const labels = windows
        .filter((w) => w.hall_id === h.id)
        .map((w) => w.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('moves Fuyang from three floors to two in 2020', () => {
    const floor3 = (d: string) =>
      ofHall('fuyang').filter(
        (w) =>
          w.label.startsWith('3') &&
          w.opened_on <= d &&
          (!w.retired_on || w.retired_on > d),
      ).length;
    expect(floor3('2019-12-31')).toBeGreaterThan(0);
    expect(floor3('2020-08-31')).toBe(0);
  });
});
