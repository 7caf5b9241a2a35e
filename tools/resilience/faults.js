'use strict';
/**
 * The faults, one after another during the load: Redis stopped and started again, PostgreSQL
 * restarted (`pg_ctl restart -m fast`), one API instance killed (SIGKILL) and started again, the
 * worker killed during a CSV import and during a plan and started again. Each returns its window
 * (from the fault to the recovery), the seconds to recover and the checks of what it must leave.
 */
const { sql } = require('../bench/common/db');
const { log } = require('../bench/common/figures');
const { sleep } = require('../bench/common/processes');

/** Polls `fn` every `everyMs` until it returns a truthy value or `timeoutMs` passes (then null). */
async function until(fn, timeoutMs, everyMs = 200) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) return null;
    await sleep(everyMs);
  }
}

async function health(api) {
  try {
    const r = await fetch(`${api.base}/api/v1/health`, {
      signal: AbortSignal.timeout(3000),
    });
    return { ...(await r.json()), httpStatus: r.status };
  } catch {
    return null;
  }
}

function createFaults({
  api,
  rec,
  stack,
  pg,
  redis,
  url,
  world,
  load,
  profile,
}) {
  const secs = (ms) => Math.round(ms / 100) / 10;

  /** Runs `body` as an outage window: 503s are expected inside it. */
  async function window(name, body) {
    api.outageBegins();
    const from = rec.now();
    log(`fault: ${name}`);
    try {
      const r = await body();
      return { scenario: name, from, to: rec.now(), ...r };
    } catch (e) {
      return {
        scenario: name,
        from,
        to: rec.now(),
        recoverS: null,
        checks: [[`${name} ran to its end`, false, e.message]],
      };
    } finally {
      // answers already on their way when the service came back
      setTimeout(() => api.outageEnds(), 3000);
    }
  }

  /** A ticket issued through each instance: the stack serves again. */
  async function probeIssue(label) {
    for (let i = 0; i < stack.apis.length; i++) {
      const r = await api.request('probe', {
        method: 'POST',
        path: `/api/v1/halls/${world.hall}/tickets`,
        token: world.kiosks[0],
        headers: { 'idempotency-key': `probe-${label}-${i}-${Date.now()}` },
        json: { serviceItemCode: world.items[0] },
        prefer: i,
        deadlineMs: 60_000,
      });
      if (r.status !== 201) return false;
      load.tickets.set(r.json.id, {
        key: null,
        statusToken: r.json.statusToken,
        number: r.json.number,
        probe: true,
      });
    }
    return true;
  }

  async function redisOutage() {
    return window(`Redis stopped ${profile.redisDownS} s`, async () => {
      await redis.stop();
      await sleep(profile.redisDownS * 1000);
      const down = await Promise.all(stack.apis.map(health));
      await redis.start();
      const t = Date.now();
      const since = new Date().toISOString();
      // the APIs see Redis again, and the facts written meanwhile have been handed to rollup jobs
      const ok = await until(async () => {
        const hs = await Promise.all(stack.apis.map(health));
        if (!hs.every((h) => h?.redis === 'up')) return false;
        const [{ n }] = await sql(
          url,
          `SELECT count(*)::int AS n FROM outbox WHERE created_at < $1`,
          [since],
        );
        return n === 0;
      }, 120_000);
      return {
        recoverS: ok ? secs(Date.now() - t) : null,
        checks: [
          [
            'health said Redis down during the outage',
            down.every((h) => h?.httpStatus === 200 && h.redis === 'down'),
            JSON.stringify(down),
          ],
          ['Redis back and the outbox backlog handed over', !!ok, ''],
        ],
      };
    });
  }

  async function postgresRestart() {
    return window('PostgreSQL restarted (-m fast)', async () => {
      await pg.restart();
      const t = Date.now();
      const ok = await until(() => probeIssue('pg'), 60_000, 100);
      return {
        recoverS: ok ? secs(Date.now() - t) : null,
        checks: [
          ['tickets issued through both instances after the restart', !!ok, ''],
        ],
      };
    });
  }

  async function apiKill() {
    const i = 1;
    return window(
      `API ${stack.apis[i].name} killed (SIGKILL) and started`,
      async () => {
        api.markDown(i);
        await stack.apis[i].kill();
        const t = Date.now();
        try {
          await stack.apis[i].start();
        } finally {
          api.markUp(i);
        }
        const ok = await probeIssue('api');
        return {
          recoverS: secs(Date.now() - t),
          checks: [['the restarted instance serves', ok, '']],
        };
      },
    );
  }

  /** A ticket log of `rows` rows over past days, for the import hall (numbers unique per day). */
  function ticketCsv(rows) {
    const lines = ['number,service_item_code,issued_at,called_at,completed_at'];
    const perDay = 2000;
    for (let r = 0; r < rows; r++) {
      const day = new Date(Date.UTC(2024, 0, 2 + Math.floor(r / perDay)));
      const d = day.toISOString().slice(0, 10);
      const n = r % perDay;
      const sec = 8 * 3600 + n * 12;
      const hh = (s) =>
        `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      const kind = r % 10;
      const called = kind < 9 ? `${d} ${hh(sec + 300)}` : '';
      const done = kind < 8 ? `${d} ${hh(sec + 900)}` : '';
      lines.push(
        `A${String(n + 1).padStart(5, '0')},${world.items[r % world.items.length]},${d} ${hh(sec)},${called},${done}`,
      );
    }
    return lines.join('\n') + '\n';
  }

  /** Waits until `get()` says running (with some progress), kills the worker, starts it again. */
  async function killWorkerWhile(what, get) {
    const running = await until(
      async () => {
        const v = await get();
        if (v.state === 'done' || v.state === 'failed') return { over: v };
        return v.state === 'running' ? { v } : null;
      },
      120_000,
      50,
    );
    if (!running || running.over)
      return {
        killedRunning: false,
        seen: running?.over?.state ?? 'never running',
      };
    await stack.worker.kill();
    const t = Date.now();
    await stack.worker.start();
    return { killedRunning: true, t, progressAtKill: running.v.progress };
  }

  async function workerKillImport() {
    return window('worker killed during a CSV import', async () => {
      const rows = profile.importRows;
      const csv = ticketCsv(rows);
      const up = await api.request('import', {
        method: 'POST',
        path: `/api/v1/halls/${world.importHall}/imports/tickets?fileName=resilience.csv`,
        token: world.admin,
        raw: csv,
        contentType: 'text/csv',
      });
      if (up.status !== 202)
        throw new Error(
          `import upload: ${up.status} ${JSON.stringify(up.json)}`,
        );
      const id = up.json.id;
      const get = async () =>
        (
          await api.request('import-state', {
            path: `/api/v1/imports/${id}`,
            token: world.admin,
          })
        ).json;
      const k = await killWorkerWhile('import', get);
      const done = await until(
        async () => {
          const v = await get();
          return v.state === 'done' || v.state === 'failed' ? v : null;
        },
        300_000,
        250,
      );
      const [db] = await sql(
        url,
        `SELECT count(*)::int AS tickets, count(DISTINCT (service_date, number))::int AS numbers,
                (SELECT count(*)::int FROM imports WHERE hall_id = $1) AS imports
         FROM tickets WHERE hall_id = $1`,
        [world.importHall],
      );
      const [row] = await sql(
        url,
        `SELECT state, run, rows_total, rows_imported, rows_updated, rows_unchanged, rows_rejected FROM imports WHERE id = $1`,
        [id],
      );
      return {
        recoverS: done && k.killedRunning ? secs(Date.now() - k.t) : null,
        lost: Math.max(0, rows - db.tickets),
        duplicated:
          Math.max(0, db.tickets - db.numbers) + Math.max(0, db.numbers - rows),
        checks: [
          [
            'worker killed while the import was running',
            k.killedRunning,
            k.killedRunning
              ? `at progress ${k.progressAtKill}`
              : `import was ${k.seen} first`,
          ],
          ['import done', done?.state === 'done', JSON.stringify(row)],
          [
            `import counts every row once (${rows} rows)`,
            row.rows_total === rows &&
              row.rows_imported + row.rows_unchanged + row.rows_updated ===
                rows &&
              row.rows_rejected === 0 &&
              row.rows_imported === rows,
            JSON.stringify(row),
          ],
          [
            'the hall holds each imported ticket once',
            db.tickets === rows && db.numbers === rows && db.imports === 1,
            JSON.stringify(db),
          ],
        ],
      };
    });
  }

  async function workerKillPlan() {
    return window('worker killed during a plan', async () => {
      const p = world.planHall;
      const up = await api.request('plan', {
        method: 'POST',
        path: `/api/v1/halls/${p.id}/plans`,
        token: world.admin,
        json: {
          historyFrom: p.from,
          historyTo: p.to,
          target: { waitMinutes: 15, share: 0.8 },
          layouts: ['department', 'comprehensive', 'hybrid'],
          replications: profile.planReplications,
          name: 'resilience',
        },
      });
      if (up.status !== 202)
        throw new Error(`plan: ${up.status} ${JSON.stringify(up.json)}`);
      const id = up.json.id;
      const get = async () =>
        (
          await api.request('plan-state', {
            path: `/api/v1/plans/${id}`,
            token: world.admin,
          })
        ).json;
      const k = await killWorkerWhile('plan', get);
      const done = await until(
        async () => {
          const v = await get();
          return v.state === 'done' || v.state === 'failed' ? v : null;
        },
        300_000,
        250,
      );
      const [row] = await sql(
        url,
        `SELECT state, progress, result IS NOT NULL AS has_result, jsonb_typeof(result) AS kind, error,
                (SELECT count(*)::int FROM plans WHERE hall_id = $2 AND name = 'resilience') AS plans
         FROM plans WHERE id = $1`,
        [id, p.id],
      );
      return {
        recoverS: done && k.killedRunning ? secs(Date.now() - k.t) : null,
        lost: row.has_result ? 0 : 1,
        duplicated: Math.max(0, row.plans - 1),
        checks: [
          [
            'worker killed while the plan was running',
            k.killedRunning,
            k.killedRunning
              ? `at progress ${k.progressAtKill}`
              : `plan was ${k.seen} first`,
          ],
          [
            'plan done, with its result, once',
            row.state === 'done' &&
              row.progress === 1 &&
              row.has_result &&
              row.plans === 1,
            JSON.stringify(row),
          ],
        ],
      };
    });
  }

  return {
    redisOutage,
    postgresRestart,
    apiKill,
    workerKillImport,
    workerKillPlan,
    until,
    health,
  };
}

module.exports = { createFaults, until };
