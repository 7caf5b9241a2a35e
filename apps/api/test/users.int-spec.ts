import type { Test } from 'supertest';
import {
  expectErrorBody,
  FIX,
  Harness,
  PASSWORD,
  startHarness,
} from './harness';

describe('Users: list, enable/disable, reset password (HTTP, real PostgreSQL)', () => {
  let h: Harness;
  const auth = async (user: string) => ({
    Authorization: `Bearer ${await h.token(user)}`,
  });
  const UNKNOWN = '99999999-9999-4999-8999-999999999999';
  type Agent = ReturnType<Harness['http']>;
  const ids: Record<string, string> = {};

  /** Everything a rejected request must leave as it was. */
  const snapshot = async () =>
    (
      await h.sql<{ audit: number; rows: string }>(`SELECT
        (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT string_agg(id || '|' || username || '|' || role || '|' || active || '|' || password_hash,
           ';' ORDER BY id) FROM users) AS rows`)
    )[0];

  /** Sends as `user`, expects `status` with the contract's error body, and an unchanged DB. */
  const rejected = async (
    status: number,
    user: string | null,
    call: (a: Agent) => Test,
    field?: string,
  ) => {
    const before = await snapshot();
    const req = call(h.http());
    const res = user ? await req.set(await auth(user)) : await req;
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    expectErrorBody(res.body, status);
    if (field)
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(
        field,
      );
    expect(await snapshot()).toEqual(before);
    return res;
  };

  /** PATCHes as `actor`, expects 200 and exactly one new audit row for it; returns both. */
  const patched = async (
    actor: string,
    id: string,
    body: Record<string, unknown>,
  ) => {
    const [{ last }] = await h.sql<{ last: string }>(
      'SELECT coalesce(max(id), 0)::text AS last FROM audit_log',
    );
    const res = await h
      .http()
      .patch(`/api/v1/users/${id}`)
      .set(await auth(actor))
      .send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 200,
    });
    const rows = await h.sql<{
      action: string;
      entity_type: string;
      entity_id: string;
      actor_name: string;
      hall_id: string | null;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }>(
      'SELECT action, entity_type, entity_id, actor_name, hall_id, before, after FROM audit_log WHERE id > $1',
      [last],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'user.update',
      entity_type: 'user',
      entity_id: id,
      actor_name: actor,
    });
    return { body: res.body, audit: rows[0] };
  };

  const list = async (user: string, query = '') =>
    (
      await h
        .http()
        .get(`/api/v1/users${query}`)
        .set(await auth(user))
        .expect(200)
    ).body as {
      items: { id: string; username: string; active: boolean }[];
      total: number;
    };
  const names = (l: { items: { username: string }[] }) =>
    l.items.map((u) => u.username);

  const login = (username: string, password = PASSWORD) =>
    h.http().post('/api/v1/auth/login').send({ username, password });

  beforeAll(async () => {
    h = await startHarness('users');
    for (const u of await h.sql<{ id: string; username: string }>(
      'SELECT id, username FROM users',
    ))
      ids[u.username] = u.id;
  });
  afterAll(async () => h?.close());

  describe('GET /users', () => {
    it('shows an admin every user, by username, with scope and active, never a password', async () => {
      const all = await list('admin');
      expect(all.total).toBe(6);
      expect(names(all)).toEqual([
        'admin',
        'fuyang-clerk',
        'fuyang-manager',
        'hz-reform',
        'yiwu-manager',
        'zj-reform',
      ]);
      expect(all.items[0]).toEqual({
        id: ids['admin'],
        username: 'admin',
        role: 'admin',
        active: true,
      });
      expect(all.items[1]).toEqual({
        id: ids['fuyang-clerk'],
        username: 'fuyang-clerk',
        role: 'clerk',
        hallId: FIX.fuyang,
        active: true,
      });
      expect(all.items[3]).toEqual({
        id: ids['hz-reform'],
        username: 'hz-reform',
        role: 'reform_office',
        regionCode: '330100',
        active: true,
      });
      expect(JSON.stringify(all)).not.toMatch(/password|\$2[aby]\$/i);
    });

    it('filters by hall and role, and pages', async () => {
      expect(names(await list('admin', `?hallId=${FIX.fuyang}`))).toEqual([
        'fuyang-clerk',
        'fuyang-manager',
      ]);
      expect(await list('admin', `?hallId=${FIX.lishui}`)).toEqual({
        items: [],
        total: 0,
      });
      expect(names(await list('admin', '?role=reform_office'))).toEqual([
        'hz-reform',
        'zj-reform',
      ]);
      expect(names(await list('admin', '?role=hall_manager'))).toEqual([
        'fuyang-manager',
        'yiwu-manager',
      ]);
      const clerks = await list('admin', `?hallId=${FIX.fuyang}&role=clerk`);
      expect({ total: clerks.total, names: names(clerks) }).toEqual({
        total: 1,
        names: ['fuyang-clerk'],
      });
      const page = await list('admin', '?limit=2&offset=2');
      expect({ total: page.total, names: names(page) }).toEqual({
        total: 6,
        names: ['fuyang-manager', 'hz-reform'],
      });
      const past = await list('admin', '?limit=2&offset=6');
      expect(past).toEqual({ items: [], total: 6 });
    });

    it('shows a hall manager only the users of its own hall', async () => {
      for (const query of ['', `?hallId=${FIX.fuyang}`]) {
        const own = await list('fuyang-manager', query);
        expect({ total: own.total, names: names(own) }).toEqual({
          total: 2,
          names: ['fuyang-clerk', 'fuyang-manager'],
        });
      }
      expect(names(await list('fuyang-manager', '?role=clerk'))).toEqual([
        'fuyang-clerk',
      ]);
      // a filter on a role the hall has none of: nothing, not the other halls' users
      expect(await list('fuyang-manager', '?role=admin')).toEqual({
        items: [],
        total: 0,
      });
      expect(names(await list('yiwu-manager'))).toEqual(['yiwu-manager']);
      const page = await list('fuyang-manager', '?limit=1&offset=1');
      expect({ total: page.total, names: names(page) }).toEqual({
        total: 2,
        names: ['fuyang-manager'],
      });
    });

    it('refuses other halls to managers, and the list to every other role', async () => {
      await rejected(403, 'fuyang-manager', (a) =>
        a.get(`/api/v1/users?hallId=${FIX.yiwu}`),
      );
      await rejected(403, 'yiwu-manager', (a) =>
        a.get(`/api/v1/users?hallId=${FIX.fuyang}`),
      );
      await rejected(403, 'fuyang-manager', (a) =>
        a.get(`/api/v1/users?hallId=${UNKNOWN}`),
      );
      for (const user of ['fuyang-clerk', 'hz-reform', 'zj-reform'])
        await rejected(403, user, (a) => a.get('/api/v1/users'));
      await rejected(401, null, (a) => a.get('/api/v1/users'));
      await rejected(404, 'admin', (a) =>
        a.get(`/api/v1/users?hallId=${UNKNOWN}`),
      );
    });

    it('rejects bad queries with 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['limit=0', 'limit'],
        ['limit=501', 'limit'],
        ['limit=ten', 'limit'],
        ['offset=-1', 'offset'],
        ['hallId=fuyang', 'hallId'],
        ['role=root', 'role'],
        ['active=true', 'active'],
      ];
      for (const [query, field] of cases)
        await rejected(
          400,
          'admin',
          (a) => a.get(`/api/v1/users?${query}`),
          field,
        );
    });
  });

  describe('PATCH /users/{id}', () => {
    it('lets an admin disable a login: the person can no longer log in, the token already issued stops working', async () => {
      const clerkAuth = await auth('fuyang-clerk');
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}`)
        .set(clerkAuth)
        .expect(200);

      const { body, audit } = await patched('admin', ids['fuyang-clerk'], {
        active: false,
      });
      expect(body).toEqual({
        id: ids['fuyang-clerk'],
        username: 'fuyang-clerk',
        role: 'clerk',
        hallId: FIX.fuyang,
        active: false,
      });
      expect(audit).toMatchObject({
        hall_id: FIX.fuyang,
        before: { username: 'fuyang-clerk', active: true },
        after: { username: 'fuyang-clerk', active: false },
      });
      expect(audit.after).not.toHaveProperty('passwordReset');

      const refused = await login('fuyang-clerk').expect(401);
      expectErrorBody(refused.body, 401);
      const stale = await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}`)
        .set(clerkAuth)
        .expect(401);
      expectErrorBody(stale.body, 401);
      expect(
        (await list('fuyang-manager', '?role=clerk')).items[0],
      ).toMatchObject({ username: 'fuyang-clerk', active: false });
    });

    it('lets the hall manager enable its clerk again', async () => {
      const { body, audit } = await patched(
        'fuyang-manager',
        ids['fuyang-clerk'],
        { active: true },
      );
      expect(body).toMatchObject({ active: true });
      expect(audit).toMatchObject({
        before: { active: false },
        after: { active: true },
      });
      await login('fuyang-clerk').expect(200);
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}`)
        .set(await auth('fuyang-clerk'))
        .expect(200);
    });

    it('resets a password: the old one stops working, the new one works, and neither reaches the audit log', async () => {
      const created = await h
        .http()
        .post('/api/v1/users')
        .set(await auth('fuyang-manager'))
        .send({
          username: 'fy-temp',
          password: 'first-long-password',
          role: 'clerk',
          hallId: FIX.fuyang,
        })
        .expect(201);
      ids['fy-temp'] = created.body.id;
      const firstToken = (
        await login('fy-temp', 'first-long-password').expect(200)
      ).body.accessToken as string;
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}/windows`)
        .set('Authorization', `Bearer ${firstToken}`)
        .expect(200);
      const [{ password_hash: oldHash }] = await h.sql<{
        password_hash: string;
      }>('SELECT password_hash FROM users WHERE id = $1', [ids['fy-temp']]);

      const { body, audit } = await patched('fuyang-manager', ids['fy-temp'], {
        password: 'second-long-password',
      });
      expect(body).toEqual({
        id: ids['fy-temp'],
        username: 'fy-temp',
        role: 'clerk',
        hallId: FIX.fuyang,
        active: true,
      });
      expect(audit.after).toMatchObject({ active: true, passwordReset: true });
      const [{ password_hash: newHash }] = await h.sql<{
        password_hash: string;
      }>('SELECT password_hash FROM users WHERE id = $1', [ids['fy-temp']]);
      expect(newHash).toMatch(/^\$2[aby]\$10\$/);
      expect(newHash).not.toBe(oldHash);
      const text = JSON.stringify(audit);
      for (const secret of [
        'second-long-password',
        'first-long-password',
        newHash,
        oldHash,
      ])
        expect(text).not.toContain(secret);
      expect(JSON.stringify(body)).not.toMatch(/password|\$2[aby]\$/i);

      await login('fy-temp', 'first-long-password').expect(401);
      const fresh = await login('fy-temp', 'second-long-password').expect(200);
      // a new password ends the sessions issued before it, not the ones after
      const me = (token: string) =>
        h
          .http()
          .get(`/api/v1/halls/${FIX.fuyang}/windows`)
          .set('Authorization', `Bearer ${token}`);
      expectErrorBody((await me(firstToken).expect(401)).body, 401);
      await me(fresh.body.accessToken).expect(200);

      // both at once: one row, as an admin
      const both = await patched('admin', ids['fy-temp'], {
        active: false,
        password: 'third-long-password',
      });
      expect(both.body.active).toBe(false);
      expect(both.audit).toMatchObject({
        before: { active: true },
        after: { active: false, passwordReset: true },
      });
      await login('fy-temp', 'third-long-password').expect(401);
    });

    it('lets an admin change any user, its own password included', async () => {
      const { body } = await patched('admin', ids['yiwu-manager'], {
        active: false,
      });
      expect(body).toMatchObject({ role: 'hall_manager', active: false });
      await patched('admin', ids['yiwu-manager'], { active: true });
      await patched('admin', ids['zj-reform'], { active: true });
      const before = await h.token('admin');
      const own = await patched('admin', ids['admin'], {
        password: PASSWORD.replace('test', 'same'),
      });
      expect(own.body).toMatchObject({ username: 'admin', active: true });
      // the admin's own session ended with its password: sign in again
      await h
        .http()
        .get('/api/v1/users')
        .set('Authorization', `Bearer ${before}`)
        .expect(401);
      h.forgetToken('admin');
      await login('admin', PASSWORD.replace('test', 'same')).expect(200);
      await h
        .http()
        .patch(`/api/v1/users/${ids['admin']}`)
        .set(
          'Authorization',
          `Bearer ${(await login('admin', PASSWORD.replace('test', 'same')).expect(200)).body.accessToken}`,
        )
        .send({ password: PASSWORD })
        .expect(200);
      await login('admin').expect(200);
    });

    it('answers 409 to anyone disabling their own login, and changes nothing', async () => {
      const res = await rejected(409, 'admin', (a) =>
        a.patch(`/api/v1/users/${ids['admin']}`).send({ active: false }),
      );
      expect(res.body.message).toMatch(/own login/);
      await rejected(409, 'fuyang-manager', (a) =>
        a
          .patch(`/api/v1/users/${ids['fuyang-manager']}`)
          .send({ active: false }),
      );
      await rejected(409, 'admin', (a) =>
        a
          .patch(`/api/v1/users/${ids['admin']}`)
          .send({ active: false, password: 'a-long-new-password' }),
      );
      await login('admin').expect(200);
    });

    it('forbids managers outside their clerks, and every other role', async () => {
      const cases: [string, string][] = [
        ['fuyang-manager', 'yiwu-manager'],
        ['fuyang-manager', 'admin'],
        ['fuyang-manager', 'hz-reform'],
        // itself: a manager is not a clerk
        ['fuyang-manager', 'fuyang-manager'],
        ['yiwu-manager', 'fuyang-clerk'],
        ['fuyang-clerk', 'fuyang-clerk'],
        ['fuyang-clerk', 'fy-temp'],
        ['hz-reform', 'fuyang-clerk'],
        ['zj-reform', 'yiwu-manager'],
      ];
      for (const [actor, target] of cases) {
        await rejected(403, actor, (a) =>
          a
            .patch(`/api/v1/users/${ids[target]}`)
            .send({ password: 'a-long-new-password' }),
        );
        if (actor !== target)
          await rejected(403, actor, (a) =>
            a.patch(`/api/v1/users/${ids[target]}`).send({ active: false }),
          );
      }
      await rejected(401, null, (a) =>
        a.patch(`/api/v1/users/${ids['fuyang-clerk']}`).send({ active: true }),
      );
    });

    it('rejects bad input with 4xx and the error body, and changes nothing', async () => {
      const clerk = `/api/v1/users/${ids['fuyang-clerk']}`;
      const cases: [
        string,
        string,
        Record<string, unknown>,
        number,
        string?,
      ][] = [
        ['admin', clerk, {}, 400, 'body'],
        ['admin', clerk, { active: 'no' }, 400, 'active'],
        ['admin', clerk, { active: null }, 400, 'active'],
        ['admin', clerk, { active: 0 }, 400, 'active'],
        ['admin', clerk, { password: 'short' }, 400, 'password'],
        ['admin', clerk, { password: 1234567890123 }, 400, 'password'],
        ['admin', clerk, { password: 'x'.repeat(201) }, 400, 'password'],
        ['admin', clerk, { role: 'admin' }, 400, 'role'],
        ['admin', clerk, { active: true, hallId: FIX.yiwu }, 400, 'hallId'],
        ['admin', clerk, { username: 'root' }, 400, 'username'],
        ['admin', clerk, { passwordHash: 'x' }, 400, 'passwordHash'],
        ['admin', '/api/v1/users/not-a-uuid', { active: true }, 400, 'id'],
        ['admin', `/api/v1/users/${UNKNOWN}`, { active: false }, 404],
        ['fuyang-manager', `/api/v1/users/${UNKNOWN}`, { active: false }, 404],
        ['fuyang-manager', clerk, { active: 'false' }, 400, 'active'],
      ];
      for (const [actor, path, body, status, field] of cases) {
        const res = await rejected(
          status,
          actor,
          (a) => a.patch(path).send(body),
          field,
        );
        expect(JSON.stringify(res.body)).not.toContain(
          String(body['password'] ?? '\u0000'),
        );
      }
      const role = await rejected(
        400,
        'admin',
        (a) => a.patch(clerk).send({ role: 'hall_manager' }),
        'role',
      );
      expect(role.body.details).toEqual([
        {
          field: 'role',
          problems: [
            'role and scope do not change: create a new user and disable this one',
          ],
        },
      ]);
    });

    it('keeps every write in the audit log, filterable as user entries', async () => {
      const res = await h
        .http()
        .get('/api/v1/audit?entityType=user&limit=100')
        .set(await auth('admin'))
        .expect(200);
      const actions = res.body.items.map(
        (e: { action: string }) => e.action,
      ) as string[];
      expect(actions.filter((a) => a === 'user.update')).toHaveLength(9);
      expect(actions.filter((a) => a === 'user.create')).toHaveLength(1);
      expect(JSON.stringify(res.body)).not.toMatch(
        /long-password|\$2[aby]\$|passwordHash/,
      );
    });
  });

  it('documents the endpoints with examples', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    for (const method of ['get', 'post'])
      expect(doc.paths['/api/v1/users'][method].tags).toEqual(['Directory']);
    const patch = doc.paths['/api/v1/users/{id}'].patch;
    expect(patch.tags).toEqual(['Directory']);
    expect(
      patch.responses['200'].content['application/json'].schema.example,
    ).toMatchObject({ role: 'clerk', active: true });
    expect(
      doc.paths['/api/v1/users'].get.responses['200'].content[
        'application/json'
      ].schema.example.items[2],
    ).toMatchObject({ active: false });
    expect(
      doc.paths['/api/v1/users'].get.parameters.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(expect.arrayContaining(['hallId', 'role', 'limit', 'offset']));
    const dto = doc.components.schemas.UpdateUserDto;
    expect(Object.keys(dto.properties).sort()).toEqual(['active', 'password']);
    expect(dto.properties.active.example).toBe(false);
  });
});
