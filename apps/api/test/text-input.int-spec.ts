import { expectErrorBody, FIX, Harness, startHarness } from './harness';

/**
 * Text PostgreSQL cannot store: a NUL character (U+0000) in a JSON string is refused with the
 * contract's 400, never a 500, wherever the text goes (login, device names, window notes, targets,
 * staff), and nothing is written.
 */
describe('Text input the database cannot store (HTTP, real PostgreSQL)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('textinput');
  });

  afterAll(async () => {
    await h?.close();
  });

  const NUL = 'nul\u0000byte';
  const counts = async () =>
    (
      await h.sql<Record<string, number>>(`SELECT
        (SELECT count(*)::int FROM devices) AS devices,
        (SELECT count(*)::int FROM windows) AS windows,
        (SELECT count(*)::int FROM targets) AS targets,
        (SELECT count(*)::int FROM staff) AS staff`)
    )[0];

  it.each([
    ['a login', null, '/api/v1/auth/login', { username: NUL, password: 'x' }],
    [
      'a device name',
      'fuyang-manager',
      `/api/v1/halls/${FIX.fuyang}/devices`,
      { kind: 'display', name: NUL },
    ],
    [
      'a window note',
      'fuyang-manager',
      `/api/v1/halls/${FIX.fuyang}/windows`,
      { label: 'N1', mode: 'comprehensive', note: NUL },
    ],
    [
      'a target note',
      'admin',
      `/api/v1/halls/${FIX.fuyang}/targets`,
      {
        metric: 'windows',
        comparison: 'le',
        value: 9,
        dueDate: '2030-12-31',
        note: NUL,
      },
    ],
    [
      'a staff name',
      'fuyang-manager',
      `/api/v1/halls/${FIX.fuyang}/staff`,
      { name: NUL, role: 'comprehensive_clerk' },
    ],
  ])(
    'refuses a NUL character in %s with 400',
    async (_what, user, path, body) => {
      const before = await counts();
      const req = h.http().post(path).send(body);
      const res = user
        ? await req.set('Authorization', `Bearer ${await h.token(user)}`)
        : await req;
      expect(res.status).toBe(400);
      expectErrorBody(res.body, 400);
      expect(res.body.message).toBe(
        'Text may not contain the NUL character (U+0000)',
      );
      expect(await counts()).toEqual(before);
    },
  );
});
