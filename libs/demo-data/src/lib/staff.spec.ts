import { DemoDataset } from './dataset';
import { hallId } from './ids';
import { STAFF_ROLES } from '@onewindow/contracts';

describe('staff and reassignments', () => {
  const ds = new DemoDataset();
  const staff = ds.staff();
  const moves = ds.reassignments();
  const events = ds.windowEvents();

  it('gives every hall staff, with the fixed role strings', () => {
    for (const h of ds.halls())
      expect(staff.some((s) => s.hall_id === h.id)).toBe(true);
    const roles = new Set<string>(STAFF_ROLES);
    expect(staff.filter((s) => !roles.has(s.role))).toEqual([]);
    expect(
      moves.filter(
        (m) =>
          !roles.has(m.from_role) ||
          !roles.has(m.to_role) ||
          m.from_role === m.to_role,
      ),
    ).toEqual([]);
    const to = new Set<string>(moves.map((m) => m.to_role));
    for (const r of [
      'comprehensive_clerk',
      'self_service_guide',
      'online_coach',
      'agent',
      'township_centre',
      'back_office',
      'left',
    ])
      expect(to.has(r)).toBe(true);
  });

  it('dates the moves in 2019–2020 on days the hall changed its windows, and chains roles consistently', () => {
    const changeDays = new Set(
      events.map((e) => `${e.hall_id}/${e.effective_date}`),
    );
    const byStaff = new Map<string, typeof moves>();
    for (const m of moves) {
      expect(
        m.effective_date >= '2019-01-01' && m.effective_date <= '2020-12-31',
      ).toBe(true);
      expect(changeDays.has(`${m.hall_id}/${m.effective_date}`)).toBe(true);
      byStaff.set(m.staff_id, [...(byStaff.get(m.staff_id) ?? []), m]);
    }
    for (const s of staff) {
      const chain = (byStaff.get(s.id) ?? []).sort((a, b) =>
        a.effective_date.localeCompare(b.effective_date),
      );
      for (let i = 1; i < chain.length; i++)
        expect(chain[i].from_role).toBe(chain[i - 1].to_role);
      if (chain.length) expect(s.role).toBe(chain[chain.length - 1].to_role);
      expect(s.active).toBe(s.role !== 'left');
    }
  });

  it("sends Yiwu's social-security window clerks to the self-service area in 2019", () => {
    const yiwu = moves.filter(
      (m) =>
        m.hall_id === hallId('yiwu') &&
        m.effective_date.startsWith('2019') &&
        m.to_role === 'self_service_guide',
    );
    expect(yiwu.length).toBeGreaterThan(0);
    expect(
      yiwu.some(
        (m) =>
          m.from_role === 'department_clerk' &&
          m.from_place?.startsWith('社会保障'),
      ),
    ).toBe(true);
  });
});
