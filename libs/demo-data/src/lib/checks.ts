import { Client } from 'pg';
import { FACTS } from './facts';
import { hallId } from './ids';

export interface DemoCheck {
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}

/**
 * The facts of the report, measured with SQL on a loaded database: window counts on the facts'
 * dates, Fuyang's mean daily visitors (door counts), online-handling rates per year. Checks whose
 * data the profile does not load (e.g. a year of door counts in the small profile) are skipped.
 */
export async function demoChecks(databaseUrl: string): Promise<DemoCheck[]> {
  const client = new Client({
    connectionString: databaseUrl,
    application_name: 'onewindow-demo-checks',
  });
  await client.connect();
  const out: DemoCheck[] = [];
  try {
    for (const h of FACTS.halls) {
      for (const w of h.windows ?? []) {
        const r = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM windows WHERE hall_id = $1 AND opened_on <= $2::date AND (retired_on IS NULL OR retired_on > $2::date)`,
          [hallId(h.key), w.date],
        );
        out.push({
          name: `${h.key} windows on ${w.date}`,
          expected: String(w.count),
          actual: String(r.rows[0].n),
          ok: r.rows[0].n === w.count,
        });
      }
      for (const t of (h.targets ?? []).filter((x) => x.metric === 'windows')) {
        const r = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM windows WHERE hall_id = $1 AND opened_on <= $2::date AND (retired_on IS NULL OR retired_on > $2::date)`,
          [hallId(h.key), t.by],
        );
        const n = r.rows[0].n;
        const ok =
          t.comparison === 'lt'
            ? n < t.value
            : t.comparison === 'le'
              ? n <= t.value
              : true;
        out.push({
          name: `${h.key} windows on ${t.by} (target ${t.comparison} ${t.value})`,
          expected: `${t.comparison} ${t.value}`,
          actual: String(n),
          ok,
        });
      }
      for (const v of h.dailyVisitors ?? []) {
        const [from, to] = v.period.split('..');
        const r = await client.query<{ mean: number | null; days: number }>(
          `SELECT avg(v)::float AS mean, count(*)::int AS days FROM (
             SELECT (period_start AT TIME ZONE 'Asia/Shanghai')::date AS d, sum(entries) AS v
               FROM footfall WHERE hall_id = $1 GROUP BY 1) x
            WHERE d >= $2::date AND d < ($3::date + interval '1 month')`,
          [hallId(h.key), `${from}-01`, `${to}-01`],
        );
        const { mean, days } = r.rows[0];
        if (!mean || days < 100) continue; // not loaded in this profile
        out.push({
          name: `${h.key} mean daily visitors ${v.period} (${days} open days)`,
          expected: `${v.value} ±5%`,
          actual: mean.toFixed(0),
          ok: Math.abs(mean / v.value - 1) <= 0.05,
        });
      }
      for (const o of h.onlineRate ?? []) {
        const r = await client.query<{ rate: number | null }>(
          `SELECT (sum(count) FILTER (WHERE channel IN ('online_web', 'online_mobile')))::float / nullif(sum(count), 0) AS rate
             FROM handling_records WHERE hall_id = $1 AND record_date >= make_date($2, 1, 1) AND record_date < make_date($2 + 1, 1, 1)`,
          [hallId(h.key), o.year],
        );
        const rate = r.rows[0].rate ?? 0;
        out.push({
          name: `${h.key} online rate ${o.year}`,
          expected: `${(o.value * 100).toFixed(0)}% ±1`,
          actual: `${(rate * 100).toFixed(2)}%`,
          ok: Math.abs(rate - o.value) <= 0.01,
        });
      }
    }
    const t = await client.query<{
      outside: number;
      disorder: number;
      n: number;
    }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE (issued_at AT TIME ZONE 'Asia/Shanghai')::time < '08:30'
                               OR greatest(issued_at, called_at, started_at, completed_at, cancelled_at, expired_at) AT TIME ZONE 'Asia/Shanghai' > (service_date + time '17:00')
                               OR (issued_at AT TIME ZONE 'Asia/Shanghai')::date <> service_date)::int AS outside,
              count(*) FILTER (WHERE called_at < issued_at OR started_at < called_at OR completed_at < started_at)::int AS disorder
         FROM tickets`,
    );
    out.push({
      name: `tickets inside opening hours 08:30–17:00 (${t.rows[0].n})`,
      expected: '0 outside',
      actual: `${t.rows[0].outside} outside`,
      ok: t.rows[0].outside === 0,
    });
    out.push({
      name: 'tickets issued <= called <= started <= completed',
      expected: '0 out of order',
      actual: `${t.rows[0].disorder} out of order`,
      ok: t.rows[0].disorder === 0,
    });
    const c = await client.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM ticket_counters c
         FULL JOIN (SELECT hall_id, service_date, prefix, max(sequence) AS m FROM tickets GROUP BY 1, 2, 3) t USING (hall_id, service_date, prefix)
        WHERE c.last_value IS DISTINCT FROM t.m`,
    );
    out.push({
      name: 'ticket_counters = last sequence per hall, day and prefix',
      expected: '0 mismatches',
      actual: `${c.rows[0].bad} mismatches`,
      ok: c.rows[0].bad === 0,
    });
  } finally {
    await client.end();
  }
  return out;
}
