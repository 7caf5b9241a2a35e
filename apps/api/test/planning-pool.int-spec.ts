import { randomUUID } from 'node:crypto';
import { PlanningPool } from '../src/app/planning/planning-pool';
import { expectErrorBody, FIX, Harness, startHarness } from './harness';

/**
 * The planner's answers run on worker threads (PlanningPool), so a manager's longest
 * minimum-windows search leaves kiosks served, and a full pool refuses with 429 + Retry-After.
 */

/** A maximal synchronous search: arrivalsPerDay × replications = MAX_SYNC_CUSTOMER_REPLICATIONS. */
const heavy = {
  scenario: {
    open: '08:30',
    close: '17:00',
    arrivalsPerDay: 10_000,
    profile: [
      { start: '08:30', end: '12:00', share: 0.6 },
      { start: '12:00', end: '17:00', share: 0.4 },
    ],
    categories: [
      {
        code: 'social_security',
        share: 0.7,
        service: { distribution: 'exponential', meanMinutes: 6 },
      },
      {
        code: 'market_regulation',
        share: 0.3,
        service: { distribution: 'lognormal', meanMinutes: 20, cv: 0.9 },
      },
    ],
    target: { waitMinutes: 15, share: 0.8 },
  },
  layout: { kind: 'comprehensive' },
  criterion: 'day',
  replications: 300,
  seed: 1,
};

describe('Planning threads: kiosks never wait for the planner', () => {
  let h: Harness;
  let manager: string;
  let kiosk: string;

  const plan = () =>
    h
      .http()
      .post('/api/v1/planning/minimum-windows')
      .set('Authorization', `Bearer ${manager}`)
      .send(heavy)
      .then((r) => r);

  /** Resolves once the pool holds `n` answers under way or waiting (bounded: 10 s). */
  const untilPending = async (n: number) => {
    const pool = h.app.get(PlanningPool);
    for (let i = 0; i < 1000 && pool.pending < n; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(pool.pending).toBe(n);
  };

  beforeAll(async () => {
    h = await startHarness('planpool', {
      PLANNING_THREADS: '1',
      PLANNING_QUEUE: '0',
      DEVICE_RATE_LIMIT_PER_MINUTE: '100000',
    });
    manager = await h.token('fuyang-manager');
    const res = await h
      .http()
      .post(`/api/v1/halls/${FIX.fuyang}/devices`)
      .set('Authorization', `Bearer ${manager}`)
      .send({ kind: 'kiosk', name: 'pool-kiosk' })
      .expect(201);
    kiosk = res.body.token;
  });
  afterAll(async () => h?.close());

  it('issues kiosk tickets while a maximal minimum-windows search is computed', async () => {
    let planDone = false;
    const planning = plan().then((r) => {
      planDone = true;
      return r;
    });
    await untilPending(1);
    const issued: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await h
        .http()
        .post(`/api/v1/halls/${FIX.fuyang}/tickets`)
        .set('Authorization', `Bearer ${kiosk}`)
        .set('Idempotency-Key', randomUUID())
        .send({ serviceItemCode: 'MR-0001' })
        .expect(201);
      issued.push(t.body.number);
      // each ticket answered while the search was still being computed
      expect(planDone).toBe(false);
    }
    expect(new Set(issued).size).toBe(5);
    const res = await planning;
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('comprehensive');
    expect(res.body.achieved.shareWithinTarget.mean).toBeGreaterThanOrEqual(
      0.8,
    );
  });

  it('refuses beyond threads + queue with 429 and Retry-After, starting nothing, then takes work again', async () => {
    const first = plan();
    await untilPending(1);
    const refused = await plan();
    expect(refused.status).toBe(429);
    expectErrorBody(refused.body, 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(h.app.get(PlanningPool).pending).toBe(1);
    expect((await first).status).toBe(200);
    expect(h.app.get(PlanningPool).pending).toBe(0);
    // a place is free again: a small answer goes through
    await h
      .http()
      .post('/api/v1/planning/erlang-c')
      .set('Authorization', `Bearer ${manager}`)
      .send({
        arrivalsPerHour: 200,
        meanServiceMinutes: 3,
        target: { waitMinutes: 1 / 3, share: 0.8 },
      })
      .expect(200)
      .then((r) => expect(r.body.windowsRequired).toBe(14));
  });

  it('keeps the contract 400 for a scenario the library refuses', async () => {
    const res = await h
      .http()
      .post('/api/v1/planning/minimum-windows')
      .set('Authorization', `Bearer ${manager}`)
      .send({ ...heavy, scenario: { ...heavy.scenario, close: '08:00' } });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400);
  });
});
