'use strict';
/**
 * What must hold after the run, read from the database: no ticket number twice in a hall's day,
 * every acknowledged ticket stored once, every ticket of the load ended exactly once (its state
 * final, one ending event), the boards' streams complete, the outbox drained and the rollups equal
 * to the raw tickets (as rollup_hall_days counts them).
 */
const { sql } = require('../bench/common/db');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../bench/common/processes');

/** ROLLUP_RULES.abandonAfter, from the one definition (libs/contracts figures.ts). */
const ABANDON_AFTER = `${
  /ABANDON_AFTER_MINUTES = (\d+)/.exec(
    fs.readFileSync(
      path.join(ROOT, 'libs/contracts/src/lib/figures.ts'),
      'utf8',
    ),
  )[1]
} minutes`;

const ENDINGS = [
  'ticket.completed',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.expired',
  'ticket.transferred',
];

/** Acknowledged tickets missing from the database, keys answered with two tickets, tickets no key explains. */
async function ticketLedger(url, load, hall) {
  const acked = [...load.tickets.keys()];
  const stored = new Set(
    (
      await sql(
        url,
        `SELECT id::text FROM tickets WHERE hall_id = $1 AND id = ANY($2::uuid[])`,
        [hall, acked],
      )
    ).map((r) => r.id),
  );
  const lostIds = acked.filter((id) => !stored.has(id));
  let keyTwice = 0;
  for (const k of load.keys.values()) if (k.ids.size > 1) keyTwice++;
  const [db] = await sql(
    url,
    `SELECT count(*)::int AS tickets,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.ticket_id = t.id))::int AS keyless,
            (SELECT count(*)::int FROM idempotency_keys WHERE hall_id = $1) AS keys
     FROM tickets t WHERE hall_id = $1`,
    [hall],
  );
  // every stored ticket came from one key a client sent; no key sent twice made two tickets
  const sentKeys =
    load.keys.size + [...load.tickets.values()].filter((t) => t.probe).length;
  return { lostIds, keyTwice, db, sentKeys, acked: acked.length };
}

/** Every ticket of `hall` in a final state, with exactly one ending event. */
async function endings(url, hall) {
  const [r] = await sql(
    url,
    `WITH ends AS (
       SELECT payload->>'id' AS id, count(*) AS n FROM hall_events
       WHERE hall_id = $1 AND type = ANY($2) GROUP BY 1)
     SELECT count(*) FILTER (WHERE t.state NOT IN ('done', 'no_show', 'cancelled', 'expired', 'transferred'))::int AS open,
            count(*) FILTER (WHERE COALESCE(e.n, 0) = 0)::int AS no_end,
            count(*) FILTER (WHERE e.n > 1)::int AS ended_twice
     FROM tickets t LEFT JOIN ends e ON e.id = t.id::text WHERE t.hall_id = $1`,
    [hall, ENDINGS],
  );
  const byState = await sql(
    url,
    `SELECT state, count(*)::int AS n FROM tickets WHERE hall_id = $1 GROUP BY 1 ORDER BY 1`,
    [hall],
  );
  return {
    ...r,
    byState: Object.fromEntries(byState.map((x) => [x.state, x.n])),
  };
}

async function duplicateNumbers(url) {
  const [r] = await sql(
    url,
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM tickets GROUP BY hall_id, service_date, number HAVING count(*) > 1) d`,
  );
  return r.n;
}

/**
 * rollup_daily (per category and the day's '*' row), rollup_hourly and rollup_window_daily against
 * the same counts over the tickets, for every hall-day that has tickets or rollups.
 */
async function rollupMismatches(url) {
  const daily = await sql(
    url,
    `WITH raw AS (
       SELECT hall_id, service_date, COALESCE(category_code, '*') AS category_code,
              count(*)::int AS arrivals, count(called_at)::int AS called,
              count(*) FILTER (WHERE state = 'done')::int AS served,
              count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
              count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE state = 'cancelled' AND cancelled_by IS DISTINCT FROM 'staff'
                                 AND cancelled_at - issued_at > $1::interval)::int AS abandoned,
              count(*) FILTER (WHERE state = 'expired')::int AS expired
       FROM tickets GROUP BY GROUPING SETS ((hall_id, service_date, category_code), (hall_id, service_date)))
     SELECT COALESCE(r.hall_id, d.hall_id) AS hall_id, COALESCE(r.service_date, d.service_date)::text AS day,
            COALESCE(r.category_code, d.category_code) AS category, to_jsonb(r) AS raw, to_jsonb(d) AS rollup
     FROM raw r FULL JOIN (
       SELECT hall_id, service_date, category_code, arrivals, called, served, no_shows, cancelled, abandoned, expired
       FROM rollup_daily) d
       ON d.hall_id = r.hall_id AND d.service_date = r.service_date AND d.category_code = r.category_code
     WHERE (r.arrivals, r.called, r.served, r.no_shows, r.cancelled, r.abandoned, r.expired)
           IS DISTINCT FROM (d.arrivals, d.called, d.served, d.no_shows, d.cancelled, d.abandoned, d.expired)
     LIMIT 20`,
    [ABANDON_AFTER],
  );
  const windows = await sql(
    url,
    `WITH raw AS (
       SELECT hall_id, service_date, window_id, count(called_at)::int AS called,
              count(*) FILTER (WHERE state = 'done')::int AS served
       FROM tickets WHERE window_id IS NOT NULL GROUP BY 1, 2, 3)
     SELECT COALESCE(r.hall_id, d.hall_id) AS hall_id, COALESCE(r.service_date, d.service_date)::text AS day,
            to_jsonb(r) AS raw, to_jsonb(d) AS rollup
     FROM raw r FULL JOIN (SELECT hall_id, service_date, window_id, called, served FROM rollup_window_daily) d
       USING (hall_id, service_date, window_id)
     WHERE (r.called, r.served) IS DISTINCT FROM (d.called, d.served)
     LIMIT 20`,
  );
  const [counted] = await sql(
    url,
    `SELECT (SELECT count(*)::int FROM rollup_daily) AS daily_rows,
            (SELECT count(*)::int FROM rollup_window_daily) AS window_rows,
            (SELECT COALESCE(sum(arrivals), 0)::int FROM rollup_daily WHERE category_code = '*') AS arrivals,
            (SELECT count(*)::int FROM tickets) AS tickets`,
  );
  return { daily, windows, counted };
}

/** Each board's stream: event ids consecutive from its first, none twice, up to the hall's last. */
async function boardGaps(url, hall, boards) {
  const [{ last }] = await sql(
    url,
    `SELECT COALESCE(max(seq), 0)::int AS last FROM hall_events WHERE hall_id = $1`,
    [hall],
  );
  return boards.map((b) => {
    let gaps = 0;
    let twice = 0;
    let firstGap = null;
    for (let i = 1; i < b.ids.length; i++) {
      if (b.ids[i] === b.ids[i - 1] + 1) continue;
      if (b.ids[i] <= b.ids[i - 1]) twice++;
      else gaps += b.ids[i] - b.ids[i - 1] - 1;
      firstGap ??= `${b.ids[i - 1]}→${b.ids[i]}`;
    }
    const lastSeen = b.ids.length ? b.ids[b.ids.length - 1] : null;
    return {
      board: b.no,
      events: b.ids.length,
      gaps,
      firstGap,
      twice,
      behind: last - (lastSeen ?? 0),
      reconnects: b.reconnects,
    };
  });
}

module.exports = {
  ticketLedger,
  endings,
  duplicateNumbers,
  rollupMismatches,
  boardGaps,
  ENDINGS,
};
