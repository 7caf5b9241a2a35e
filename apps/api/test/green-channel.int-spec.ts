import { todayInShanghai } from '../src/app/common/service-date';
import {
  chooseNext,
  streakAfter,
  windowServes,
  type ServingWindow,
} from '../src/app/tickets/queue-estimate';
import { FIX, Harness, startHarness } from './harness';

const STATES = 300;
const SEED = Number(process.env['GREEN_CHANNEL_SEED'] ?? 20251215);

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Waiting {
  id: string;
  category: string;
  priority: 'normal' | 'priority' | 'appointment';
  queueAt: Date;
}

const CATEGORIES = [
  ['social_security', 'SS-0001', 'A'],
  ['medical_insurance', 'MI-0001', 'B'],
  ['market_regulation', 'MR-0001', 'C'],
] as const;

const WINDOW_KINDS: ServingWindow[] = [
  { mode: 'comprehensive', categoryCodes: [] },
  { mode: 'comprehensive', categoryCodes: ['social_security'] },
  {
    mode: 'department',
    categoryCodes: ['social_security', 'market_regulation'],
  },
  { mode: 'department', categoryCodes: ['medical_insurance'] },
];

/**
 * The green channel is stated twice: `chooseNext`/`streakAfter` (the documented rule, in
 * TypeScript) and the SQL function call_next, which makes the call. Over a seeded random sequence of
 * queues (normal, priority and appointment tickets of several categories, windows serving all or
 * some of them, streaks below, at and above the hall's cap, normal tickets younger and older than
 * its longest wait), call_next calls the ticket chooseNext picks and leaves the streak streakAfter
 * gives.
 */
describe('The green channel: call_next() in SQL and chooseNext agree (real PostgreSQL)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('greenchannel');
  });
  afterAll(() => h?.close());

  it(`calls the same ticket and leaves the same streak in ${STATES} random states (seed ${SEED})`, async () => {
    const hall = FIX.lishui;
    const today = todayInShanghai();
    await h.sql(`SELECT ensure_ticket_partitions($1::date, $1::date)`, [today]);
    const [{ id: windowId }] = await h.sql<{ id: string }>(
      `INSERT INTO windows (hall_id, label, mode, category_codes, state, opened_on)
       VALUES ($1, 'G1', 'comprehensive', '{}', 'open', '2020-01-01') RETURNING id`,
      [hall],
    );
    const rnd = random(SEED);
    const int = (lo: number, hi: number) =>
      lo + Math.floor(rnd() * (hi - lo + 1));
    const pickOf = <T>(xs: readonly T[]): T =>
      xs[Math.floor(rnd() * xs.length)];

    const branches = new Map<string, number>();
    const disagreements: object[] = [];
    for (let s = 0; s < STATES; s++) {
      const cap = int(1, 5);
      const maxWait = pickOf([5, 15, 45, 120]);
      // below, at and above the cap (above: a cap lowered while a streak ran)
      const streak = pickOf([0, 0, cap - 1, cap, cap, cap + 1, int(0, cap)]);
      const window = pickOf(WINDOW_KINDS);
      const now = Date.now();
      const tickets: Waiting[] = [];
      const count = int(0, 8);
      for (let i = 0; i < count; i++) {
        const [category] = pickOf(CATEGORIES);
        const priority = pickOf([
          'normal',
          'normal',
          'normal',
          'priority',
          'appointment',
        ] as const);
        // a minute or more either side of the longest wait, never on it (the two clocks differ by
        // milliseconds), and a distinct moment each
        const minutes =
          rnd() < 0.3
            ? maxWait + 1 + rnd() * 30
            : rnd() * Math.max(0, maxWait - 1);
        tickets.push({
          id: '',
          category,
          priority,
          queueAt: new Date(Math.floor(now - minutes * 60_000) - i),
        });
      }

      await h.sql(`DELETE FROM tickets WHERE hall_id = $1`, [hall]);
      await h.sql(
        `UPDATE halls SET priority_streak_cap = $2, normal_max_wait_minutes = $3 WHERE id = $1`,
        [hall, cap, maxWait],
      );
      await h.sql(
        `UPDATE windows SET mode = $2, category_codes = $3, priority_streak = $4 WHERE id = $1`,
        [windowId, window.mode, window.categoryCodes, streak],
      );
      for (const [i, t] of tickets.entries()) {
        const [, item, prefix] = CATEGORIES.find(
          ([c]) => c === t.category,
        ) as (typeof CATEGORIES)[number];
        const [{ id }] = await h.sql<{ id: string }>(
          `INSERT INTO tickets (service_date, hall_id, number, prefix, sequence, service_item_code, category_code,
                                priority, channel, state, issued_at, queue_at)
           VALUES ($1, $2, ticket_number($3::text, $4::int), $3::text, $4::int, $5, $6, $7, 'kiosk', 'waiting', $8, $8) RETURNING id`,
          [today, hall, prefix, i + 1, item, t.category, t.priority, t.queueAt],
        );
        t.id = id;
      }

      // the rule: the oldest normal and the oldest priority/appointment ticket the window serves
      const oldest = (normal: boolean) =>
        tickets
          .filter(
            (t) =>
              (t.priority === 'normal') === normal &&
              windowServes(window, t.category),
          )
          .sort((a, b) => a.queueAt.getTime() - b.queueAt.getTime())[0] ?? null;
      const normal = oldest(true);
      const priority = oldest(false);
      const rules = { priorityStreakCap: cap, normalMaxWaitMinutes: maxWait };
      const pick = chooseNext(
        normal && { queuedAt: normal.queueAt },
        priority && { queuedAt: priority.queueAt },
        streak,
        rules,
        new Date(),
      );
      const expected = {
        ticket:
          pick === null ? null : (pick === 'normal' ? normal : priority)?.id,
        streak: pick === null ? streak : streakAfter(streak, pick),
      };

      const rows = await h.sql<{ id: string }>(
        `SELECT id FROM call_next($1, $2, $3)`,
        [hall, windowId, today],
      );
      const [{ priority_streak }] = await h.sql<{ priority_streak: number }>(
        `SELECT priority_streak FROM windows WHERE id = $1`,
        [windowId],
      );
      const actual = { ticket: rows[0]?.id ?? null, streak: priority_streak };
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        disagreements.push({
          state: s,
          cap,
          maxWait,
          streak,
          window,
          tickets,
          expected,
          actual,
        });

      const branch =
        !normal && !priority
          ? 'nothing waits'
          : !normal
            ? 'only priority'
            : !priority
              ? 'only normal'
              : pick === 'priority'
                ? 'priority first'
                : (now - normal.queueAt.getTime()) / 60_000 >= maxWait
                  ? 'normal: waited the longest wait'
                  : 'normal: streak at the cap';
      branches.set(branch, (branches.get(branch) ?? 0) + 1);
    }

    expect(disagreements).toEqual([]);
    // the sequence went through every branch of the rule
    expect(Object.fromEntries([...branches].map(([b]) => [b, true]))).toEqual({
      'nothing waits': true,
      'only priority': true,
      'only normal': true,
      'priority first': true,
      'normal: waited the longest wait': true,
      'normal: streak at the cap': true,
    });
    for (const [branch, n] of branches)
      expect({ branch, enough: n >= 5 }).toEqual({ branch, enough: true });
  });
});
