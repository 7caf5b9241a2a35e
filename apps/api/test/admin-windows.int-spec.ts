import { expectErrorBody, FIX, startHarness, type Harness } from './harness';

/** Today in Asia/Shanghai and the day after, as the API counts days. */
const today = () =>
  new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const tomorrow = () =>
  new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);

describe('Window lifecycle, audit log and roles (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('admin_windows');
  });
  afterAll(() => h?.close());

  const as = async (username: string) => ({
    Authorization: `Bearer ${await h.token(username)}`,
  });
  const base = `/api/v1/halls/${FIX.fuyang}/windows`;
  const counts = async () =>
    (
      await h.sql<{ windows: number; events: number; audit: number }>(
        `SELECT (SELECT count(*)::int FROM windows) AS windows,
                (SELECT count(*)::int FROM window_events) AS events,
                (SELECT count(*)::int FROM audit_log) AS audit`,
      )
    )[0];
  const history = async (from: string, to: string) =>
    (
      await h
        .http()
        .get(`${base}/history`)
        .query({ from, to })
        .set(await as('fuyang-manager'))
        .expect(200)
    ).body.days as {
      date: string;
      department: number;
      comprehensive: number;
    }[];
  const layout = async (asOf: string) =>
    (
      await h
        .http()
        .get(base)
        .query({ asOf })
        .set(await as('fuyang-clerk'))
        .expect(200)
    ).body as { id: string; mode: string; categoryCodes: string[] }[];

  let windowId = '';

  it('records a window opened in the past, a back-dated conversion and a back-dated retirement, and history follows', async () => {
    const before = await counts();
    const created = await h
      .http()
      .post(base)
      .set(await as('fuyang-manager'))
      .send({
        label: 'H1',
        mode: 'department',
        categoryCodes: ['social_security'],
        effectiveDate: '2019-01-01',
        note: '社保专窗',
      })
      .expect(201);
    windowId = created.body.id;
    expect(created.body).toMatchObject({
      label: 'H1',
      mode: 'department',
      openedOn: '2019-01-01',
      retiredOn: null,
    });
    const converted = await h
      .http()
      .patch(`${base}/${windowId}`)
      .set(await as('fuyang-manager'))
      .send({
        mode: 'comprehensive',
        effectiveDate: '2019-07-01',
        note: '并入无差别受理',
      })
      .expect(200);
    expect(converted.body).toMatchObject({
      mode: 'comprehensive',
      categoryCodes: [],
    });

    const days = await history('2018-12-31', '2019-07-02');
    const on = (d: string) => days.find((x) => x.date === d);
    expect(on('2018-12-31')).toMatchObject({ department: 0, comprehensive: 0 });
    expect(on('2019-01-01')).toMatchObject({ department: 1, comprehensive: 0 });
    expect(on('2019-06-30')).toMatchObject({ department: 1, comprehensive: 0 });
    expect(on('2019-07-01')).toMatchObject({ department: 0, comprehensive: 1 });

    expect(await layout('2018-12-31')).toEqual([]);
    expect(await layout('2019-03-01')).toEqual([
      expect.objectContaining({
        id: windowId,
        mode: 'department',
        categoryCodes: ['social_security'],
      }),
    ]);
    expect(await layout('2019-08-01')).toEqual([
      expect.objectContaining({ id: windowId, mode: 'comprehensive' }),
    ]);

    await h
      .http()
      .post(`${base}/${windowId}/retire`)
      .set(await as('fuyang-manager'))
      .send({ effectiveDate: '2019-12-31', note: '窗口精简' })
      .expect(200);
    expect(await layout('2019-12-30')).toHaveLength(1);
    expect(await layout('2019-12-31')).toEqual([]);
    const end = await history('2019-12-30', '2019-12-31');
    expect(end.map((d) => d.comprehensive)).toEqual([1, 0]);

    // three changes: three lifecycle events and three audit rows, each with before and after
    const after = await counts();
    expect(after.events - before.events).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    const audit = await h
      .http()
      .get('/api/v1/audit')
      .query({ entityType: 'window' })
      .set(await as('fuyang-manager'))
      .expect(200);
    expect(
      audit.body.items.map((a: { action: string }) => a.action).slice(0, 3),
    ).toEqual(['window.retire', 'window.update', 'window.create']);
    expect(audit.body.items[0]).toMatchObject({
      actor: { name: 'fuyang-manager' },
      entityId: windowId,
      hallId: FIX.fuyang,
      before: { state: 'closed', mode: 'comprehensive' },
      after: { state: 'retired', retiredOn: '2019-12-31' },
      requestId: expect.any(String),
    });
    expect(audit.body.items[2].before).toBeNull();
  });

  it('keeps each window’s changes in date order and never in the future; every refusal changes nothing', async () => {
    const created = await h
      .http()
      .post(base)
      .set(await as('fuyang-manager'))
      .send({ label: 'H2', mode: 'comprehensive', effectiveDate: '2020-01-01' })
      .expect(201);
    await h
      .http()
      .patch(`${base}/${created.body.id}`)
      .set(await as('fuyang-manager'))
      .send({
        mode: 'department',
        categoryCodes: ['medical_insurance'],
        effectiveDate: '2020-03-01',
      })
      .expect(200);
    const before = await counts();
    const manager = await as('fuyang-manager');
    const cases: [
      string,
      () => Promise<{ status: number; body: unknown }>,
      number,
    ][] = [
      [
        'conversion dated before a later change',
        () =>
          h
            .http()
            .patch(`${base}/${created.body.id}`)
            .set(manager)
            .send({ mode: 'comprehensive', effectiveDate: '2020-02-01' }),
        409,
      ],
      [
        'retirement dated before a later change',
        () =>
          h
            .http()
            .post(`${base}/${created.body.id}/retire`)
            .set(manager)
            .send({ effectiveDate: '2019-12-31' }),
        409,
      ],
      [
        'conversion in the future',
        () =>
          h
            .http()
            .patch(`${base}/${created.body.id}`)
            .set(manager)
            .send({ mode: 'comprehensive', effectiveDate: tomorrow() }),
        400,
      ],
      [
        'window opened in the future',
        () =>
          h.http().post(base).set(manager).send({
            label: 'H9',
            mode: 'comprehensive',
            effectiveDate: tomorrow(),
          }),
        400,
      ],
      [
        'not a real date',
        () =>
          h.http().post(base).set(manager).send({
            label: 'H9',
            mode: 'comprehensive',
            effectiveDate: '2019-02-30',
          }),
        400,
      ],
      [
        'not a date at all',
        () =>
          h
            .http()
            .post(`${base}/${created.body.id}/retire`)
            .set(manager)
            .send({ effectiveDate: 'yesterday' }),
        400,
      ],
      [
        'unknown window',
        () =>
          h
            .http()
            .patch(`${base}/00000000-0000-4000-8000-000000000000`)
            .set(manager)
            .send({ mode: 'comprehensive' }),
        404,
      ],
      [
        'window of another hall',
        () =>
          h
            .http()
            .post(`/api/v1/halls/${FIX.yiwu}/windows/${created.body.id}/retire`)
            .set(manager)
            .send({}),
        403,
      ],
      [
        'layout on a future day',
        () => h.http().get(base).query({ asOf: tomorrow() }).set(manager),
        400,
      ],
      [
        'layout on a malformed day',
        () => h.http().get(base).query({ asOf: '2020-13-01' }).set(manager),
        400,
      ],
    ];
    for (const [name, send, status] of cases) {
      const res = await send();
      expect({ name, status: res.status }).toEqual({ name, status });
      expectErrorBody(res.body, status);
    }
    expect(await counts()).toEqual(before);
    // today is allowed, and retiring twice is a conflict
    await h
      .http()
      .post(`${base}/${created.body.id}/retire`)
      .set(manager)
      .send({ effectiveDate: today() })
      .expect(200);
    const twice = await h
      .http()
      .post(`${base}/${created.body.id}/retire`)
      .set(manager)
      .expect(409);
    expectErrorBody(twice.body, 409);
  });

  it('lets each role do only what it may with windows and the audit log', async () => {
    const yiwu = `/api/v1/halls/${FIX.yiwu}/windows`;
    const expectStatus = async (
      username: string,
      method: 'get' | 'post',
      path: string,
      status: number,
      body?: object,
    ) => {
      const req = h
        .http()
        [method](path)
        .set(await as(username));
      const res = await (body ? req.send(body) : req);
      expect({ username, method, path, status: res.status }).toEqual({
        username,
        method,
        path,
        status,
      });
      if (status >= 400) expectErrorBody(res.body, status);
    };
    const newWindow = { label: 'R1', mode: 'comprehensive' };
    await expectStatus('fuyang-clerk', 'get', base, 200);
    await expectStatus('fuyang-clerk', 'post', base, 403, newWindow);
    await expectStatus('fuyang-clerk', 'get', yiwu, 403);
    await expectStatus('zj-reform', 'get', yiwu, 200);
    await expectStatus('zj-reform', 'post', yiwu, 403, newWindow);
    await expectStatus('hz-reform', 'get', base, 200);
    await expectStatus('hz-reform', 'get', yiwu, 403);
    await expectStatus('yiwu-manager', 'post', base, 403, newWindow);
    await expectStatus('yiwu-manager', 'get', base, 403);

    await expectStatus('fuyang-manager', 'get', '/api/v1/audit', 200);
    await expectStatus(
      'fuyang-manager',
      'get',
      `/api/v1/audit?hallId=${FIX.yiwu}`,
      403,
    );
    await expectStatus('fuyang-clerk', 'get', '/api/v1/audit', 403);
    await expectStatus('zj-reform', 'get', '/api/v1/audit', 403);
    await expectStatus('admin', 'get', `/api/v1/audit?hallId=${FIX.yiwu}`, 200);
    await expectStatus('admin', 'get', '/api/v1/audit?from=2020-02-30', 400);
    await expectStatus(
      'admin',
      'get',
      '/api/v1/audit?from=2020-02-01&to=2020-01-01',
      400,
    );
  });

  it('filters the audit log by the days of the halls’ time zone', async () => {
    const admin = await as('admin');
    const all = await h.http().get('/api/v1/audit').set(admin).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(6);
    const day = today();
    const todays = await h
      .http()
      .get('/api/v1/audit')
      .query({ from: day, to: day, limit: 2 })
      .set(admin)
      .expect(200);
    expect(todays.body.total).toBe(all.body.total);
    expect(todays.body.items).toHaveLength(2);
    const none = await h
      .http()
      .get('/api/v1/audit')
      .query({ to: '2019-12-31' })
      .set(admin)
      .expect(200);
    expect(none.body).toEqual({ items: [], total: 0 });
    // a manager sees only its own hall's entries
    await h
      .http()
      .post(`/api/v1/halls/${FIX.yiwu}/windows`)
      .set(await as('yiwu-manager'))
      .send({ label: 'Y1', mode: 'comprehensive' })
      .expect(201);
    const mine = await h
      .http()
      .get('/api/v1/audit')
      .set(await as('fuyang-manager'))
      .expect(200);
    expect(
      mine.body.items.every((a: { hallId: string }) => a.hallId === FIX.fuyang),
    ).toBe(true);
    const theirs = await h
      .http()
      .get('/api/v1/audit')
      .query({ hallId: FIX.yiwu })
      .set(admin)
      .expect(200);
    expect(theirs.body.items.map((a: { action: string }) => a.action)).toEqual([
      'window.create',
    ]);
  });
});
