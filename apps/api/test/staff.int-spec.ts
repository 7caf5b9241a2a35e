import type { Test } from 'supertest';
import { todayInShanghai } from '../src/app/common/service-date';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';

describe('Staff and reassignments (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  const auth = async (user: string) => ({
    Authorization: `Bearer ${await h.token(user)}`,
  });
  const FY = `/api/v1/halls/${FIX.fuyang}`;
  const YW = `/api/v1/halls/${FIX.yiwu}`;
  const LS = `/api/v1/halls/${FIX.lishui}`;
  const UNKNOWN = '99999999-9999-4999-8999-999999999999';
  type Agent = ReturnType<Harness['http']>;

  /** Everything a rejected request must leave as it was. */
  const snapshot = async () =>
    (
      await h.sql<{
        staff: number;
        moves: number;
        audit: number;
        rows: string;
      }>(`SELECT
        (SELECT count(*)::int FROM staff) AS staff,
        (SELECT count(*)::int FROM reassignments) AS moves,
        (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT coalesce(string_agg(id || '|' || name || '|' || role || '|' || active || '|' ||
           array_to_string(skills, ','), ';' ORDER BY id), '') FROM staff) AS rows`)
    )[0];

  /** Sends as `user`, expects `status` with the contract's error body, and an unchanged DB. */
  const rejected = async (
    status: number,
    user: string,
    call: (a: Agent) => Test,
  ) => {
    const before = await snapshot();
    const res = await call(h.http()).set(await auth(user));
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    expectErrorBody(res.body, status);
    expect(await snapshot()).toEqual(before);
    return res;
  };

  /** Sends as `user`, expects `status` and exactly one new audit row: `action` on the answer's id. */
  const audited = async (
    action: string,
    user: string,
    hallId: string,
    call: (a: Agent) => Test,
    status = 201,
  ) => {
    const [{ last }] = await h.sql<{ last: string }>(
      'SELECT coalesce(max(id), 0)::text AS last FROM audit_log',
    );
    const res = await call(h.http()).set(await auth(user));
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    expect(
      await h.sql(
        'SELECT action, entity_id, actor_name, hall_id FROM audit_log WHERE id > $1',
        [last],
      ),
    ).toEqual([
      { action, entity_id: res.body.id, actor_name: user, hall_id: hallId },
    ]);
    return res;
  };

  const addStaff = async (
    user: string,
    hallId: string,
    body: Record<string, unknown>,
  ): Promise<string> =>
    (
      await audited('staff.create', user, hallId, (a) =>
        a.post(`/api/v1/halls/${hallId}/staff`).send(body),
      )
    ).body.id;

  const move = (user: string, hallId: string, body: Record<string, unknown>) =>
    audited('reassignment.create', user, hallId, (a) =>
      a.post(`/api/v1/halls/${hallId}/reassignments`).send(body),
    );

  const today = todayInShanghai();
  const tomorrow = todayInShanghai(Date.now() + 86_400_000);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness('staff');
  });
  afterAll(async () => h?.close());

  describe('staff', () => {
    it('lets the manager (and an admin) add and edit staff, one audit row per write', async () => {
      const created = await audited(
        'staff.create',
        'fuyang-manager',
        FIX.fuyang,
        (a) =>
          a.post(`${FY}/staff`).send({
            name: '王丽',
            role: 'department_clerk',
            skills: ['social_security', 'medical_insurance', 'social_security'],
          }),
      );
      expect(created.body).toEqual({
        id: expect.any(String),
        name: '王丽',
        role: 'department_clerk',
        skills: ['medical_insurance', 'social_security'],
        active: true,
      });
      ids.wang = created.body.id;
      ids.chen = await addStaff('fuyang-manager', FIX.fuyang, {
        name: '陈强',
        role: 'department_clerk',
      });
      ids.zhou = await addStaff('admin', FIX.fuyang, {
        name: '周敏',
        role: 'back_office',
        skills: ['market_regulation'],
      });

      const edited = await audited(
        'staff.update',
        'fuyang-manager',
        FIX.fuyang,
        (a) =>
          a
            .patch(`${FY}/staff/${ids.chen}`)
            .send({ name: '陈志强', skills: ['market_regulation'] }),
        200,
      );
      expect(edited.body).toEqual({
        id: ids.chen,
        name: '陈志强',
        role: 'department_clerk',
        skills: ['market_regulation'],
        active: true,
      });
      const [row] = await h.sql(
        `SELECT before->>'name' AS before, after->>'name' AS after FROM audit_log WHERE action = 'staff.update' AND entity_id = $1`,
        [ids.chen],
      );
      expect(row).toEqual({ before: '陈强', after: '陈志强' });
    });

    it('lists a hall’s staff with role and active filters and pages, for everyone who reads the hall', async () => {
      const list = async (user: string, query = '') =>
        (
          await h
            .http()
            .get(`${FY}/staff${query}`)
            .set(await auth(user))
            .expect(200)
        ).body;
      for (const user of [
        'fuyang-manager',
        'fuyang-clerk',
        'hz-reform',
        'zj-reform',
        'admin',
      ]) {
        const all = await list(user);
        expect(all.total).toBe(3);
        expect(all.items.map((s: { id: string }) => s.id).sort()).toEqual(
          [ids.wang, ids.chen, ids.zhou].sort(),
        );
      }
      const clerks = await list('fuyang-clerk', '?role=department_clerk');
      expect(clerks.total).toBe(2);
      expect(clerks.items.map((s: { name: string }) => s.name).sort()).toEqual(
        ['王丽', '陈志强'].sort(),
      );
      const office = await list('fuyang-clerk', '?role=back_office');
      expect(office).toEqual({
        items: [
          {
            id: ids.zhou,
            name: '周敏',
            role: 'back_office',
            skills: ['market_regulation'],
            active: true,
          },
        ],
        total: 1,
      });
      expect(await list('admin', '?active=false')).toEqual({
        items: [],
        total: 0,
      });
      const page = await list('admin', '?limit=1&offset=1');
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(1);
      // the other halls have no staff yet
      expect(
        (
          await h
            .http()
            .get(`${YW}/staff`)
            .set(await auth('yiwu-manager'))
            .expect(200)
        ).body,
      ).toEqual({ items: [], total: 0 });
    });

    it('rejects invalid staff writes with 400/404 and changes nothing', async () => {
      const bad = async (
        status: number,
        call: (a: Agent) => Test,
        field?: string,
      ) => {
        const res = await rejected(status, 'fuyang-manager', call);
        if (field)
          expect(
            res.body.details.map((d: { field: string }) => d.field),
          ).toContain(field);
        return res;
      };
      await bad(
        400,
        (a) => a.post(`${FY}/staff`).send({ name: '新人', role: 'left' }),
        'role',
      );
      await bad(
        400,
        (a) => a.post(`${FY}/staff`).send({ name: '新人', role: 'boss' }),
        'role',
      );
      await bad(
        400,
        (a) => a.post(`${FY}/staff`).send({ name: '  ', role: 'agent' }),
        'name',
      );
      await bad(
        400,
        (a) =>
          a
            .post(`${FY}/staff`)
            .send({ name: '新人', role: 'agent', skills: ['tax'] }),
        'skills',
      );
      await bad(
        400,
        (a) =>
          a
            .post(`${FY}/staff`)
            .send({ name: '新人', role: 'agent', place: '大厅' }),
        'place',
      );
      const role = await bad(
        400,
        (a) =>
          a
            .patch(`${FY}/staff/${ids.wang}`)
            .send({ role: 'comprehensive_clerk' }),
        'role',
      );
      expect(role.body.details).toEqual([
        {
          field: 'role',
          problems: [
            'role changes through a reassignment: POST /halls/{hallId}/reassignments',
          ],
        },
      ]);
      await bad(400, (a) => a.patch(`${FY}/staff/${ids.wang}`).send({}));
      await bad(
        400,
        (a) => a.patch(`${FY}/staff/${ids.wang}`).send({ active: 'no' }),
        'active',
      );
      await bad(
        400,
        (a) => a.patch(`${FY}/staff/not-a-uuid`).send({ name: '王丽' }),
        'staffId',
      );
      await bad(404, (a) =>
        a.patch(`${FY}/staff/${UNKNOWN}`).send({ name: '王丽' }),
      );
      await bad(400, (a) => a.get(`${FY}/staff?active=maybe`), 'active');
      await rejected(404, 'admin', (a) =>
        a
          .post(`/api/v1/halls/${UNKNOWN}/staff`)
          .send({ name: '新人', role: 'agent' }),
      );
    });
  });

  describe('reassignments', () => {
    it('records moves, back-dated ones too, from the role and place held on that day', async () => {
      const first = await move('fuyang-manager', FIX.fuyang, {
        staffId: ids.wang,
        toRole: 'comprehensive_clerk',
        toPlace: '综合受理 C01',
        effectiveDate: '2019-05-06',
        reason: '部门窗口并入无差别受理综合窗口',
      });
      expect(first.body).toEqual({
        id: expect.any(String),
        staffId: ids.wang,
        staffName: '王丽',
        fromRole: 'department_clerk',
        fromPlace: null,
        toRole: 'comprehensive_clerk',
        toPlace: '综合受理 C01',
        effectiveDate: '2019-05-06',
        reason: '部门窗口并入无差别受理综合窗口',
      });
      ids.m1 = first.body.id;
      const second = await move('fuyang-manager', FIX.fuyang, {
        staffId: ids.wang,
        toRole: 'self_service_guide',
        toPlace: '三楼自助服务区',
        effectiveDate: '2020-04-01',
      });
      expect(second.body).toMatchObject({
        fromRole: 'comprehensive_clerk',
        fromPlace: '综合受理 C01',
        toRole: 'self_service_guide',
        toPlace: '三楼自助服务区',
        effectiveDate: '2020-04-01',
        reason: null,
      });
      ids.m2 = second.body.id;
      const left = await move('admin', FIX.fuyang, {
        staffId: ids.zhou,
        toRole: 'left',
        effectiveDate: '2020-06-30',
        reason: '调离行政服务中心',
      });
      expect(left.body).toMatchObject({
        fromRole: 'back_office',
        toRole: 'left',
        toPlace: null,
      });
      ids.m3 = left.body.id;
      const now = await move('fuyang-manager', FIX.fuyang, {
        staffId: ids.chen,
        toRole: 'online_coach',
        toPlace: '线上导服(网办辅导)',
        effectiveDate: today,
      });
      expect(now.body).toMatchObject({
        fromRole: 'department_clerk',
        toRole: 'online_coach',
        effectiveDate: today,
      });
      ids.m4 = now.body.id;

      // each person's role is now their latest move's; leaving makes them inactive
      expect(
        await h.sql(
          `SELECT name, role, active FROM staff WHERE hall_id = $1 ORDER BY role`,
          [FIX.fuyang],
        ),
      ).toEqual([
        { name: '周敏', role: 'left', active: false },
        { name: '陈志强', role: 'online_coach', active: true },
        { name: '王丽', role: 'self_service_guide', active: true },
      ]);
      expect(
        await h.sql(
          `SELECT from_role, from_place, to_role, to_place, to_char(effective_date, 'YYYY-MM-DD') AS day, created_by IS NOT NULL AS by
           FROM reassignments WHERE id = $1`,
          [ids.m2],
        ),
      ).toEqual([
        {
          from_role: 'comprehensive_clerk',
          from_place: '综合受理 C01',
          to_role: 'self_service_guide',
          to_place: '三楼自助服务区',
          day: '2020-04-01',
          by: true,
        },
      ]);
      // somebody who left is not made active again by an edit
      await rejected(409, 'fuyang-manager', (a) =>
        a.patch(`${FY}/staff/${ids.zhou}`).send({ active: true }),
      );
    });

    it('lists a hall’s moves newest first, within a span and paged', async () => {
      const list = async (user: string, query = '') =>
        (
          await h
            .http()
            .get(`${FY}/reassignments${query}`)
            .set(await auth(user))
            .expect(200)
        ).body;
      const all = await list('fuyang-clerk');
      expect(all.total).toBe(4);
      expect(all.items.map((r: { id: string }) => r.id)).toEqual([
        ids.m4,
        ids.m3,
        ids.m2,
        ids.m1,
      ]);
      expect(all.items[2]).toEqual({
        id: ids.m2,
        staffId: ids.wang,
        staffName: '王丽',
        fromRole: 'comprehensive_clerk',
        fromPlace: '综合受理 C01',
        toRole: 'self_service_guide',
        toPlace: '三楼自助服务区',
        effectiveDate: '2020-04-01',
        reason: null,
      });
      const span = await list('hz-reform', '?from=2020-01-01&to=2020-12-31');
      expect(span.total).toBe(2);
      expect(span.items.map((r: { id: string }) => r.id)).toEqual([
        ids.m3,
        ids.m2,
      ]);
      const since = await list('zj-reform', '?from=2020-04-02');
      expect(since.items.map((r: { id: string }) => r.id)).toEqual([
        ids.m4,
        ids.m3,
      ]);
      expect(await list('admin', '?limit=1&offset=1')).toMatchObject({
        items: [{ id: ids.m3 }],
        total: 4,
      });
      expect(await list('admin', '?to=2018-12-31')).toEqual({
        items: [],
        total: 0,
      });
    });

    it('rejects future and invalid dates, unknown staff, staff of another hall, out-of-order and no-op moves, changing nothing', async () => {
      ids.yiwuA = await addStaff('yiwu-manager', FIX.yiwu, {
        name: '楼建国',
        role: 'department_clerk',
      });
      const post = (body: Record<string, unknown>) => (a: Agent) =>
        a.post(`${FY}/reassignments`).send(body);
      const valid = {
        staffId: ids.wang,
        toRole: 'online_coach',
        effectiveDate: '2020-09-01',
      };
      const cases: [Record<string, unknown>, number, string?][] = [
        [{ ...valid, effectiveDate: tomorrow }, 400, 'effectiveDate'],
        [{ ...valid, effectiveDate: '2099-01-01' }, 400, 'effectiveDate'],
        [{ ...valid, effectiveDate: '2020-02-30' }, 400, 'effectiveDate'],
        [{ ...valid, effectiveDate: '2020/09/01' }, 400, 'effectiveDate'],
        [{ ...valid, effectiveDate: undefined }, 400, 'effectiveDate'],
        [{ ...valid, toRole: 'manager' }, 400, 'toRole'],
        [{ ...valid, staffId: 'wang' }, 400, 'staffId'],
        [{ ...valid, toPlace: 'x'.repeat(101) }, 400, 'toPlace'],
        [{ ...valid, fromRole: 'agent' }, 400, 'fromRole'],
        [{ ...valid, staffId: UNKNOWN }, 404],
        // a person of another hall is unknown here
        [{ ...valid, staffId: ids.yiwuA }, 404],
        // before, on, long before the person's latest recorded move (2020-04-01)
        [{ ...valid, effectiveDate: '2020-03-31' }, 409],
        [{ ...valid, effectiveDate: '2020-04-01' }, 409],
        [{ ...valid, effectiveDate: '2019-01-01' }, 409],
        // already a self-service guide then
        [{ ...valid, toRole: 'self_service_guide' }, 409],
      ];
      for (const [body, status, field] of cases) {
        const res = await rejected(status, 'fuyang-manager', post(body));
        if (field)
          expect(
            res.body.details.map((d: { field: string }) => d.field),
          ).toContain(field);
      }
      const order = await rejected(
        409,
        'admin',
        post({ ...valid, effectiveDate: '2020-04-01' }),
      );
      expect(order.body.message).toContain('2020-04-01');
      // the same move of the Yiwu person, through the Yiwu hall, is fine
      await move('yiwu-manager', FIX.yiwu, {
        ...valid,
        staffId: ids.yiwuA,
        toRole: 'comprehensive_clerk',
        effectiveDate: '2019-05-06',
      });
      await rejected(400, 'admin', (a) =>
        a.get(`${FY}/reassignments?from=2020-02-01&to=2020-01-01`),
      );
      await rejected(400, 'admin', (a) =>
        a.get(`${FY}/reassignments?from=2020-13-01`),
      );
      await rejected(400, 'admin', (a) => a.get(`${FY}/reassignments?limit=0`));
    });

    it('records one of six concurrent moves of the same person on the same day, the others are 409s', async () => {
      const staffId = await addStaff('admin', FIX.lishui, {
        name: '毛思远',
        role: 'department_clerk',
      });
      const before = await snapshot();
      const token = await auth('admin');
      const roles = [
        'comprehensive_clerk',
        'self_service_guide',
        'online_coach',
        'agent',
        'township_centre',
        'back_office',
      ];
      // the test holds the person's row so that all six are in flight at once before any commits
      await h.sql('BEGIN');
      await h.sql('SELECT 1 FROM staff WHERE id = $1 FOR UPDATE', [staffId]);
      const pending = Promise.all(
        roles.map((toRole) =>
          h
            .http()
            .post(`${LS}/reassignments`)
            .set(token)
            .send({ staffId, toRole, effectiveDate: today })
            .then((r) => r),
        ),
      );
      for (let i = 0; i < 100; i++) {
        // inside a transaction the activity view is a snapshot unless cleared
        await h.sql('SELECT pg_stat_clear_snapshot()');
        const [{ n }] = await h.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (n === roles.length) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await h.sql('COMMIT');
      const results = await pending;
      expect(results.map((r) => r.status).sort()).toEqual([
        201, 409, 409, 409, 409, 409,
      ]);
      const after = await snapshot();
      expect(after.moves).toBe(before.moves + 1);
      expect(after.audit).toBe(before.audit + 1);
      const won = results.find((r) => r.status === 201)?.body;
      expect(
        await h.sql(`SELECT role FROM staff WHERE id = $1`, [staffId]),
      ).toEqual([{ role: won.toRole }]);
    });
  });

  describe('flows', () => {
    const flows = async (user: string, path: string, query: string) =>
      (
        await h
          .http()
          .get(`${path}/reassignments/flows?${query}`)
          .set(await auth(user))
          .expect(200)
      ).body;

    it('counts a hall’s moves per role pair within the span, as Sankey nodes and links', async () => {
      expect(
        await flows('fuyang-clerk', FY, 'from=2019-01-01&to=2020-12-31'),
      ).toEqual({
        from: '2019-01-01',
        to: '2020-12-31',
        nodes: [
          { id: 'from:department_clerk', label: 'department_clerk' },
          { id: 'from:comprehensive_clerk', label: 'comprehensive_clerk' },
          { id: 'from:back_office', label: 'back_office' },
          { id: 'to:comprehensive_clerk', label: 'comprehensive_clerk' },
          { id: 'to:self_service_guide', label: 'self_service_guide' },
          { id: 'to:left', label: 'left' },
        ],
        links: [
          {
            source: 'from:department_clerk',
            target: 'to:comprehensive_clerk',
            value: 1,
          },
          {
            source: 'from:comprehensive_clerk',
            target: 'to:self_service_guide',
            value: 1,
          },
          { source: 'from:back_office', target: 'to:left', value: 1 },
        ],
        total: 3,
      });
      // both ends of the span count; today's move is inside a span ending today
      const spring = await flows(
        'hz-reform',
        FY,
        `from=2020-04-01&to=${today}`,
      );
      expect(spring.links).toEqual([
        {
          source: 'from:department_clerk',
          target: 'to:online_coach',
          value: 1,
        },
        {
          source: 'from:comprehensive_clerk',
          target: 'to:self_service_guide',
          value: 1,
        },
        { source: 'from:back_office', target: 'to:left', value: 1 },
      ]);
      expect(spring.total).toBe(3);
      expect(await flows('admin', FY, 'from=2019-05-07&to=2020-03-31')).toEqual(
        {
          from: '2019-05-07',
          to: '2020-03-31',
          nodes: [],
          links: [],
          total: 0,
        },
      );
    });

    it('sums over every hall of a region subtree, within the reader’s scope', async () => {
      // Yiwu (Jinhua) already moved one clerk to a comprehensive window on 2019-05-06; two more
      for (const [name, toRole] of [
        ['骆晓梅', 'comprehensive_clerk'],
        ['施浩然', 'self_service_guide'],
      ]) {
        const staffId = await addStaff('yiwu-manager', FIX.yiwu, {
          name,
          role: 'department_clerk',
        });
        await move('yiwu-manager', FIX.yiwu, {
          staffId,
          toRole,
          toPlace:
            toRole === 'self_service_guide' ? '社保网办自助服务区' : null,
          effectiveDate: '2019-05-06',
        });
      }
      // Lishui (a third city) by an admin
      const lishuiStaff = await addStaff('admin', FIX.lishui, {
        name: '叶飞',
        role: 'agent',
      });
      await move('admin', FIX.lishui, {
        staffId: lishuiStaff,
        toRole: 'township_centre',
        effectiveDate: '2020-03-01',
      });

      const span = 'from=2019-01-01&to=2020-12-31';
      const yiwu = {
        from: '2019-01-01',
        to: '2020-12-31',
        nodes: [
          { id: 'from:department_clerk', label: 'department_clerk' },
          { id: 'to:comprehensive_clerk', label: 'comprehensive_clerk' },
          { id: 'to:self_service_guide', label: 'self_service_guide' },
        ],
        links: [
          {
            source: 'from:department_clerk',
            target: 'to:comprehensive_clerk',
            value: 2,
          },
          {
            source: 'from:department_clerk',
            target: 'to:self_service_guide',
            value: 1,
          },
        ],
        total: 3,
      };
      expect(await flows('yiwu-manager', YW, span)).toEqual(yiwu);
      expect(await flows('zj-reform', '/api/v1/regions/330700', span)).toEqual(
        yiwu,
      );
      const fuyang = await flows('fuyang-manager', FY, span);
      expect(await flows('hz-reform', '/api/v1/regions/330100', span)).toEqual(
        fuyang,
      );
      expect(await flows('hz-reform', '/api/v1/regions/330111', span)).toEqual(
        fuyang,
      );

      const province = {
        from: '2019-01-01',
        to: '2020-12-31',
        nodes: [
          { id: 'from:department_clerk', label: 'department_clerk' },
          { id: 'from:comprehensive_clerk', label: 'comprehensive_clerk' },
          { id: 'from:agent', label: 'agent' },
          { id: 'from:back_office', label: 'back_office' },
          { id: 'to:comprehensive_clerk', label: 'comprehensive_clerk' },
          { id: 'to:self_service_guide', label: 'self_service_guide' },
          { id: 'to:township_centre', label: 'township_centre' },
          { id: 'to:left', label: 'left' },
        ],
        links: [
          // Fuyang 1 + Yiwu 2
          {
            source: 'from:department_clerk',
            target: 'to:comprehensive_clerk',
            value: 3,
          },
          {
            source: 'from:department_clerk',
            target: 'to:self_service_guide',
            value: 1,
          },
          {
            source: 'from:comprehensive_clerk',
            target: 'to:self_service_guide',
            value: 1,
          },
          { source: 'from:agent', target: 'to:township_centre', value: 1 },
          { source: 'from:back_office', target: 'to:left', value: 1 },
        ],
        total: 7,
      };
      expect(await flows('zj-reform', '/api/v1/regions/330000', span)).toEqual(
        province,
      );
      expect(await flows('admin', '/api/v1/regions/330000', span)).toEqual(
        province,
      );
      // the province equals its three halls added up
      const lishui = await flows('admin', LS, span);
      expect(lishui.total + fuyang.total + yiwu.total).toBe(province.total);
    });

    it('rejects bad spans and regions, and readers outside the scope', async () => {
      for (const query of [
        'from=2020-02-01&to=2020-01-01',
        'from=2020-02-30&to=2020-03-01',
        'from=20200101&to=2020-03-01',
        'to=2020-03-01',
        'from=2020-01-01',
      ]) {
        await rejected(400, 'admin', (a) =>
          a.get(`${FY}/reassignments/flows?${query}`),
        );
        await rejected(400, 'admin', (a) =>
          a.get(`/api/v1/regions/330000/reassignments/flows?${query}`),
        );
      }
      const span = 'from=2019-01-01&to=2020-12-31';
      await rejected(404, 'admin', (a) =>
        a.get(`/api/v1/regions/339999/reassignments/flows?${span}`),
      );
      await rejected(400, 'admin', (a) =>
        a.get(`/api/v1/regions/abc/reassignments/flows?${span}`),
      );
      await rejected(404, 'admin', (a) =>
        a.get(`/api/v1/halls/${UNKNOWN}/reassignments/flows?${span}`),
      );
      // a city's reform office: not its parent province, not another city
      await rejected(403, 'hz-reform', (a) =>
        a.get(`/api/v1/regions/330000/reassignments/flows?${span}`),
      );
      await rejected(403, 'hz-reform', (a) =>
        a.get(`/api/v1/regions/330700/reassignments/flows?${span}`),
      );
      // hall people never read region figures, not even of their own county
      for (const user of ['fuyang-manager', 'fuyang-clerk', 'yiwu-manager']) {
        await rejected(403, user, (a) =>
          a.get(`/api/v1/regions/330111/reassignments/flows?${span}`),
        );
      }
    });
  });

  describe('access', () => {
    const writes = (staffId: string): ((a: Agent) => Test)[] => [
      (a) => a.post(`${FY}/staff`).send({ name: '新人', role: 'agent' }),
      (a) => a.patch(`${FY}/staff/${staffId}`).send({ name: '改名' }),
      (a) =>
        a.post(`${FY}/reassignments`).send({
          staffId,
          toRole: 'agent',
          effectiveDate: today,
        }),
    ];

    it('forbids writes to clerks, managers of another hall and every reform office', async () => {
      for (const user of [
        'fuyang-clerk',
        'yiwu-manager',
        'hz-reform',
        'zj-reform',
      ]) {
        for (const call of writes(ids.wang)) await rejected(403, user, call);
      }
    });

    it('forbids reads outside the reader’s hall or region', async () => {
      const span = 'from=2019-01-01&to=2020-12-31';
      for (const [user, path] of [
        ['hz-reform', YW],
        ['hz-reform', LS],
        ['fuyang-manager', YW],
        ['fuyang-clerk', YW],
        ['yiwu-manager', FY],
      ]) {
        await rejected(403, user, (a) => a.get(`${path}/staff`));
        await rejected(403, user, (a) => a.get(`${path}/reassignments`));
        await rejected(403, user, (a) =>
          a.get(`${path}/reassignments/flows?${span}`),
        );
      }
    });

    it('documents the endpoints under Administration', async () => {
      const doc = (await h.http().get('/api/docs-json').expect(200)).body;
      for (const [path, method] of [
        ['/api/v1/halls/{hallId}/staff', 'get'],
        ['/api/v1/halls/{hallId}/staff', 'post'],
        ['/api/v1/halls/{hallId}/staff/{staffId}', 'patch'],
        ['/api/v1/halls/{hallId}/reassignments', 'get'],
        ['/api/v1/halls/{hallId}/reassignments', 'post'],
        ['/api/v1/halls/{hallId}/reassignments/flows', 'get'],
        ['/api/v1/regions/{code}/reassignments/flows', 'get'],
      ]) {
        expect(doc.paths[path]?.[method]?.tags).toEqual(['Administration']);
      }
      expect(
        doc.paths['/api/v1/halls/{hallId}/reassignments/flows'].get.responses[
          '200'
        ].content['application/json'].schema.example.links[0],
      ).toEqual({
        source: 'from:department_clerk',
        target: 'to:comprehensive_clerk',
        value: 24,
      });
      expect(
        doc.components.schemas.CreateReassignmentDto.properties.effectiveDate
          .example,
      ).toBe('2020-04-01');
    });
  });
});
