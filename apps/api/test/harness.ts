import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DEMO_PASSWORD, loadDemo } from '@onewindow/demo-data';
import {
  createTestDatabase,
  type TestDatabase,
} from '@onewindow/persistence/testing';
import { loadConfig, type AppConfig } from '@onewindow/server-core';
import bcrypt from 'bcryptjs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../src/app/app.module';
import {
  configureApp,
  createHttpAdapter,
  NEST_APP_OPTIONS,
} from '../src/app/configure-app';

export const PASSWORD = 'test-password-1';

/** The built planning worker (npx nx build api), which PlanningPool's threads load. */
export const PLANNING_WORKER = resolve(
  __dirname,
  '../../../dist/apps/api/planning-worker.js',
);

/** Fixed ids of the fixture, so tests can name them. */
export const FIX = {
  fuyang: '11111111-1111-4111-8111-111111111111',
  yiwu: '22222222-2222-4222-8222-222222222222',
  lishui: '33333333-3333-4333-8333-333333333333',
} as const;

export interface Harness {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  sql: <T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ) => Promise<T[]>;
  token: (username: string) => Promise<string>;
  /** Drops the cached token of `username` (after its password changed, it no longer works). */
  forgetToken: (username: string) => void;
  close: () => Promise<void>;
}

/** A small province: Zhejiang → Hangzhou → Fuyang, Jinhua → Yiwu, Lishui; three halls, a catalog, one user per role. */
async function loadFixture(c: Client): Promise<void> {
  const hash = await bcrypt.hash(PASSWORD, 4);
  await c.query(`
    INSERT INTO regions (code, name, level, parent_code) VALUES
      ('330000', '浙江省', 'province', NULL),
      ('330100', '杭州市', 'city', '330000'),
      ('330111', '富阳区', 'county', '330100'),
      ('330700', '金华市', 'city', '330000'),
      ('330782', '义乌市', 'county', '330700'),
      ('331100', '丽水市', 'city', '330000');
    INSERT INTO halls (id, key, name, region_code, kind) VALUES
      ('${FIX.fuyang}', 'fuyang', '杭州市富阳区行政服务中心', '330111', 'county_center'),
      ('${FIX.yiwu}', 'yiwu', '义乌市行政服务中心', '330782', 'county_center'),
      ('${FIX.lishui}', 'lishui', '丽水市行政服务中心', '331100', 'city_center');
    INSERT INTO categories (code, name, ticket_prefix, sort_order) VALUES
      ('social_security', '社会保障', 'A', 1),
      ('medical_insurance', '医疗保障', 'B', 2),
      ('market_regulation', '市场监管', 'C', 3);
    INSERT INTO service_items (code, name, category_code, aliases, online_available, typical_handling_minutes) VALUES
      ('MI-0001', '基本医疗保险参保人员历年账户家庭共济备案', 'medical_insurance',
        ARRAY['我的医保卡里有历年余额,能否给老父亲使用,该怎么办', '医保卡余额给家人用'], true, 8),
      ('MR-0001', '企业设立登记', 'market_regulation', ARRAY['开公司', '注册公司'], true, 25),
      ('MR-0002', '营业执照遗失补领', 'market_regulation', ARRAY['营业执照丢了'], true, 10),
      ('SS-0001', '社会保障卡申领', 'social_security', ARRAY['办社保卡'], false, 6);
  `);
  const users: [string, string, string | null, string | null][] = [
    ['admin', 'admin', null, null],
    ['zj-reform', 'reform_office', null, '330000'],
    ['hz-reform', 'reform_office', null, '330100'],
    ['fuyang-manager', 'hall_manager', FIX.fuyang, null],
    ['fuyang-clerk', 'clerk', FIX.fuyang, null],
    ['yiwu-manager', 'hall_manager', FIX.yiwu, null],
  ];
  for (const [username, role, hallId, regionCode] of users) {
    await c.query(
      'INSERT INTO users (username, password_hash, role, hall_id, region_code) VALUES ($1, $2, $3, $4, $5)',
      [username, hash, role, hallId, regionCode],
    );
  }
}

/**
 * Boots the API module on a fresh database with the fixture (or, with `data: 'demo'`, the small
 * demo profile: the facts halls and their window histories; same usernames, the demo password).
 * With `sharing`, boots a second instance on the first one's database (as N stateless API
 * instances would run); closing it leaves the database to its owner.
 */
export async function startHarness(
  label: string,
  env: Record<string, string> = {},
  sharing?: Harness,
  data: 'fixture' | 'demo' = 'fixture',
): Promise<Harness> {
  const db = sharing ? sharing.db : await createTestDatabase(label);
  const password = data === 'demo' ? DEMO_PASSWORD : PASSWORD;
  const c = new Client({ connectionString: db.url });
  // outage tests terminate every connection of the database; this one is then simply unusable
  c.on('error', () => undefined);
  await c.connect();
  if (!sharing && data === 'demo') await loadDemo(db.url, { profile: 'small' });
  else if (!sharing) await loadFixture(c);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX:
      sharing?.config.REDIS_PREFIX ??
      `t${label.replace(/[^a-z0-9]/gi, '')}${process.pid}`.slice(0, 30),
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000',
    // the planning threads run the built worker (the int target builds the API first)
    PLANNING_WORKER_FILE: PLANNING_WORKER,
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(
      createHttpAdapter(),
      NEST_APP_OPTIONS,
    );
    await configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (e) {
    // a suite that cannot boot still leaves no database behind
    await c.end().catch(() => undefined);
    if (!sharing) await db.drop();
    throw e;
  }
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    config,
    http,
    sql: async (text, params) => (await c.query(text, params)).rows,
    forgetToken: (username) => {
      tokens.delete(username);
    },
    token: async (username) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http()
        .post('/api/v1/auth/login')
        .send({ username, password });
      if (res.status !== 200)
        throw new Error(
          `login ${username}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    close: async () => {
      await app.close();
      await c.end().catch(() => undefined);
      if (!sharing) await db.drop();
    },
  };
}

/** Asserts the contract's error body. */
export function expectErrorBody(body: unknown, status: number): void {
  const b = body as Record<string, unknown>;
  expect(b['statusCode']).toBe(status);
  expect(typeof b['error']).toBe('string');
  expect(typeof b['message']).toBe('string');
  expect(JSON.stringify(b)).not.toMatch(
    /at .+\.(ts|js):\d+|SELECT |INSERT |QueryFailedError/,
  );
}
