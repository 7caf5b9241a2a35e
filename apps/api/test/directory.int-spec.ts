import {
  expectErrorBody,
  FIX,
  Harness,
  PASSWORD,
  startHarness,
} from './harness';

/** Today in Asia/Shanghai, as the API counts days. */
const today = () =>
  new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('Directory and administration (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  const auth = async (user: string) => ({
    Authorization: `Bearer ${await h.token(user)}`,
  });

  beforeAll(async () => {
    h = await startHarness('directory');
  });
  afterAll(async () => h?.close());

  describe('regions', () => {
    it('lists top-level and child regions, and one region', async () => {
      const top = await h
        .http()
        .get('/api/v1/regions')
        .set(await auth('admin'))
        .expect(200);
      expect(top.body).toEqual({
        items: [
          {
            code: '330000',
            name: '浙江省',
            level: 'province',
            parentCode: null,
          },
        ],
        total: 1,
      });
      const cities = await h
        .http()
        .get('/api/v1/regions?parent=330000')
        .set(await auth('fuyang-clerk'))
        .expect(200);
      expect(cities.body.items.map((r: { code: string }) => r.code)).toEqual([
        '330100',
        '330700',
        '331100',
      ]);
      const limited = await h
        .http()
        .get('/api/v1/regions?parent=330000&limit=1&offset=1')
        .set(await auth('admin'))
        .expect(200);
      expect(limited.body).toEqual({
        items: [expect.objectContaining({ code: '330700' })],
        total: 3,
      });
      const one = await h
        .http()
        .get('/api/v1/regions/330111')
        .set(await auth('admin'))
        .expect(200);
      expect(one.body).toEqual({
        code: '330111',
        name: '富阳区',
        level: 'county',
        parentCode: '330100',
      });
    });

    it('answers 404 for unknown and 400 for malformed codes', async () => {
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/regions/999999')
            .set(await auth('admin'))
            .expect(404)
        ).body,
        404,
      );
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/regions/abc')
            .set(await auth('admin'))
            .expect(400)
        ).body,
        400,
      );
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/regions?limit=0')
            .set(await auth('admin'))
            .expect(400)
        ).body,
        400,
      );
    });
  });

  describe('halls', () => {
    const ids = (body: { items: { id: string }[] }) =>
      body.items.map((x) => x.id).sort();

    it('lists the halls of a region subtree, within each role scope', async () => {
      const all = [FIX.fuyang, FIX.yiwu, FIX.lishui].sort();
      expect(
        ids(
          (
            await h
              .http()
              .get('/api/v1/halls?region=330000')
              .set(await auth('admin'))
              .expect(200)
          ).body,
        ),
      ).toEqual(all);
      expect(
        ids(
          (
            await h
              .http()
              .get('/api/v1/halls?region=330000')
              .set(await auth('zj-reform'))
              .expect(200)
          ).body,
        ),
      ).toEqual(all);
      expect(
        ids(
          (
            await h
              .http()
              .get('/api/v1/halls?region=330700')
              .set(await auth('zj-reform'))
              .expect(200)
          ).body,
        ),
      ).toEqual([FIX.yiwu]);
      expect(
        ids(
          (
            await h
              .http()
              .get('/api/v1/halls')
              .set(await auth('hz-reform'))
              .expect(200)
          ).body,
        ),
      ).toEqual([FIX.fuyang]);
      expect(
        ids(
          (
            await h
              .http()
              .get('/api/v1/halls?region=330000')
              .set(await auth('fuyang-manager'))
              .expect(200)
          ).body,
        ),
      ).toEqual([FIX.fuyang]);
      expect(
        ids(
          (
            await h
              .http()
              .get('/api/v1/halls?region=330700')
              .set(await auth('fuyang-clerk'))
              .expect(200)
          ).body,
        ),
      ).toEqual([]);
      const hall = await h
        .http()
        .get('/api/v1/halls?region=330111')
        .set(await auth('admin'))
        .expect(200);
      expect(hall.body.items[0]).toEqual({
        id: FIX.fuyang,
        name: '杭州市富阳区行政服务中心',
        regionCode: '330111',
        kind: 'county_center',
        timezone: 'Asia/Shanghai',
        openingHours: {
          weekdays: [1, 2, 3, 4, 5],
          open: '08:30',
          close: '17:00',
        },
      });
    });

    it('refuses regions and halls outside the scope with 403', async () => {
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/halls?region=330000')
            .set(await auth('hz-reform'))
            .expect(403)
        ).body,
        403,
      );
      expectErrorBody(
        (
          await h
            .http()
            .get(`/api/v1/halls/${FIX.yiwu}`)
            .set(await auth('hz-reform'))
            .expect(403)
        ).body,
        403,
      );
      expectErrorBody(
        (
          await h
            .http()
            .get(`/api/v1/halls/${FIX.fuyang}`)
            .set(await auth('yiwu-manager'))
            .expect(403)
        ).body,
        403,
      );
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}`)
        .set(await auth('hz-reform'))
        .expect(200);
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}`)
        .set(await auth('fuyang-clerk'))
        .expect(200);
    });

    it('answers 404 for unknown halls and regions, 400 for malformed ids', async () => {
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/halls/99999999-9999-4999-8999-999999999999')
            .set(await auth('admin'))
            .expect(404)
        ).body,
        404,
      );
      const bad = await h
        .http()
        .get('/api/v1/halls/not-a-uuid')
        .set(await auth('admin'))
        .expect(400);
      expect(bad.body.details).toEqual([
        { field: 'hallId', problems: ['must be a UUID'] },
      ]);
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/halls?region=999999')
            .set(await auth('admin'))
            .expect(404)
        ).body,
        404,
      );
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/halls?region=abc')
            .set(await auth('admin'))
            .expect(400)
        ).body,
        400,
      );
    });

    it('lets only admins create halls, validates, and audits', async () => {
      for (const user of ['fuyang-manager', 'zj-reform', 'fuyang-clerk']) {
        expectErrorBody(
          (
            await h
              .http()
              .post('/api/v1/halls')
              .set(await auth(user))
              .send({
                name: '新大厅',
                regionCode: '330111',
                kind: 'township_center',
              })
              .expect(403)
          ).body,
          403,
        );
      }
      const bad = await h
        .http()
        .post('/api/v1/halls')
        .set(await auth('admin'))
        .send({ name: '新大厅', regionCode: '330111', kind: 'mall' })
        .expect(400);
      expect(bad.body.details).toEqual([
        expect.objectContaining({ field: 'kind' }),
      ]);
      const unknown = await h
        .http()
        .post('/api/v1/halls')
        .set(await auth('admin'))
        .send({ name: '新大厅', regionCode: '339999', kind: 'township_center' })
        .expect(400);
      expect(unknown.body.details).toEqual([
        expect.objectContaining({ field: 'regionCode' }),
      ]);
      expect(
        await h.sql(`SELECT 1 FROM halls WHERE name = '新大厅'`),
      ).toHaveLength(0);

      const created = await h
        .http()
        .post('/api/v1/halls')
        .set(await auth('admin'))
        .send({
          name: '富春街道便民服务中心',
          regionCode: '330111',
          kind: 'township_center',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        name: '富春街道便民服务中心',
        regionCode: '330111',
        kind: 'township_center',
      });
      const [audit] = await h.sql<{
        action: string;
        actor_name: string;
        after: { id: string };
      }>(
        `SELECT action, actor_name, after FROM audit_log WHERE entity_id = $1`,
        [created.body.id],
      );
      expect(audit).toMatchObject({
        action: 'hall.create',
        actor_name: 'admin',
        after: { id: created.body.id },
      });
    });
  });

  describe('catalog', () => {
    it('lists categories with their ticket prefixes', async () => {
      const res = await h
        .http()
        .get('/api/v1/categories')
        .set(await auth('fuyang-clerk'))
        .expect(200);
      expect(res.body).toEqual([
        {
          code: 'social_security',
          name: '社会保障',
          ticketPrefix: 'A',
          specialist: false,
        },
        {
          code: 'medical_insurance',
          name: '医疗保障',
          ticketPrefix: 'B',
          specialist: false,
        },
        {
          code: 'market_regulation',
          name: '市场监管',
          ticketPrefix: 'C',
          specialist: false,
        },
      ]);
    });

    it('searches service items by plain language, name and code, and filters by category', async () => {
      const q = async (params: Record<string, string>) =>
        (
          await h
            .http()
            .get('/api/v1/service-items')
            .query(params)
            .set(await auth('admin'))
            .expect(200)
        ).body;
      expect((await q({ q: '营业执照' })).items[0].code).toBe('MR-0002');
      expect((await q({ q: '医保卡余额给家人用' })).items[0].code).toBe(
        'MI-0001',
      );
      expect((await q({ q: 'MR-0001' })).items[0]).toMatchObject({
        code: 'MR-0001',
        name: '企业设立登记',
        category: { code: 'market_regulation', name: '市场监管' },
        score: 1,
      });
      const cat = await q({ category: 'market_regulation' });
      expect(cat.items.map((i: { code: string }) => i.code)).toEqual([
        'MR-0001',
        'MR-0002',
      ]);
      expect(cat.total).toBe(2);
      expectErrorBody(
        (
          await h
            .http()
            .get('/api/v1/service-items?category=nope')
            .set(await auth('admin'))
            .expect(400)
        ).body,
        400,
      );
      // the kiosk search pages at most 100 items and 20 by default
      await h
        .http()
        .get('/api/v1/service-items?limit=101')
        .set(await auth('admin'))
        .expect(400);
      const page = await h
        .http()
        .get('/api/v1/service-items?limit=2&offset=1')
        .set(await auth('admin'))
        .expect(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBe(4);
      expect(
        (
          await h
            .http()
            .get('/api/v1/service-items')
            .set(await auth('admin'))
            .expect(200)
        ).body.items,
      ).toHaveLength(4);
    });
  });

  describe('users', () => {
    const newUser = (over: Record<string, unknown>) => ({
      username: 'new-clerk',
      password: 'long-enough-pw',
      role: 'clerk',
      hallId: FIX.fuyang,
      ...over,
    });

    it('admins create any user; the new user logs in; the write is audited', async () => {
      const res = await h
        .http()
        .post('/api/v1/users')
        .set(await auth('admin'))
        .send(
          newUser({
            username: 'li-reform',
            role: 'reform_office',
            hallId: undefined,
            regionCode: '331100',
          }),
        )
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        username: 'li-reform',
        role: 'reform_office',
        regionCode: '331100',
      });
      await h
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'li-reform', password: 'long-enough-pw' })
        .expect(200);
      expect(
        await h.sql(`SELECT action FROM audit_log WHERE entity_id = $1`, [
          res.body.id,
        ]),
      ).toEqual([{ action: 'user.create' }]);
      const [stored] = await h.sql<{ password_hash: string }>(
        `SELECT password_hash FROM users WHERE id = $1`,
        [res.body.id],
      );
      expect(stored.password_hash).toMatch(/^\$2[aby]\$10\$/);
    });

    it('hall managers create only clerks of their own hall', async () => {
      await h
        .http()
        .post('/api/v1/users')
        .set(await auth('fuyang-manager'))
        .send(newUser({ username: 'fy-clerk-2' }))
        .expect(201);
      await h
        .http()
        .post('/api/v1/users')
        .set(await auth('fuyang-manager'))
        .send(newUser({ username: 'fy-clerk-3', hallId: FIX.yiwu }))
        .expect(403);
      await h
        .http()
        .post('/api/v1/users')
        .set(await auth('fuyang-manager'))
        .send(newUser({ username: 'fy-mgr-2', role: 'hall_manager' }))
        .expect(403);
      await h
        .http()
        .post('/api/v1/users')
        .set(await auth('fuyang-clerk'))
        .send(newUser({ username: 'fy-clerk-4' }))
        .expect(403);
      await h
        .http()
        .post('/api/v1/users')
        .set(await auth('zj-reform'))
        .send(newUser({ username: 'fy-clerk-5' }))
        .expect(403);
      expect(
        await h.sql(`SELECT username FROM users WHERE username LIKE 'fy-%'`),
      ).toEqual([{ username: 'fy-clerk-2' }]);
    });

    it('validates scope, duplicates and fields', async () => {
      const cases: [Record<string, unknown>, number, string?][] = [
        [newUser({ username: 'x-clerk', hallId: undefined }), 400, 'hallId'],
        [
          newUser({
            username: 'x-reform',
            role: 'reform_office',
            hallId: undefined,
          }),
          400,
          'regionCode',
        ],
        [newUser({ username: 'x-admin', role: 'admin' }), 400, 'hallId'],
        [newUser({ username: 'x-short', password: 'short' }), 400, 'password'],
        [newUser({ username: 'X Bad Name' }), 400, 'username'],
        [newUser({ username: 'x-role', role: 'root' }), 400, 'role'],
        [
          newUser({
            username: 'x-hall',
            hallId: '99999999-9999-4999-8999-999999999999',
          }),
          400,
          'hallId',
        ],
        [newUser({ username: 'admin' }), 409],
      ];
      for (const [body, status, field] of cases) {
        const res = await h
          .http()
          .post('/api/v1/users')
          .set(await auth('admin'))
          .send(body)
          .expect(status);
        expectErrorBody(res.body, status);
        if (field)
          expect(
            res.body.details.map((d: { field: string }) => d.field),
          ).toContain(field);
      }
      expect(
        await h.sql(`SELECT username FROM users WHERE username LIKE 'x-%'`),
      ).toEqual([]);
    });
  });

  describe('windows', () => {
    const base = `/api/v1/halls/${FIX.fuyang}/windows`;

    it('lets the manager open, convert and retire windows, each an event and an audit row', async () => {
      const a = await h
        .http()
        .post(base)
        .set(await auth('fuyang-manager'))
        .send({
          label: 'A01',
          mode: 'department',
          categoryCodes: ['social_security'],
        })
        .expect(201);
      expect(a.body).toEqual({
        id: expect.any(String),
        label: 'A01',
        mode: 'department',
        categoryCodes: ['social_security'],
        state: 'closed',
        openedOn: today(),
        retiredOn: null,
      });
      const conv = await h
        .http()
        .patch(`${base}/${a.body.id}`)
        .set(await auth('fuyang-manager'))
        .send({ mode: 'comprehensive' })
        .expect(200);
      expect(conv.body).toMatchObject({
        mode: 'comprehensive',
        categoryCodes: [],
      });
      const listed = await h
        .http()
        .get(base)
        .set(await auth('fuyang-clerk'))
        .expect(200);
      expect(listed.body).toEqual([conv.body]);
      const retired = await h
        .http()
        .post(`${base}/${a.body.id}/retire`)
        .set(await auth('fuyang-manager'))
        .expect(200);
      expect(retired.body.state).toBe('retired');
      expectErrorBody(
        (
          await h
            .http()
            .post(`${base}/${a.body.id}/retire`)
            .set(await auth('fuyang-manager'))
            .expect(409)
        ).body,
        409,
      );
      expect(
        (
          await h
            .http()
            .get(base)
            .set(await auth('fuyang-clerk'))
            .expect(200)
        ).body,
      ).toEqual([]);
      expect(
        (
          await h
            .http()
            .get(`${base}?includeRetired=true`)
            .set(await auth('fuyang-clerk'))
            .expect(200)
        ).body,
      ).toHaveLength(1);

      const events = await h.sql<{ kind: string }>(
        `SELECT kind FROM window_events WHERE window_id = $1 ORDER BY id`,
        [a.body.id],
      );
      expect(events.map((e) => e.kind)).toEqual([
        'opened',
        'converted',
        'retired',
      ]);
      const audit = await h.sql<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [a.body.id],
      );
      expect(audit.map((e) => e.action)).toEqual([
        'window.create',
        'window.update',
        'window.retire',
      ]);
      // boards and dashboards hear of each change live
      const live = await h.sql<{ type: string; state: string; mode: string }>(
        `SELECT type, payload->>'state' AS state, payload->>'mode' AS mode FROM hall_events
         WHERE hall_id = $1 AND payload->>'id' = $2 ORDER BY seq`,
        [FIX.fuyang, a.body.id],
      );
      expect(live).toEqual([
        { type: 'window.changed', state: 'closed', mode: 'department' },
        { type: 'window.changed', state: 'closed', mode: 'comprehensive' },
        { type: 'window.changed', state: 'retired', mode: 'comprehensive' },
      ]);
    });

    it('refuses bad input and other roles, changing nothing', async () => {
      const before = await h.sql('SELECT count(*)::int AS n FROM windows');
      const cases: [string, Record<string, unknown>, number][] = [
        ['fuyang-manager', { label: 'B01', mode: 'department' }, 400],
        [
          'fuyang-manager',
          { label: 'B01', mode: 'department', categoryCodes: ['nope'] },
          400,
        ],
        ['fuyang-manager', { label: 'B01', mode: 'sideways' }, 400],
        ['fuyang-manager', { label: '', mode: 'comprehensive' }, 400],
        ['fuyang-clerk', { label: 'B01', mode: 'comprehensive' }, 403],
        ['zj-reform', { label: 'B01', mode: 'comprehensive' }, 403],
        ['yiwu-manager', { label: 'B01', mode: 'comprehensive' }, 403],
      ];
      for (const [user, body, status] of cases) {
        expectErrorBody(
          (
            await h
              .http()
              .post(base)
              .set(await auth(user))
              .send(body)
              .expect(status)
          ).body,
          status,
        );
      }
      await h
        .http()
        .post(base)
        .set(await auth('fuyang-manager'))
        .send({ label: 'C01', mode: 'comprehensive' })
        .expect(201);
      expectErrorBody(
        (
          await h
            .http()
            .post(base)
            .set(await auth('fuyang-manager'))
            .send({ label: 'C01', mode: 'comprehensive' })
            .expect(409)
        ).body,
        409,
      );
      expect(await h.sql('SELECT count(*)::int AS n FROM windows')).toEqual([
        { n: (before[0] as { n: number }).n + 1 },
      ]);
      expectErrorBody(
        (
          await h
            .http()
            .patch(`${base}/not-a-uuid`)
            .set(await auth('fuyang-manager'))
            .send({ mode: 'department' })
            .expect(400)
        ).body,
        400,
      );
      expectErrorBody(
        (
          await h
            .http()
            .patch(`${base}/99999999-9999-4999-8999-999999999999`)
            .set(await auth('fuyang-manager'))
            .send({ mode: 'comprehensive' })
            .expect(404)
        ).body,
        404,
      );
    });

    it('derives the window count per day and mode from the lifecycle events', async () => {
      const [w1, w2, w3] = await h.sql<{ id: string }>(
        `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on) VALUES
           ($1, 'Y1', 'department', '{social_security}', 'closed', '2019-01-01'),
           ($1, 'Y2', 'department', '{social_security}', 'closed', '2019-01-01'),
           ($1, 'Y3', 'department', '{medical_insurance}', 'closed', '2019-01-01') RETURNING id`,
        [FIX.yiwu],
      );
      await h.sql(
        `INSERT INTO window_events (hall_id, window_id, kind, effective_date, mode) VALUES
           ($1, $2, 'opened', '2019-01-01', 'department'), ($1, $3, 'opened', '2019-01-01', 'department'),
           ($1, $4, 'opened', '2019-01-01', 'department'),
           ($1, $2, 'converted', '2019-06-01', 'comprehensive'),
           ($1, $3, 'retired', '2019-09-01', NULL)`,
        [FIX.yiwu, w1.id, w2.id, w3.id],
      );
      const res = await h
        .http()
        .get(
          `/api/v1/halls/${FIX.yiwu}/windows/history?from=2019-05-31&to=2019-09-02`,
        )
        .set(await auth('zj-reform'))
        .expect(200);
      const day = (d: string) =>
        res.body.days.find((x: { date: string }) => x.date === d);
      expect(res.body.days).toHaveLength(95);
      expect(day('2019-05-31')).toEqual({
        date: '2019-05-31',
        department: 3,
        comprehensive: 0,
        total: 3,
      });
      expect(day('2019-06-01')).toEqual({
        date: '2019-06-01',
        department: 2,
        comprehensive: 1,
        total: 3,
      });
      expect(day('2019-08-31')).toEqual({
        date: '2019-08-31',
        department: 2,
        comprehensive: 1,
        total: 3,
      });
      expect(day('2019-09-01')).toEqual({
        date: '2019-09-01',
        department: 1,
        comprehensive: 1,
        total: 2,
      });

      await h
        .http()
        .get(
          `/api/v1/halls/${FIX.yiwu}/windows/history?from=2019-09-02&to=2019-05-31`,
        )
        .set(await auth('admin'))
        .expect(400);
      await h
        .http()
        .get(
          `/api/v1/halls/${FIX.yiwu}/windows/history?from=2019-02-30&to=2019-05-31`,
        )
        .set(await auth('admin'))
        .expect(400);
      await h
        .http()
        .get(`/api/v1/halls/${FIX.yiwu}/windows/history?from=2019-01-01`)
        .set(await auth('admin'))
        .expect(400);
      await h
        .http()
        .get(
          `/api/v1/halls/${FIX.yiwu}/windows/history?from=2019-01-01&to=2019-02-01`,
        )
        .set(await auth('fuyang-manager'))
        .expect(403);
    });
  });

  it('never leaks internals in error bodies', async () => {
    const res = await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/windows?includeRetired=maybe`)
      .set(await auth('admin'))
      .expect(400);
    expectErrorBody(res.body, 400);
    const unknown = await h
      .http()
      .get('/api/v1/nothing-here')
      .set(await auth('admin'))
      .expect(404);
    expectErrorBody(unknown.body, 404);
    void PASSWORD;
  });
});
