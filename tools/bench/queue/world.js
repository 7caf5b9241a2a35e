'use strict';
/**
 * bench:queue's database: a fresh one with the small demo, plus the halls, windows and kiosks the
 * load runs use, and the waiting tickets the call-next run calls.
 */
const { createHash, randomBytes } = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const { createDatabase, sql } = require('../common/db');
const { log } = require('../common/figures');
const { ROOT, run } = require('../common/processes');

const ISSUE_HALLS = 100;
const WINDOWS_PER_HALL = 4;
const CALL_WINDOWS = 50;

/** The Asia/Shanghai date, as the API's todayInShanghai() (UTC+8, no DST). */
function todayInShanghai() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function newDeviceToken() {
  return 'owd_' + randomBytes(32).toString('base64url');
}

function sha256(s) {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/**
 * Creates database `name` (at `url`) with the small demo and adds the bench's halls; returns them:
 * { issueHalls, oneHall: { api, plain }, callHall, items } (halls as { id, key, windows, token }).
 */
async function prepareDatabase(url, name) {
  log(`creating database ${name}`);
  await createDatabase(name);
  log(
    'migrating and loading the small demo profile (cli setup --profile small)',
  );
  const out = run(
    process.execPath,
    [path.join(ROOT, 'dist/apps/cli/main.js'), 'setup', '--profile', 'small'],
    { DATABASE_URL: url },
  );
  const summary = out.split('\n').find((l) => l.startsWith('demo load:'));
  if (summary) log(summary.trim());

  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: sources } = await c.query(
      `SELECT id, name, name_en, region_code, kind, timezone, opening_hours, target_wait_minutes,
              priority_streak_cap, normal_max_wait_minutes FROM halls ORDER BY key`,
    );
    // 100 issue halls + one per server (api, plain, lean) for the one-hall runs + the call-next hall
    const specs = [];
    for (let i = 0; i < ISSUE_HALLS; i++)
      specs.push({
        key: `bench-${String(i + 1).padStart(3, '0')}`,
        windows: WINDOWS_PER_HALL,
        kiosk: true,
      });
    specs.push({
      key: 'bench-one-api',
      windows: WINDOWS_PER_HALL,
      kiosk: true,
    });
    specs.push({
      key: 'bench-one-plain',
      windows: WINDOWS_PER_HALL,
      kiosk: true,
    });
    specs.push({
      key: 'bench-one-lean',
      windows: WINDOWS_PER_HALL,
      kiosk: true,
    });
    specs.push({ key: 'bench-call', windows: CALL_WINDOWS, kiosk: false });

    await c.query('BEGIN');
    const halls = [];
    for (let i = 0; i < specs.length; i++) {
      const s = sources[i % sources.length];
      const {
        rows: [{ id }],
      } = await c.query(
        `INSERT INTO halls (key, name, name_en, region_code, kind, timezone, opening_hours, target_wait_minutes,
                            priority_streak_cap, normal_max_wait_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          specs[i].key,
          `${s.name} (bench ${specs[i].key})`,
          s.name_en,
          s.region_code,
          s.kind,
          s.timezone,
          s.opening_hours,
          s.target_wait_minutes,
          s.priority_streak_cap,
          s.normal_max_wait_minutes,
        ],
      );
      const hall = { id, key: specs[i].key, windows: [] };
      const { rows: windows } = await c.query(
        `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
         SELECT $1, 'W' || lpad(g::text, 2, '0'), 'comprehensive', '{}', 'open', $3::date
         FROM generate_series(1, $2::int) g RETURNING id`,
        [id, specs[i].windows, todayInShanghai()],
      );
      hall.windows = windows.map((w) => w.id);
      if (specs[i].kiosk) {
        hall.token = newDeviceToken();
        await c.query(
          `INSERT INTO devices (hall_id, kind, name, token_hash) VALUES ($1, 'kiosk', 'bench kiosk', $2)`,
          [id, sha256(hall.token)],
        );
      }
      halls.push(hall);
    }
    await c.query('COMMIT');
    await c.query('ANALYZE halls, windows, devices');
    const { rows: items } = await c.query(
      `SELECT i.code, i.category_code, c.ticket_prefix FROM service_items i
       JOIN categories c ON c.code = i.category_code ORDER BY i.code`,
    );
    return {
      issueHalls: halls.slice(0, ISSUE_HALLS),
      oneHall: {
        api: halls[ISSUE_HALLS],
        plain: halls[ISSUE_HALLS + 1],
        lean: halls[ISSUE_HALLS + 2],
      },
      callHall: halls[ISSUE_HALLS + 3],
      items,
    };
  } finally {
    await c.end();
  }
}

/** Waiting tickets for the call-next hall (5% priority), with matching ticket_counters. */
async function prefillTickets(url, hall, items, n) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const today = todayInShanghai();
    const seqs = new Map();
    const start = Date.now() - n; // one millisecond apart, oldest first
    const BATCH = 5000;
    await c.query('BEGIN');
    for (let from = 0; from < n; from += BATCH) {
      const cols = {
        number: [],
        prefix: [],
        seq: [],
        item: [],
        cat: [],
        prio: [],
        at: [],
      };
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const it = items[i % items.length];
        const seq = (seqs.get(it.ticket_prefix) ?? 0) + 1;
        seqs.set(it.ticket_prefix, seq);
        cols.number.push(`${it.ticket_prefix}${String(seq).padStart(3, '0')}`);
        cols.prefix.push(it.ticket_prefix);
        cols.seq.push(seq);
        cols.item.push(it.code);
        cols.cat.push(it.category_code);
        cols.prio.push(i % 20 === 19 ? 'priority' : 'normal');
        cols.at.push(new Date(start + i).toISOString());
      }
      await c.query(
        `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                              priority, channel, state, issued_at, queue_at)
         SELECT $1::date, $2::uuid, u.number, u.prefix, u.seq, u.item, u.cat, u.prio, 'kiosk', 'waiting', u.at, u.at
         FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
              AS u(number, prefix, seq, item, cat, prio, at)`,
        [
          today,
          hall.id,
          cols.number,
          cols.prefix,
          cols.seq,
          cols.item,
          cols.cat,
          cols.prio,
          cols.at,
        ],
      );
    }
    for (const [prefix, last] of seqs)
      await c.query(
        `INSERT INTO ticket_counters (hall_id, service_date, prefix, last_value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hall_id, service_date, prefix) DO UPDATE SET last_value = GREATEST(ticket_counters.last_value, EXCLUDED.last_value)`,
        [hall.id, today, prefix, last],
      );
    await c.query('COMMIT');
    await c.query('ANALYZE tickets');
  } finally {
    await c.end();
  }
}

/** Tickets of today, idempotency keys and events of the halls `hallIds`. */
async function durableCounts(url, hallIds) {
  const [counts] = await sql(
    url,
    `SELECT (SELECT count(*) FROM tickets WHERE hall_id = ANY($1) AND service_date = $2)::int AS tickets,
            (SELECT count(*) FROM idempotency_keys WHERE hall_id = ANY($1))::int AS keys,
            (SELECT count(*) FROM hall_events WHERE hall_id = ANY($1))::int AS events`,
    [hallIds, todayInShanghai()],
  );
  return counts;
}

/** Today's waiting, no-show and called tickets of `hall`. */
async function ticketStates(url, hall) {
  const [left] = await sql(
    url,
    `SELECT count(*) FILTER (WHERE state = 'waiting')::int AS waiting,
            count(*) FILTER (WHERE state = 'no_show')::int AS no_show,
            count(*) FILTER (WHERE state = 'called')::int AS called
     FROM tickets WHERE hall_id = $1 AND service_date = $2`,
    [hall.id, todayInShanghai()],
  );
  return left;
}

module.exports = {
  CALL_WINDOWS,
  prepareDatabase,
  prefillTickets,
  durableCounts,
  ticketStates,
};
