import bcrypt from 'bcryptjs';
import { DEMO_CREDENTIALS, DEMO_PASSWORD, userRows } from './users';
import { targetRows } from './targets';
import { hallId } from './ids';

describe('users and targets', () => {
  it('creates the demo logins with bcrypt (cost 10) hashes of the demo password', () => {
    const rows = userRows(1);
    expect(rows.map((r) => r.username)).toEqual([
      'admin',
      'zj-reform',
      'hz-reform',
      'fuyang-manager',
      'yiwu-manager',
      'fuyang-clerk',
    ]);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(1); // hashed once
    expect(rows[0].password_hash).toMatch(/^\$2[aby]\$10\$/);
    expect(bcrypt.compareSync(DEMO_PASSWORD, rows[0].password_hash)).toBe(true);
    expect(bcrypt.compareSync('wrong', rows[0].password_hash)).toBe(false);
    expect(userRows(1)).toEqual(rows);
    for (const u of DEMO_CREDENTIALS) expect(u.password).toBe('OneWindow!2020');
    const byName = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(byName['admin']).toMatchObject({
      role: 'admin',
      hall_id: null,
      region_code: null,
    });
    expect(byName['zj-reform']).toMatchObject({
      role: 'reform_office',
      region_code: '330000',
      hall_id: null,
    });
    expect(byName['hz-reform']).toMatchObject({
      role: 'reform_office',
      region_code: '330100',
    });
    expect(byName['fuyang-manager']).toMatchObject({
      role: 'hall_manager',
      hall_id: hallId('fuyang'),
      region_code: null,
    });
    expect(byName['yiwu-manager']).toMatchObject({
      role: 'hall_manager',
      hall_id: hallId('yiwu'),
    });
    expect(byName['fuyang-clerk']).toMatchObject({
      role: 'clerk',
      hall_id: hallId('fuyang'),
    });
  });

  it("holds the report's targets", () => {
    const t = targetRows();
    expect(t).toContainEqual(
      expect.objectContaining({
        hall_id: hallId('yiwu'),
        metric: 'windows',
        comparison: 'lt',
        value: 30,
        due_date: '2020-12-31',
      }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({
        hall_id: hallId('lishui'),
        metric: 'windows',
        comparison: 'le',
        value: 150,
        due_date: '2020-12-31',
      }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({
        region_code: '330000',
        hall_id: null,
        metric: 'online_rate',
        comparison: 'ge',
        value: 0.8,
      }),
    );
    expect(t).toContainEqual(
      expect.objectContaining({
        hall_id: hallId('nanhu'),
        metric: 'consultation_mix',
        value: 0.6,
        parameter: 0.3,
      }),
    );
  });
});
