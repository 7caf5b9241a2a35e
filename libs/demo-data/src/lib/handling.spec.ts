import { DemoDataset } from './dataset';
import { FACTS } from './facts';
import { HandlingRow, handlingDays, onlineRate } from './handling';
import { hallSpec } from './halls';
import { hallId } from './ids';

describe('handling records', () => {
  const ds = new DemoDataset();
  const rowsOf = (key: string): HandlingRow[] =>
    [
      ...handlingDays(
        hallSpec(key),
        ds.hallWindows(key),
        ds.visitors(key),
        ds.seed,
      ),
    ].flat();

  it.each(['fuyang', 'jiangbei'])(
    'give %s the online-handling rate of the facts per year (±1 point)',
    (key) => {
      const rows = rowsOf(key);
      const facts = FACTS.halls.find((h) => h.key === key)?.onlineRate ?? [];
      expect(facts).toHaveLength(2);
      for (const f of facts) {
        const rate = onlineRate(
          rows.filter((r) => r.record_date.startsWith(String(f.year))),
        );
        expect(Math.abs(rate - f.value)).toBeLessThanOrEqual(0.01);
      }
    },
  );

  it('are valid rows: known channels, positive counts, one row per day, item and channel', () => {
    const rows = rowsOf('jiangbei');
    const channels = new Set([
      'window',
      'online_web',
      'online_mobile',
      'self_service_terminal',
      'partner_outlet',
      'agent',
    ]);
    const keys = new Set<string>();
    const bad = rows.filter(
      (r) =>
        r.hall_id !== hallId('jiangbei') ||
        !channels.has(r.channel) ||
        !Number.isInteger(r.count) ||
        r.count <= 0,
    );
    for (const r of rows)
      keys.add(`${r.record_date}/${r.service_item_code}/${r.channel}`);
    expect(bad).toEqual([]);
    expect(keys.size).toBe(rows.length);
  });

  it('cover all halls of the facts file', () => {
    const halls = new Set<string>();
    for (const day of ds.handlingDays())
      if (day.length) halls.add(day[0].hall_id);
    for (const h of FACTS.halls) expect(halls.has(hallId(h.key))).toBe(true);
  });
});
