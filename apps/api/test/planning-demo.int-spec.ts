import type { PlanResult } from '@onewindow/contracts';
import { hallId, MEAN_PATIENCE_SECONDS } from '@onewindow/demo-data';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Harness, startHarness } from './harness';

const WORKER_MAIN = resolve(__dirname, '../../../dist/apps/worker/main.js');

/**
 * A plan on the demo's Fuyang history (the small profile: two weeks of August 2020), run by the
 * real worker: the people who gave up are in the fit and in the simulation, and each specialist
 * category of the hall (the demo marks vehicles and licences, and real estate) is priced.
 */
describe("A plan on the demo's Fuyang history (real worker, PostgreSQL, Redis)", () => {
  let h: Harness;
  let worker: ChildProcess | undefined;
  const fuyang = hallId('fuyang');

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(
        `${WORKER_MAIN} is missing: build the worker first (nx run api:int does)`,
      );
    h = await startHarness('plandemo', {}, undefined, 'demo');
  }, 180_000);
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await h?.close();
  });

  it('reports abandonment per layout, the patience behind it and the cost of each specialist category', async () => {
    const token = await h.token('fuyang-manager');
    const auth = { Authorization: `Bearer ${token}` };
    const res = await h
      .http()
      .post(`/api/v1/halls/${fuyang}/plans`)
      .set(auth)
      .send({
        historyFrom: '2020-08-17',
        historyTo: '2020-08-30',
        target: { waitMinutes: 15, share: 0.8 },
        layouts: ['comprehensive', 'hybrid'],
        replications: 10,
      })
      .expect(202);
    worker = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: h.config.DATABASE_URL,
        REDIS_URL: h.config.REDIS_URL,
        REDIS_PREFIX: h.config.REDIS_PREFIX,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    let plan: { state: string; error?: string; result?: PlanResult } = {
      state: 'queued',
    };
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      plan = (await h.http().get(`/api/v1/plans/${res.body.id}`).set(auth))
        .body;
      if (plan.state === 'done' || plan.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(plan.error).toBeUndefined();
    expect(plan.state).toBe('done');
    const result = plan.result as PlanResult;

    // the history's people who gave up and were left waiting, counted straight from the tickets
    const [raw] = await h.sql<{ gave_up: number; queued: number }>(
      `SELECT count(*) FILTER (WHERE state = 'cancelled')::int AS gave_up,
              count(*) FILTER (WHERE called_at IS NOT NULL OR state = 'expired')::int AS queued
       FROM tickets
       WHERE hall_id = $1 AND service_date BETWEEN '2020-08-17' AND '2020-08-30'
         AND transferred_from_id IS NULL
         AND (state <> 'cancelled' OR cancelled_at - issued_at > interval '2 minutes')`,
      [fuyang],
    );
    expect(raw.gave_up).toBeGreaterThan(0);
    const patience = result.fit.patience;
    expect(patience?.events).toBe(raw.gave_up);
    expect(patience?.observations).toBe(raw.gave_up + raw.queued);
    // the demo's people wait MEAN_PATIENCE_SECONDS on average before giving up (exponential):
    // the censored fit finds it again (a few hundred events: within 20 %)
    expect(
      Math.abs((patience?.meanMinutes ?? 0) / (MEAN_PATIENCE_SECONDS / 60) - 1),
    ).toBeLessThan(0.2);
    expect(patience?.kaplanMeier.minutes.length).toBeGreaterThan(0);
    // every layout reports the share who give up in the simulation
    for (const l of result.layouts) {
      expect(l.overall.abandonedShare?.mean).toBeGreaterThan(0);
      expect(l.overall.abandonedShare?.mean).toBeLessThan(0.5);
      expect(l.intervals.every((i) => i.abandonedShare !== undefined)).toBe(
        true,
      );
    }

    // the hybrid layout keeps the specialist categories apart, and each is priced
    const hybrid = result.layouts.find((l) => l.kind === 'hybrid');
    expect(result.specialists?.codes).toEqual(
      expect.arrayContaining(['police_vehicles', 'real_estate']),
    );
    const separate = (hybrid?.pools ?? [])
      .filter((p) => p.categories.length === 1)
      .map((p) => p.categories[0]);
    expect(separate.sort()).toEqual(
      [...(result.specialists?.codes ?? [])].sort(),
    );
    for (const c of result.specialists?.costs ?? []) {
      expect(c.windowsSeparate).toBe(hybrid?.fixedWindows);
      expect(c.extraWindows).toBe(c.windowsSeparate - c.windowsPooled);
      expect(Number.isInteger(c.extraWindows)).toBe(true);
    }
    expect(result.specialists?.costs.map((c) => c.code)).toEqual(
      result.specialists?.codes,
    );
  }, 200_000);
});
