import { expectErrorBody, FIX, startHarness, type Harness } from './harness';

interface QueueRulesBody {
  hallId: string;
  priorityStreakCap: number;
  normalMaxWaitMinutes: number;
}

describe('Queue rules of a hall: the green channel’s streak cap and normal tickets’ longest wait (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('queue-rules');
  });
  afterAll(() => h?.close());

  const as = async (username: string) => ({
    Authorization: `Bearer ${await h.token(username)}`,
  });
  const path = (hallId: string) => `/api/v1/halls/${hallId}/queue-rules`;
  const read = async (hallId: string, username = 'fuyang-manager') =>
    (
      await h
        .http()
        .get(path(hallId))
        .set(await as(username))
        .expect(200)
    ).body as QueueRulesBody;
  const put = async (hallId: string, username: string, body: object) =>
    h
      .http()
      .put(path(hallId))
      .set(await as(username))
      .send(body);
  /** What the windows' calls read: the hall's row. */
  const stored = async (hallId: string) =>
    (
      await h.sql<{ cap: number; wait: number }>(
        `SELECT priority_streak_cap AS cap, normal_max_wait_minutes AS wait FROM halls WHERE id = $1`,
        [hallId],
      )
    )[0];
  const auditRows = async () =>
    (
      await h.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'hall.queue_rules'`,
      )
    )[0].n;

  it('reads the defaults: a normal ticket after 3 priority calls, or once it has waited 45 minutes', async () => {
    expect(await read(FIX.fuyang)).toEqual({
      hallId: FIX.fuyang,
      priorityStreakCap: 3,
      normalMaxWaitMinutes: 45,
    });
    expect(await stored(FIX.fuyang)).toEqual({ cap: 3, wait: 45 });
  });

  it('lets the hall’s manager set them, reads them back and audits the change', async () => {
    const audited = await auditRows();
    const res = await put(FIX.fuyang, 'fuyang-manager', {
      priorityStreakCap: 5,
      normalMaxWaitMinutes: 30,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      hallId: FIX.fuyang,
      priorityStreakCap: 5,
      normalMaxWaitMinutes: 30,
    });
    expect(await read(FIX.fuyang)).toEqual(res.body);
    expect(await stored(FIX.fuyang)).toEqual({ cap: 5, wait: 30 });
    // another hall keeps its own
    expect(await read(FIX.yiwu, 'admin')).toEqual({
      hallId: FIX.yiwu,
      priorityStreakCap: 3,
      normalMaxWaitMinutes: 45,
    });

    expect(await auditRows()).toBe(audited + 1);
    const [row] = await h.sql<{
      actor: string;
      entity_type: string;
      entity_id: string;
      hall_id: string;
      before: unknown;
      after: unknown;
    }>(
      `SELECT actor_name AS actor, entity_type, entity_id, hall_id::text AS hall_id, before, after
       FROM audit_log WHERE action = 'hall.queue_rules' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({
      actor: 'fuyang-manager',
      entity_type: 'hall',
      entity_id: FIX.fuyang,
      hall_id: FIX.fuyang,
      before: { priorityStreakCap: 3, normalMaxWaitMinutes: 45 },
      after: { priorityStreakCap: 5, normalMaxWaitMinutes: 30 },
    });
    const audit = await h
      .http()
      .get('/api/v1/audit')
      .query({ entityType: 'hall' })
      .set(await as('fuyang-manager'))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'hall.queue_rules',
      actor: { name: 'fuyang-manager' },
      entityId: FIX.fuyang,
      hallId: FIX.fuyang,
      before: { priorityStreakCap: 3, normalMaxWaitMinutes: 45 },
      after: { priorityStreakCap: 5, normalMaxWaitMinutes: 30 },
    });
  });

  it('accepts the bounds: 1 and 20 priority calls, 5 and 480 minutes', async () => {
    for (const [cap, wait] of [
      [1, 5],
      [20, 480],
    ]) {
      const res = await put(FIX.fuyang, 'admin', {
        priorityStreakCap: cap,
        normalMaxWaitMinutes: wait,
      });
      expect({ cap, wait, status: res.status }).toEqual({
        cap,
        wait,
        status: 200,
      });
      expect(await stored(FIX.fuyang)).toEqual({ cap, wait });
    }
    await put(FIX.fuyang, 'fuyang-manager', {
      priorityStreakCap: 5,
      normalMaxWaitMinutes: 30,
    }).then((r) => expect(r.status).toBe(200));
  });

  it('refuses bad values with 400 naming the field, and changes nothing', async () => {
    const before = await stored(FIX.fuyang);
    const audited = await auditRows();
    const cases: [object, string][] = [
      [{ priorityStreakCap: 0, normalMaxWaitMinutes: 30 }, 'priorityStreakCap'],
      [
        { priorityStreakCap: 21, normalMaxWaitMinutes: 30 },
        'priorityStreakCap',
      ],
      [
        { priorityStreakCap: 4.5, normalMaxWaitMinutes: 30 },
        'priorityStreakCap',
      ],
      [
        { priorityStreakCap: '4', normalMaxWaitMinutes: 30 },
        'priorityStreakCap',
      ],
      [
        { priorityStreakCap: null, normalMaxWaitMinutes: 30 },
        'priorityStreakCap',
      ],
      [{ normalMaxWaitMinutes: 30 }, 'priorityStreakCap'],
      [
        { priorityStreakCap: 4, normalMaxWaitMinutes: 4 },
        'normalMaxWaitMinutes',
      ],
      [
        { priorityStreakCap: 4, normalMaxWaitMinutes: 481 },
        'normalMaxWaitMinutes',
      ],
      [
        { priorityStreakCap: 4, normalMaxWaitMinutes: 30.5 },
        'normalMaxWaitMinutes',
      ],
      [
        { priorityStreakCap: 4, normalMaxWaitMinutes: 'forty' },
        'normalMaxWaitMinutes',
      ],
      [{ priorityStreakCap: 4 }, 'normalMaxWaitMinutes'],
      [{ priorityStreakCap: 4, normalMaxWaitMinutes: 30, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await put(FIX.fuyang, 'fuyang-manager', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expectErrorBody(res.body, 400);
      // exactly the field at fault, with a message that names it
      expect({
        body,
        fields: res.body.details.map((d: { field: string }) => d.field),
      }).toEqual({
        body,
        fields: [field],
      });
      if (field !== 'extra')
        for (const problem of res.body.details[0].problems)
          expect(problem).toContain(field);
    }
    // both fields wrong: both named
    const both = await put(FIX.fuyang, 'fuyang-manager', {});
    expect(both.status).toBe(400);
    expect(both.body.details.map((d: { field: string }) => d.field)).toEqual([
      'priorityStreakCap',
      'normalMaxWaitMinutes',
    ]);
    expect(both.body.message).toContain('priorityStreakCap');
    expect(await stored(FIX.fuyang)).toEqual(before);
    expect(await auditRows()).toBe(audited);
  });

  it('lets only the hall manager of that hall and admins change them: 403 for another hall’s manager, a clerk and the reform office', async () => {
    const before = await stored(FIX.fuyang);
    const audited = await auditRows();
    for (const user of ['yiwu-manager', 'fuyang-clerk', 'zj-reform']) {
      const res = await put(FIX.fuyang, user, {
        priorityStreakCap: 2,
        normalMaxWaitMinutes: 20,
      });
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
      expectErrorBody(res.body, 403);
    }
    expect(await stored(FIX.fuyang)).toEqual(before);
    expect(await auditRows()).toBe(audited);
  });

  it('lets the hall and the reform office of its region read them, and nobody else', async () => {
    for (const user of ['fuyang-clerk', 'zj-reform', 'hz-reform', 'admin']) {
      const body = await read(FIX.fuyang, user);
      expect({ user, cap: body.priorityStreakCap }).toEqual({ user, cap: 5 });
    }
    for (const user of ['hz-reform', 'fuyang-manager']) {
      const res = await h
        .http()
        .get(path(FIX.yiwu))
        .set(await as(user));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
  });

  it('answers 404 for an unknown hall and 400 for a malformed hall id', async () => {
    const unknown = '99999999-9999-4999-8999-999999999999';
    expectErrorBody(
      (
        await h
          .http()
          .get(path(unknown))
          .set(await as('admin'))
          .expect(404)
      ).body,
      404,
    );
    const audited = await auditRows();
    expectErrorBody(
      (
        await put(unknown, 'admin', {
          priorityStreakCap: 2,
          normalMaxWaitMinutes: 20,
        })
      ).body,
      404,
    );
    expect(await auditRows()).toBe(audited);
    await h
      .http()
      .get(path('not-a-uuid'))
      .set(await as('admin'))
      .expect(400);
  });

  describe('takes effect at the windows', () => {
    let windowId: string;
    /** Issues a social-security ticket at Lishui (as admin); its id. */
    const issue = async (priority: string): Promise<string> =>
      (
        await h
          .http()
          .post(`/api/v1/halls/${FIX.lishui}/tickets`)
          .set(await as('admin'))
          .send({ serviceItemCode: 'SS-0001', priority })
          .expect(201)
      ).body.id;
    /** Calls at the window until nothing waits, each called ticket marked a no-show; the ids in order. */
    const callAll = async (): Promise<string[]> => {
      const order: string[] = [];
      for (;;) {
        const r = await h
          .http()
          .post(`/api/v1/halls/${FIX.lishui}/windows/${windowId}/call-next`)
          .set(await as('admin'))
          .send({});
        if (r.status !== 200) {
          expect(r.status).toBe(204);
          return order;
        }
        order.push(r.body.id);
        await h
          .http()
          .post(`/api/v1/tickets/${r.body.id}/no-show`)
          .set(await as('admin'))
          .send({})
          .expect(200);
      }
    };
    /** Two normal tickets, then two priority ones; the ids in that order. */
    const fourTickets = async () => ({
      n: [await issue('normal'), await issue('normal')],
      p: [await issue('priority'), await issue('priority')],
    });

    beforeAll(async () => {
      [{ id: windowId }] = await h.sql<{ id: string }>(
        `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
         VALUES ($1, 'R1', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
        [FIX.lishui],
      );
    });

    it('with the default cap of 3, both priority tickets go before the normal ones', async () => {
      const { n, p } = await fourTickets();
      expect(await callAll()).toEqual([p[0], p[1], n[0], n[1]]);
    });

    it('with the cap set to 1, the window calls its oldest normal ticket after one priority call', async () => {
      await put(FIX.lishui, 'admin', {
        priorityStreakCap: 1,
        normalMaxWaitMinutes: 45,
      }).then((r) => expect(r.status).toBe(200));
      const { n, p } = await fourTickets();
      // the normal ticket's place says so too: one priority call, then it
      const place = await h
        .http()
        .get(`/api/v1/tickets/${n[0]}`)
        .set(await as('admin'))
        .expect(200);
      expect(place.body.position).toBe(2);
      expect(await callAll()).toEqual([p[0], n[0], p[1], n[1]]);
    });
  });

  it('documents the endpoints with examples', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    const ops = doc.paths['/api/v1/halls/{hallId}/queue-rules'];
    for (const method of ['get', 'put']) {
      expect(ops[method].tags).toEqual(['Directory']);
      expect(
        ops[method].responses['200'].content['application/json'].schema.example,
      ).toEqual({
        hallId: expect.any(String),
        priorityStreakCap: 3,
        normalMaxWaitMinutes: 45,
      });
    }
    const dto = doc.components.schemas.SetQueueRulesDto;
    expect(dto.required.sort()).toEqual([
      'normalMaxWaitMinutes',
      'priorityStreakCap',
    ]);
    expect(dto.properties.priorityStreakCap).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 20,
    });
    expect(dto.properties.normalMaxWaitMinutes).toMatchObject({
      type: 'integer',
      minimum: 5,
      maximum: 480,
    });
  });
});
