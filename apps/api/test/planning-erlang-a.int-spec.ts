import { erlangAAnswer, erlangAShareServedWithin } from '@onewindow/queueing';
import {
  ERLANG_A_ANSWER_EXAMPLE,
  ERLANG_A_REQUEST_EXAMPLE,
} from '../src/app/planning/planning.examples';
import { expectErrorBody, Harness, startHarness } from './harness';

/** λ = 2 per minute, 10-minute handling, 5 minutes' mean patience, 18 windows. */
const published = {
  arrivalsPerHour: 120,
  meanServiceMinutes: 10,
  meanPatienceMinutes: 5,
  target: { waitMinutes: 1, share: 0.8 },
  windows: 18,
};

describe('Planning: POST /planning/erlang-a', () => {
  let h: Harness;
  let manager: string;
  let reform: string;
  let admin: string;
  let clerk: string;
  const post = (token: string, body: unknown) =>
    h
      .http()
      .post('/api/v1/planning/erlang-a')
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  /** Every table's rows, as text: what a request must leave as it found it. */
  const snapshot = async () => {
    const tables = await h.sql<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name
       FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
       ORDER BY 1`,
    );
    const rows: Record<string, string> = {};
    for (const { name } of tables) {
      const [r] = await h.sql<{ md5: string }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM ${name} t`,
      );
      rows[name] = r.md5;
    }
    return rows;
  };

  beforeAll(async () => {
    h = await startHarness('planning-erlang-a');
    manager = await h.token('fuyang-manager');
    reform = await h.token('zj-reform');
    admin = await h.token('admin');
    clerk = await h.token('fuyang-clerk');
  });
  afterAll(async () => h?.close());

  it('λ = 2/min, 10 min, 5 min patience, 18 windows: 16.2% give up; the figures are the library’s', async () => {
    const res = await post(manager, published).expect(200);
    expect(res.body).toEqual(erlangAAnswer(published));
    expect(Object.keys(res.body)).toEqual([
      'windowsRequired',
      'probabilityOfWaiting',
      'abandonedShare',
      'shareWithinTarget',
      'meanWaitMinutes',
      'utilisation',
    ]);
    expect(res.body.abandonedShare).toBeCloseTo(0.162, 3);
    // called within the target over all arrivals: people who give up are misses
    expect(res.body.shareWithinTarget).toBe(
      erlangAShareServedWithin(
        {
          arrivalRate: 2,
          meanServiceTime: 10,
          meanPatience: 5,
          servers: 18,
        },
        1,
      ),
    );
    expect(
      res.body.shareWithinTarget + res.body.abandonedShare,
    ).toBeLessThanOrEqual(1);
    // carried load ÷ windows
    expect(res.body.utilisation).toBeCloseTo(
      (20 * (1 - res.body.abandonedShare)) / 18,
      12,
    );
    // 18 windows miss the target; the answer names the fewest that meet it
    expect(res.body.shareWithinTarget).toBeLessThan(0.8);
    const { windows, ...noWindows } = published;
    const required = await post(reform, noWindows).expect(200);
    expect(required.body).toEqual(erlangAAnswer(noWindows));
    expect(required.body.windowsRequired).toBe(res.body.windowsRequired);
    expect(required.body.windowsRequired).toBeGreaterThan(windows);
    expect(required.body.shareWithinTarget).toBeGreaterThanOrEqual(0.8);
    const fewer = await post(admin, {
      ...published,
      windows: required.body.windowsRequired - 1,
    }).expect(200);
    expect(fewer.body.shareWithinTarget).toBeLessThan(0.8);
  });

  it('refuses bad input with 400 and the field in the details, and changes nothing', async () => {
    const before = await snapshot();
    // the fixture's tables and rows are all in it
    expect(Object.keys(before).length).toBeGreaterThan(15);
    expect(before['public.users']).not.toBe(before['public.plans']);
    const ok = ERLANG_A_REQUEST_EXAMPLE;
    const bad: [string, unknown, string[]][] = [
      [
        'nothing',
        {},
        [
          'arrivalsPerHour',
          'meanServiceMinutes',
          'meanPatienceMinutes',
          'target',
        ],
      ],
      ['not an object', [1, 2], ['body']],
      [
        'no patience',
        { ...ok, meanPatienceMinutes: undefined },
        ['meanPatienceMinutes'],
      ],
      ['no target', { ...ok, target: undefined }, ['target']],
      ['no arrivals', { ...ok, arrivalsPerHour: 0 }, ['arrivalsPerHour']],
      [
        'negative arrivals',
        { ...ok, arrivalsPerHour: -5 },
        ['arrivalsPerHour'],
      ],
      [
        'negative handling',
        { ...ok, meanServiceMinutes: -3 },
        ['meanServiceMinutes'],
      ],
      [
        'zero patience',
        { ...ok, meanPatienceMinutes: 0 },
        ['meanPatienceMinutes'],
      ],
      [
        'negative patience',
        { ...ok, meanPatienceMinutes: -1 },
        ['meanPatienceMinutes'],
      ],
      [
        'patience as text',
        { ...ok, meanPatienceMinutes: '30' },
        ['meanPatienceMinutes'],
      ],
      [
        'negative target wait',
        { ...ok, target: { waitMinutes: -1, share: 0.8 } },
        ['target.waitMinutes'],
      ],
      [
        'share above 1',
        { ...ok, target: { waitMinutes: 15, share: 1.5 } },
        ['target.share'],
      ],
      [
        'share of 1',
        { ...ok, target: { waitMinutes: 15, share: 1 } },
        ['target.share'],
      ],
      ['windows not whole', { ...ok, windows: 2.5 }, ['windows']],
      ['windows as text', { ...ok, windows: '3' }, ['windows']],
      ['no windows', { ...ok, windows: 0 }, ['windows']],
      // the limits of erlang-c
      [
        'too many arrivals',
        { ...ok, arrivalsPerHour: 1_000_001, meanServiceMinutes: 1 },
        ['arrivalsPerHour'],
      ],
      [
        'too long handling',
        { ...ok, meanServiceMinutes: 1441 },
        ['meanServiceMinutes'],
      ],
      [
        'too long patience',
        { ...ok, meanPatienceMinutes: 1441 },
        ['meanPatienceMinutes'],
      ],
      [
        'too large a load',
        { ...ok, arrivalsPerHour: 1_000_000, meanServiceMinutes: 4 },
        ['arrivalsPerHour'],
      ],
      ['too many windows', { ...ok, windows: 100_001 }, ['windows']],
    ];
    for (const [what, body, fields] of bad) {
      const res = await post(manager, body);
      expect({ what, status: res.status }).toEqual({ what, status: 400 });
      expectErrorBody(res.body, 400);
      expect({
        what,
        fields: (res.body.details as { field: string }[]).map((d) => d.field),
      }).toEqual({ what, fields });
    }
    const patience = await post(manager, {
      ...ok,
      meanPatienceMinutes: 0,
    }).expect(400);
    expect(patience.body.details).toEqual([
      { field: 'meanPatienceMinutes', problems: ['must be > 0 (got 0)'] },
    ]);
    const load = await post(manager, {
      ...ok,
      arrivalsPerHour: 1_000_000,
      meanServiceMinutes: 4,
    }).expect(400);
    expect(load.body.details[0].problems[0]).toMatch(/offered load.*≤ 50000/);
    // a body beyond the JSON limit of the instant answers
    const big = await post(manager, {
      ...ok,
      padding: 'x'.repeat(150 * 1024),
    }).expect(413);
    expectErrorBody(big.body, 413);
    expect(await snapshot()).toEqual(before);
  });

  it('answers planners only: a clerk gets 403, no token 401', async () => {
    const forbidden = await post(clerk, ERLANG_A_REQUEST_EXAMPLE).expect(403);
    expectErrorBody(forbidden.body, 403);
    const anonymous = await h
      .http()
      .post('/api/v1/planning/erlang-a')
      .send(ERLANG_A_REQUEST_EXAMPLE)
      .expect(401);
    expectErrorBody(anonymous.body, 401);
  });

  it('the OpenAPI document describes the planning routes with examples, and erlang-a’s example is its answer', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const route of [
      'erlang-c',
      'erlang-a',
      'simulate',
      'minimum-windows',
      'replay',
    ]) {
      const op = doc.paths[`/api/v1/planning/${route}`]?.['post'];
      expect({ route, documented: !!op }).toEqual({ route, documented: true });
      expect(op.tags).toEqual(['Planning']);
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(op.summary).toEqual(expect.any(String));
      expect({
        route,
        request: !!requestExample(op),
        answer: !!answerExample(op),
      }).toEqual({ route, request: true, answer: true });
    }
    const op = doc.paths['/api/v1/planning/erlang-a']['post'];
    expect(op.summary).toMatch(/Erlang A/);
    expect(requestExample(op)).toEqual(ERLANG_A_REQUEST_EXAMPLE);
    expect(answerExample(op)).toEqual(ERLANG_A_ANSWER_EXAMPLE);
    // the documented answer is what the endpoint answers to the documented request, rounded
    const res = await post(manager, ERLANG_A_REQUEST_EXAMPLE).expect(200);
    for (const [key, value] of Object.entries(ERLANG_A_ANSWER_EXAMPLE))
      expect({ key, value: res.body[key] }).toEqual({
        key,
        value: expect.closeTo(value, 4),
      });
  });
});

interface Operation {
  tags?: string[];
  summary?: string;
  security?: unknown[];
  requestBody?: {
    content: Record<string, { schema?: { example?: unknown } }>;
  };
  responses: Record<
    string,
    { content?: Record<string, { schema?: { example?: unknown } }> }
  >;
}
const requestExample = (op: Operation) =>
  op.requestBody?.content['application/json']?.schema?.example;
const answerExample = (op: Operation) =>
  op.responses['200']?.content?.['application/json']?.schema?.example;
