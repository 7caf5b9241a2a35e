'use strict';
/**
 * The resilience run's world: the database migrated with the small demo through the CLI (as
 * bench:queue's world does, then rolled up so that the run starts with an empty outbox), and,
 * through the API as a hall's staff would set it up, a hall for the load (its manager, open
 * windows, a clerk per window, kiosks and boards) and an empty hall for the CSV import.
 */
const path = require('node:path');
const { sql } = require('../bench/common/db');
const { log } = require('../bench/common/figures');
const { ROOT, run } = require('../bench/common/processes');

const PASSWORD = 'Resilience!2020-run';
const DEMO_PASSWORD = 'OneWindow!2020';

/** The Asia/Shanghai date, as the API's todayInShanghai() (UTC+8, no DST). */
function todayInShanghai() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `cli setup --profile small` and `cli rollup` on the database at `url`. */
function loadDemo(url) {
  const cli = path.join(ROOT, 'dist/apps/cli/main.js');
  log(
    'migrating and loading the small demo profile (cli setup --profile small)',
  );
  const out = run(process.execPath, [cli, 'setup', '--profile', 'small'], {
    DATABASE_URL: url,
  });
  const summary = out.split('\n').find((l) => l.startsWith('demo load:'));
  if (summary) log(summary.trim());
  log('rolling the demo up (cli rollup)');
  log(run(process.execPath, [cli, 'rollup'], { DATABASE_URL: url }).trim());
}

/**
 * Every login comes from its own address (X-Forwarded-For from the loopback proxy, which the API
 * trusts): the per-address login limit is the abuse checks' to probe.
 */
let addressNo = 0;
const nextAddress = () => {
  addressNo++;
  return `10.77.${Math.floor(addressNo / 250)}.${(addressNo % 250) + 1}`;
};

async function login(http, username, password) {
  const r = await http.request('login', {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': nextAddress() },
    json: { username, password },
  });
  if (r.status !== 200)
    throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.accessToken;
}

/** POST that must answer `expect`; returns the body. */
async function must(http, op, opts, expect = 201) {
  const r = await http.request(op, { method: 'POST', ...opts });
  if (r.status !== expect)
    throw new Error(`${op}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

/**
 * Builds the world through the API at `http`; returns { hall, importHall, planHall, manager,
 * admin, clerks: [{ username, token, windowId }], kiosks: [token], boards: [token], items }.
 */
async function buildWorld(http, url, { kiosks, windows, boards, tag }) {
  const admin = await login(http, 'admin', DEMO_PASSWORD);
  const [fuyang] = await sql(
    url,
    `SELECT id, region_code FROM halls WHERE key = 'fuyang'`,
  );
  const newHall = async (name) =>
    (
      await must(http, 'setup', {
        path: '/api/v1/halls',
        token: admin,
        json: { name, regionCode: fuyang.region_code, kind: 'county_center' },
      })
    ).id;
  const hall = await newHall(`韧性测试大厅 ${tag}`);
  const importHall = await newHall(`导入测试大厅 ${tag}`);
  // open all day, so that no waiting ticket expires at a closing time during the run
  await sql(
    url,
    `UPDATE halls SET opening_hours = '{"open": "00:00", "close": "23:59"}'::jsonb WHERE id = ANY($1)`,
    [[hall, importHall]],
  );
  const managerName = `rs-manager-${tag}`;
  await must(http, 'setup', {
    path: '/api/v1/users',
    token: admin,
    json: {
      username: managerName,
      password: PASSWORD,
      role: 'hall_manager',
      hallId: hall,
    },
  });
  const manager = await login(http, managerName, PASSWORD);

  log(`setting up ${windows} windows and their clerks`);
  const clerks = [];
  for (let i = 0; i < windows; i++) {
    const label = `R${String(i + 1).padStart(2, '0')}`;
    const w = await must(http, 'setup', {
      path: `/api/v1/halls/${hall}/windows`,
      token: manager,
      json: { label, mode: 'comprehensive' },
    });
    if (w.state !== 'open')
      await must(
        http,
        'setup',
        {
          path: `/api/v1/halls/${hall}/windows/${w.id}/open`,
          token: manager,
        },
        200,
      );
    const username = `rs-clerk-${tag}-${i + 1}`;
    await must(http, 'setup', {
      path: '/api/v1/users',
      token: manager,
      json: { username, password: PASSWORD, role: 'clerk', hallId: hall },
    });
    clerks.push({ username, windowId: w.id, label });
  }
  for (const c of clerks) c.token = await login(http, c.username, PASSWORD);

  log(`pairing ${kiosks} kiosks and ${boards} boards`);
  const device = async (kind, name) =>
    (
      await must(http, 'setup', {
        path: `/api/v1/halls/${hall}/devices`,
        token: manager,
        json: { kind, name },
      })
    ).token;
  const kioskTokens = [];
  for (let i = 0; i < kiosks; i++)
    kioskTokens.push(await device('kiosk', `kiosk ${i + 1}`));
  const boardTokens = [];
  for (let i = 0; i < boards; i++)
    boardTokens.push(await device('display', `board ${i + 1}`));

  const items = (
    await sql(url, `SELECT code FROM service_items ORDER BY code`)
  ).map((r) => r.code);
  // the demo hall with ticket history, for the plan
  const [span] = await sql(
    url,
    `SELECT min(service_date)::text AS "from", max(service_date)::text AS "to"
     FROM tickets WHERE hall_id = $1 AND service_date < $2`,
    [fuyang.id, todayInShanghai()],
  );
  return {
    hall,
    importHall,
    planHall: { id: fuyang.id, from: span.from, to: span.to },
    admin,
    manager,
    clerks,
    kiosks: kioskTokens,
    boards: boardTokens,
    items,
  };
}

module.exports = {
  PASSWORD,
  DEMO_PASSWORD,
  todayInShanghai,
  loadDemo,
  login,
  nextAddress,
  buildWorld,
};
