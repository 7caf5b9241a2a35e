import { Logger } from '@nestjs/common';
import { freePort, OwnRedis, until } from '@onewindow/server-core/testing';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  expectErrorBody,
  FIX,
  Harness,
  PASSWORD,
  startHarness,
} from './harness';

/** Small limits, so that a few requests reach them. */
const LIMITS = {
  DEVICE_RATE_LIMIT_PER_MINUTE: '6',
  LOGIN_RATE_LIMIT_PER_MINUTE: '6',
  LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '4',
};

/** What the instances log about the switch to per-instance counting and back. */
const SWITCHED = /rate limits are counted per instance/;
const RETURNED = /rate limits are shared again/;

describe('Rate limits shared by API instances through Redis (own Redis)', () => {
  let redis: OwnRedis;
  let probe: Redis;
  let a: Harness;
  let b: Harness;
  let warn: jest.SpyInstance;
  let info: jest.SpyInstance;
  let address = 0;

  const logged = (spy: jest.SpyInstance, pattern: RegExp) =>
    spy.mock.calls.filter((c) => pattern.test(String(c[0]))).length;

  /** A kiosk of its own for each test, so that each starts with a full budget. */
  const kiosk = async (): Promise<string> =>
    (
      await a
        .http()
        .post(`/api/v1/halls/${FIX.fuyang}/devices`)
        .set('Authorization', `Bearer ${await a.token('admin')}`)
        .send({ kind: 'kiosk', name: `kiosk-${randomUUID()}` })
        .expect(201)
    ).body.token as string;

  const issue = (h: Harness, token: string) =>
    h
      .http()
      .post(`/api/v1/halls/${FIX.fuyang}/tickets`)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', randomUUID())
      .send({ serviceItemCode: 'SS-0001' });

  /** A client address of its own (the API trusts X-Forwarded-For from loopback). */
  const newAddress = () => `198.51.100.${++address}`;

  const login = (
    h: Harness,
    from: string,
    username: string,
    password = 'wrong-password',
  ) =>
    h
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', from)
      .send({ username, password });

  const expect429 = (res: {
    status: number;
    body: unknown;
    headers: Record<string, string>;
  }) => {
    expect(res.status).toBe(429);
    expectErrorBody(res.body, 429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    redis = await OwnRedis.start();
    probe = new Redis(redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    probe.on('error', () => undefined);
    const env = { REDIS_URL: redis.url, ...LIMITS };
    a = await startHarness('limits', env);
    b = await startHarness('limits', env, a);
  });

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn');
    info = jest.spyOn(Logger.prototype, 'log');
  });

  afterEach(() => {
    warn.mockRestore();
    info.mockRestore();
  });

  afterAll(async () => {
    probe?.disconnect();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it("counts a device's requests on both instances against one limit", async () => {
    const token = await kiosk();
    const tickets = async () =>
      (await a.sql<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`))[0]
        .n;
    const before = await tickets();
    for (let i = 0; i < 3; i++) {
      await issue(a, token).expect(201);
      await issue(b, token).expect(201);
    }
    expect429(await issue(a, token));
    expect429(await issue(b, token));
    expect(await tickets()).toBe(before + 6);
    expect(logged(warn, SWITCHED)).toBe(0);
  });

  it('counts logins from one address on both instances against one limit, whatever the account', async () => {
    const from = newAddress();
    for (let i = 0; i < 3; i++) {
      await login(a, from, `nobody-a${i}`).expect(401);
      await login(b, from, `nobody-b${i}`).expect(401);
    }
    // a seventh, even with the right password of an account not yet tried
    expect429(await login(b, from, 'fuyang-clerk', PASSWORD));
    expect429(await login(a, from, 'yiwu-manager', PASSWORD));
    // another address is not concerned
    await login(a, newAddress(), 'yiwu-manager', PASSWORD).expect(200);
  });

  it('counts logins to one account from many addresses on both instances against one limit', async () => {
    // variants of one username are one account
    const names = [
      'zj-reform',
      ' ZJ-Reform',
      'zj-reform ',
      'ＺＪ-ＲＥＦＯＲＭ',
    ];
    for (const [i, name] of names.entries())
      await login(i % 2 ? b : a, newAddress(), name).expect(401);
    // a fifth, from yet another address and with the right password
    const from = newAddress();
    expect429(await login(a, from, 'zj-reform', PASSWORD));
    expect429(await login(b, newAddress(), 'zj-reform', PASSWORD));
    // the same address may still log in to another account
    await login(a, from, 'hz-reform', PASSWORD).expect(200);
  });

  it("keeps every key under the installation's prefix", async () => {
    await probe.connect();
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await probe.scan(cursor, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    const prefix = a.config.REDIS_PREFIX;
    expect(
      keys.filter((k) => k.startsWith(`${prefix}:throttle:`)).length,
    ).toBeGreaterThan(0);
    expect(keys.filter((k) => !k.startsWith(`${prefix}:`))).toEqual([]);
  });

  it('issues tickets at once and keeps limits per instance while Redis does not answer, and shares them again when it does', async () => {
    const token = await kiosk();
    // Redis holds every client's commands (as a stalled Redis would) for longer than this test waits on it
    await probe.call('CLIENT', 'PAUSE', '4000', 'ALL');
    const paused = Date.now();
    const slowest = async (h: Harness, n: number) => {
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const t0 = Date.now();
        await issue(h, token).expect(201);
        worst = Math.max(worst, Date.now() - t0);
      }
      return worst;
    };
    // the first check on each instance waits for the short timeout; the others not at all
    expect(await slowest(a, 6)).toBeLessThan(1500);
    expect429(await issue(a, token));
    // per instance: the other one has a budget of its own meanwhile
    expect(await slowest(b, 6)).toBeLessThan(1500);
    expect429(await issue(b, token));
    expect(Date.now() - paused).toBeLessThan(4000);
    expect(logged(warn, SWITCHED)).toBe(2);

    // once Redis answers, each instance finds out on a check and goes back to the shared counters
    await until(
      'both instances back on Redis',
      async () => {
        await login(a, newAddress(), 'nobody');
        await login(b, newAddress(), 'nobody');
        return logged(info, RETURNED) >= 2 || undefined;
      },
      20_000,
    );
    expect(logged(info, RETURNED)).toBe(2);
    expect(logged(warn, SWITCHED)).toBe(2);
    const again = await kiosk();
    for (let i = 0; i < 3; i++) {
      await issue(a, again).expect(201);
      await issue(b, again).expect(201);
    }
    expect429(await issue(b, again));
  });

  it('enforces the limits per instance, and issues tickets at once, with no Redis at all', async () => {
    const dead = await startHarness(
      'limits',
      { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
      a,
    );
    try {
      const token = await kiosk();
      for (let i = 0; i < 6; i++) {
        const t0 = Date.now();
        await issue(dead, token).expect(201);
        expect(Date.now() - t0).toBeLessThan(1000);
      }
      expect429(await issue(dead, token));
      const from = newAddress();
      for (let i = 0; i < 6; i++)
        await login(dead, from, `nobody-${i}`).expect(401);
      expect429(await login(dead, from, 'nobody-7'));
      for (let i = 0; i < 4; i++)
        await login(dead, newAddress(), 'fuyang-clerk').expect(401);
      expect429(await login(dead, newAddress(), 'fuyang-clerk', PASSWORD));
      // said once, not once per request
      expect(logged(warn, SWITCHED)).toBe(1);
    } finally {
      await dead.close();
    }
  });
});
