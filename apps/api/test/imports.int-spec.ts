import { OwnRedis, until } from '@onewindow/server-core/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';

/** The built worker: imports are read by the real worker process, as in production. */
const WORKER_MAIN = resolve(__dirname, '../../../dist/apps/worker/main.js');
const SAMPLES = resolve(__dirname, '../../../docs/samples');
const sample = (name: string) => readFileSync(resolve(SAMPLES, name));

describe('Imports (HTTP upload → built worker → facts, real PostgreSQL and Redis)', () => {
  let h: Harness;
  let redis: OwnRedis;
  let worker: ChildProcess | undefined;
  const USERS = [
    'admin',
    'zj-reform',
    'fuyang-manager',
    'fuyang-clerk',
    'yiwu-manager',
  ];
  const tokens = new Map<string, string>();
  const auth = (user: string) => ({
    Authorization: `Bearer ${tokens.get(user)}`,
  });
  const uploadPath = (kind: string, hallId: string = FIX.fuyang) =>
    `/api/v1/halls/${hallId}/imports/${kind}`;
  const upload = (
    kind: string,
    body: Buffer | string,
    opts: {
      user?: string;
      hallId?: string;
      type?: string;
      fileName?: string;
    } = {},
  ) =>
    h
      .http()
      .post(uploadPath(kind, opts.hallId))
      .query(opts.fileName ? { fileName: opts.fileName } : {})
      .set(auth(opts.user ?? 'fuyang-manager'))
      .set('Content-Type', opts.type ?? 'text/csv')
      .send(body);
  const view = async (id: string, user = 'fuyang-manager') =>
    (await h.http().get(`/api/v1/imports/${id}`).set(auth(user)).expect(200))
      .body;
  const finished = (id: string) =>
    until(`import ${id} to finish`, async () => {
      const v = await view(id);
      return v.state === 'done' || v.state === 'failed' ? v : undefined;
    });
  /** Row counts and a checksum of every table an import writes, plus the imports themselves. */
  const snapshot = async () =>
    (
      await h.sql(
        `SELECT (SELECT count(*) FROM imports)::int AS imports,
                (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM imports x) AS imports_sum,
                (SELECT count(*) FROM tickets)::int AS tickets,
                (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM tickets x) AS tickets_sum,
                (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM handling_records x) AS handling_sum,
                (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM consultations x) AS consultations_sum`,
      )
    )[0];

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(
        `${WORKER_MAIN} is missing: build the worker first (npx nx build worker)`,
      );
    if (!readFileSync(WORKER_MAIN, 'utf8').includes('ImportsProcessor'))
      throw new Error(
        `${WORKER_MAIN} predates imports: build the worker again (npx nx build worker)`,
      );
    redis = await OwnRedis.start();
    h = await startHarness('imports', { REDIS_URL: redis.url });
    for (const u of USERS) tokens.set(u, await h.token(u));
    await h.sql(
      `INSERT INTO windows (hall_id, label, mode, opened_on)
       SELECT $1, n || '号窗口', 'comprehensive', '2019-01-01' FROM generate_series(1, 3) n`,
      [FIX.fuyang],
    );
    worker = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: h.db.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: h.config.REDIS_PREFIX,
        LOG_LEVEL: 'silent',
        OUTBOX_POLL_MS: '100',
        JOB_LOCK_SECONDS: '5',
      },
      stdio: 'ignore',
    });
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (worker.exitCode === null) worker.kill('SIGKILL');
    }
    await h?.close();
    await redis?.stop();
  });

  it('imports the good rows of a file with bad ones, reports each bad row with its line and reason, and reaches the analytics', async () => {
    const res = await upload('tickets', sample('tickets-with-errors.csv'), {
      fileName: 'tickets-with-errors.csv',
    }).expect(202);
    expect(res.body).toMatchObject({
      hallId: FIX.fuyang,
      kind: 'tickets',
      fileName: 'tickets-with-errors.csv',
      state: 'queued',
      columns: [
        'number',
        'service_item_code',
        'issued_at',
        'called_at',
        'completed_at',
        'window',
      ],
      ignoredColumns: ['备注'],
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const done = await finished(res.body.id);
    expect(done).toMatchObject({
      state: 'done',
      progress: 1,
      rowsTotal: 10,
      rowsImported: 3,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsRejected: 7,
      error: null,
      rejectionsTruncated: false,
    });
    expect(done.rejections).toEqual([
      {
        line: 3,
        reason:
          'service_item_code: "SS-0099" is not a service item (or category) of the catalog',
      },
      { line: 4, reason: 'called_at: is before issued_at' },
      {
        line: 5,
        reason: 'duplicate: ticket A0101 of 2020-03-04 is also on line 2',
      },
      {
        line: 6,
        reason: 'issued_at: "2020-03-04 25:00:00" is not a real date and time',
      },
      { line: 7, reason: 'completed_at: given, but called_at is empty' },
      { line: 8, reason: 'window: "9号窗口" is not a window of this hall' },
      { line: 10, reason: 'has 3 fields; the header has 7' },
    ]);
    expect(
      await h.sql(
        `SELECT t.number, t.state, t.channel, w.label FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
         WHERE t.hall_id = $1 ORDER BY t.number`,
        [FIX.fuyang],
      ),
    ).toEqual([
      { number: 'A0101', state: 'done', channel: 'import', label: '1号窗口' },
      { number: 'B0101', state: 'done', channel: 'import', label: '3号窗口' },
      { number: 'B0103', state: 'cancelled', channel: 'import', label: null },
    ]);
    // the facts reach the rollups by themselves (outbox → worker)
    const token = auth('fuyang-manager');
    const day = await until('the day to be rolled up', async () => {
      const r = await h
        .http()
        .get(`/api/v1/analytics/halls/${FIX.fuyang}/daily`)
        .query({ from: '2020-03-04', to: '2020-03-04' })
        .set(token)
        .expect(200);
      return r.body.days[0]?.tickets === 3 ? r.body.days[0] : undefined;
    });
    expect(day).toMatchObject({ tickets: 3, served: 2 });
    // listed, and audited
    const list = await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/imports`)
      .set(token)
      .expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: done.id,
      state: 'done',
      rowsRejected: 7,
    });
    expect(list.body.items[0].rejections).toBeUndefined();
    const audit = await h.sql(
      `SELECT action, entity_id, hall_id FROM audit_log WHERE entity_type = 'import'`,
    );
    expect(audit).toEqual([
      { action: 'import.create', entity_id: done.id, hall_id: FIX.fuyang },
    ]);
  });

  it('imports every kind from the sample files (Chinese headers and channel names, a BOM)', async () => {
    const tickets = await finished(
      (await upload('tickets', sample('tickets.csv')).expect(202)).body.id,
    );
    expect(tickets).toMatchObject({
      state: 'done',
      rowsImported: 10,
      rowsRejected: 0,
    });
    const handling = await finished(
      (
        await upload('handling_records', sample('handling-records.csv')).expect(
          202,
        )
      ).body.id,
    );
    expect(handling).toMatchObject({
      state: 'done',
      rowsImported: 10,
      rowsRejected: 0,
    });
    const bad = await finished(
      (
        await upload(
          'handling_records',
          sample('handling-records-with-errors.csv'),
        ).expect(202)
      ).body.id,
    );
    expect(bad).toMatchObject({ rowsImported: 2, rowsRejected: 6 });
    expect(bad.rejections.map((r: { line: number }) => r.line)).toEqual([
      3, 4, 5, 6, 7, 8,
    ]);
    const consultations = await finished(
      (await upload('consultations', sample('consultations.csv')).expect(202))
        .body.id,
    );
    expect(consultations).toMatchObject({ state: 'done', rowsImported: 6 });
    const token = auth('fuyang-manager');
    const days = await until('the days to be rolled up', async () => {
      const r = await h
        .http()
        .get(`/api/v1/analytics/halls/${FIX.fuyang}/daily`)
        .query({ from: '2020-03-02', to: '2020-03-03' })
        .set(token)
        .expect(200);
      const [d2, d3] = r.body.days;
      return d2?.tickets === 7 &&
        d3?.tickets === 3 &&
        d2?.onlineRate !== null &&
        d3?.onlineRate !== null
        ? r.body.days
        : undefined;
    });
    // online rate of 2020-03-02: (120 + 42 + 14) / 235
    expect(days[0].onlineRate).toBeCloseTo(176 / 235, 3);
    expect(days[1].onlineRate).toBeCloseTo(133 / 175, 3);
  });

  it('answers the same import (200) when the same file comes again, and changes nothing', async () => {
    const before = await snapshot();
    const first = (
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}/imports`)
        .query({ kind: 'tickets' })
        .set(auth('admin'))
    ).body.items.find((i: { rowsImported: number }) => i.rowsImported === 10);
    const again = await upload('tickets', sample('tickets.csv'), {
      fileName: 'renamed.csv',
    }).expect(200);
    expect(again.body).toMatchObject({
      id: first.id,
      state: 'done',
      rowsImported: 10,
      fileName: null,
    });
    // an admin re-uploading it is the same import too
    await upload('tickets', sample('tickets.csv'), { user: 'admin' }).expect(
      200,
    );
    // the same text saved with CRLF and a BOM is another file, whose rows are all there already
    const crlf = Buffer.concat([
      Buffer.from('\ufeff'),
      Buffer.from(
        sample('tickets.csv').toString('utf8').replace(/\n/g, '\r\n'),
      ),
    ]);
    const other = await upload('tickets', crlf).expect(202);
    expect(other.body.id).not.toBe(first.id);
    expect(await finished(other.body.id)).toMatchObject({
      state: 'done',
      rowsTotal: 10,
      rowsImported: 0,
      rowsUnchanged: 10,
      rowsRejected: 0,
    });
    const after = await snapshot();
    expect({ ...after, imports: 0, imports_sum: '' }).toEqual({
      ...before,
      imports: 0,
      imports_sum: '',
    });
    expect(after.imports).toBe(Number(before.imports) + 1);
    const repeats = await h.sql(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'import.repeat'`,
    );
    expect(repeats[0].n).toBe(2);
  });

  it('queues a failed import again when its file is uploaded again', async () => {
    const csv = 'date,channel,count\n2020-04-01,robot,5\n2020-04-01,window,1\n';
    const first = await finished(
      (await upload('consultations', csv).expect(202)).body.id,
    );
    // as if its job had failed for good half-way (say, the database was away through every retry)
    await h.sql(
      `UPDATE imports SET state = 'failed', error = 'database unavailable', checkpoint_line = 0, rows_total = 0,
         rows_imported = 0, rows_unchanged = 0 WHERE id = $1`,
      [first.id],
    );
    const again = await upload('consultations', csv).expect(202);
    expect(again.body).toMatchObject({
      id: first.id,
      state: 'queued',
      error: null,
    });
    expect(await finished(first.id)).toMatchObject({
      state: 'done',
      rowsImported: 0,
      rowsUnchanged: 2,
    });
    const [row] = await h.sql<{ run: number }>(
      `SELECT run FROM imports WHERE id = $1`,
      [first.id],
    );
    expect(row.run).toBe(2);
  });

  it('takes uploads while Redis is down and imports them once it is back', async () => {
    await redis.stop();
    const res = await upload(
      'consultations',
      'date,channel,count\n2020-05-01,robot,70\n',
    ).expect(202);
    expect(res.body.state).toBe('queued');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await view(res.body.id)).state).toBe('queued');
    await redis.start();
    expect(await finished(res.body.id)).toMatchObject({
      state: 'done',
      rowsImported: 1,
    });
  }, 60_000);

  it('answers bad uploads with a 4xx and the error body, and changes nothing', async () => {
    const before = await snapshot();
    const gbk = Buffer.from(
      'c8d5c6da2cc7feb5c02ccafdc1bf0a323032302d30362d30312cbbfac6f7c8cb2c350a',
      'hex',
    );
    const cases: [
      string,
      () => Promise<{ status: number; body: unknown }>,
      number,
      RegExp,
    ][] = [
      [
        'unknown kind',
        () => upload('footfall', 'date,count\n2020-01-01,1\n'),
        400,
        /Unknown import kind "footfall"/,
      ],
      ['empty body', () => upload('tickets', ''), 400, /body is empty/],
      [
        'blank body',
        () => upload('tickets', '\r\n \r\n'),
        400,
        /body is empty/,
      ],
      [
        'no body, no type',
        async () =>
          h.http().post(uploadPath('tickets')).set(auth('fuyang-manager')),
        400,
        /no body/,
      ],
      [
        'JSON',
        () =>
          upload('tickets', JSON.stringify({ rows: [] }), {
            type: 'application/json',
          }),
        415,
        /text\/csv/,
      ],
      [
        'plain text',
        () => upload('tickets', 'number\nA1\n', { type: 'text/plain' }),
        415,
        /./,
      ],
      [
        'CSV elsewhere',
        async () =>
          h
            .http()
            .post(`/api/v1/halls/${FIX.fuyang}/targets`)
            .set(auth('fuyang-manager'))
            .set('Content-Type', 'text/csv')
            .send('a,b\n1,2\n'),
        415,
        /application\/json/,
      ],
      [
        'header of another kind',
        () => upload('tickets', 'date,channel,count\n2020-01-01,robot,1\n'),
        400,
        /does not fit the tickets format.*: number, issued_at, service_item_code\|category_code$/,
      ],
      [
        'header only',
        () => upload('consultations', 'date,channel,count\r\n'),
        400,
        /header but no rows/,
      ],
      [
        'broken header',
        () =>
          upload('consultations', '"date,channel,count\n2020-01-01,robot,1\n'),
        400,
        /never closed/,
      ],
      [
        'GBK without charset',
        () => upload('consultations', gbk),
        400,
        /not UTF-8/,
      ],
      [
        'unknown charset',
        () =>
          upload('consultations', 'date,channel,count\n', {
            type: 'text/csv; charset=latin-9',
          }),
        415,
        /Unsupported charset "latin-9"/,
      ],
      [
        'file name with a path',
        () =>
          upload('consultations', 'date,channel,count\n2020-01-01,robot,1\n', {
            fileName: '../x.csv',
          }),
        400,
        /fileName/,
      ],
      [
        'hall not a UUID',
        () =>
          upload('consultations', 'date,channel,count\n2020-01-01,robot,1\n', {
            hallId: 'fuyang',
            user: 'admin',
          }),
        400,
        /hallId must be a UUID/,
      ],
      [
        'unknown hall',
        () =>
          upload('consultations', 'date,channel,count\n2020-01-01,robot,1\n', {
            hallId: '99999999-9999-4999-8999-999999999999',
            user: 'admin',
          }),
        404,
        /Hall not found/,
      ],
      [
        'no credentials',
        async () =>
          h
            .http()
            .post(uploadPath('consultations'))
            .set('Content-Type', 'text/csv')
            .send('date,channel,count\n2020-01-01,robot,1\n'),
        401,
        /bearer token/,
      ],
      [
        'too large',
        () => upload('consultations', Buffer.alloc(20 * 1024 * 1024 + 1, 'a')),
        413,
        /too large/,
      ],
    ];
    for (const [what, send, status, message] of cases) {
      const res = await send();
      expect({ what, status: res.status }).toEqual({ what, status });
      expectErrorBody(res.body, status);
      expect({
        what,
        message: (res.body as { message: string }).message,
      }).toEqual({
        what,
        message: expect.stringMatching(message),
      });
    }
    const header = await upload(
      'tickets',
      'date,channel,count\n2020-01-01,robot,1\n',
    ).expect(400);
    expect(header.body.details).toEqual(
      expect.arrayContaining([
        {
          field: 'number',
          problems: [
            expect.stringContaining(
              'missing from the header (accepted names: number, ticket_number',
            ),
          ],
        },
      ]),
    );
    expect(await snapshot()).toEqual(before);
    // the JSON endpoints are as they were
    await h
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'text/csv')
      .send('a,b')
      .expect(415);
    // a GBK file declared as such is fine
    const declared = await upload('consultations', gbk, {
      type: 'text/csv; charset=gb18030',
    }).expect(202);
    expect(await finished(declared.body.id)).toMatchObject({
      state: 'done',
      rowsImported: 1,
    });
  });

  it('lets only the hall manager of the hall and admins upload and read imports', async () => {
    const csv = 'date,channel,count\n2020-07-01,robot,1\n';
    for (const user of ['fuyang-clerk', 'zj-reform', 'yiwu-manager'])
      expectErrorBody((await upload('consultations', csv, { user })).body, 403);
    expect(
      (await upload('consultations', csv, { user: 'fuyang-clerk' })).status,
    ).toBe(403);
    const mine = await upload('consultations', csv).expect(202);
    for (const user of ['fuyang-clerk', 'zj-reform', 'yiwu-manager']) {
      await h
        .http()
        .get(`/api/v1/imports/${mine.body.id}`)
        .set(auth(user))
        .expect(403);
      await h
        .http()
        .get(`/api/v1/halls/${FIX.fuyang}/imports`)
        .set(auth(user))
        .expect(403);
    }
    await view(mine.body.id, 'admin');
    await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/imports`)
      .set(auth('admin'))
      .expect(200);
    await h
      .http()
      .get('/api/v1/imports/99999999-9999-4999-8999-999999999999')
      .set(auth('admin'))
      .expect(404);
    await h
      .http()
      .get('/api/v1/imports/not-a-uuid')
      .set(auth('admin'))
      .expect(400);
    await h
      .http()
      .get(`/api/v1/halls/${FIX.fuyang}/imports`)
      .query({ state: 'nope' })
      .set(auth('admin'))
      .expect(400);
    // an admin uploads for any hall
    await upload('consultations', csv, {
      user: 'admin',
      hallId: FIX.yiwu,
    }).expect(202);
  });

  it('documents the endpoints with examples', async () => {
    const res = await h.http().get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    for (const p of [
      '/api/v1/halls/{hallId}/imports/{kind}',
      '/api/v1/halls/{hallId}/imports',
      '/api/v1/imports/{id}',
    ]) {
      expect({
        p,
        documented: !!paths[p],
        examples: JSON.stringify(paths[p] ?? {}).includes('"example"'),
      }).toEqual({
        p,
        documented: true,
        examples: true,
      });
    }
    expect(
      JSON.stringify(paths['/api/v1/halls/{hallId}/imports/{kind}']),
    ).toContain('text/csv');
  });
});
