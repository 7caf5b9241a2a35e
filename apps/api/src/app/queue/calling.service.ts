import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  QueueSnapshot,
  TicketView,
  WindowToday,
  WindowView,
} from '@onewindow/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { todayInShanghai } from '../common/service-date';
import { HallEventsService } from './hall-events.service';
import { chooseNext } from './queue-estimate';
import {
  TICKET_COLUMNS,
  toTicketView,
  updateReturning,
  type TicketRow,
} from './ticket-row';

interface WindowRow {
  id: string;
  hall_id: string;
  label: string;
  mode: 'department' | 'comprehensive';
  category_codes: string[];
  state: 'open' | 'paused' | 'closed' | 'retired';
}

type WindowAction = 'open' | 'pause' | 'close';

/** A window locked for a change, with its hall's priority rules. */
interface LockedWindow extends WindowRow {
  opened_on: string;
  retired_on: string | null;
  overtake_cap: number;
  max_wait: number;
}

interface CallCandidates {
  held: string | null;
  n_id: string | null;
  n_date: string | null;
  n_queue: Date | null;
  p_id: string | null;
  p_date: string | null;
  p_queue: Date | null;
  normals_ahead: number;
}

/** Which states a window may leave for each action. */
const WINDOW_TRANSITIONS: Record<
  WindowAction,
  { from: WindowRow['state'][]; to: WindowRow['state'] }
> = {
  open: { from: ['closed', 'paused'], to: 'open' },
  pause: { from: ['open'], to: 'paused' },
  close: { from: ['open', 'paused'], to: 'closed' },
};

@Injectable()
export class CallingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: HallEventsService,
  ) {}

  /**
   * Calls the next ticket to a window, atomically: the window row is locked (one call at a time
   * per window), candidates are locked with SKIP LOCKED (two windows never get the same ticket).
   * Returns null when nothing waits that the window may serve.
   */
  async callNext(hallId: string, windowId: string): Promise<TicketView | null> {
    const called = await this.db.transaction(async (m) => {
      const window = await this.lockWindow(m, hallId, windowId);
      if (window.state !== 'open')
        throw DomainError.conflict(
          `Window ${window.label} is ${window.state}; open it first`,
        );
      const today = todayInShanghai();
      const categories =
        window.mode === 'comprehensive' && window.category_codes.length === 0
          ? null
          : window.category_codes;
      // After the window lock, in one statement (a fresh snapshot, so a ticket called by the
      // previous holder of the lock is seen): what the window still holds, the oldest normal and
      // the oldest priority ticket it may serve (locked, skipping those other windows are taking),
      // and how many normal tickets the priority one would overtake (counted up to cap + 1).
      const [c]: CallCandidates[] = await m.query(
        `WITH n AS (
           SELECT t.id, t.service_date::text AS service_date, t.queue_at FROM tickets t
           WHERE t.hall_id = $1 AND t.service_date = $2 AND t.state = 'waiting'
             AND ($3::text[] IS NULL OR t.category_code = ANY($3)) AND t.priority = 'normal'
           ORDER BY t.queue_at, t.id LIMIT 1 FOR UPDATE SKIP LOCKED
         ), p AS (
           SELECT t.id, t.service_date::text AS service_date, t.queue_at FROM tickets t
           WHERE t.hall_id = $1 AND t.service_date = $2 AND t.state = 'waiting'
             AND ($3::text[] IS NULL OR t.category_code = ANY($3)) AND t.priority <> 'normal'
           ORDER BY t.queue_at, t.id LIMIT 1 FOR UPDATE SKIP LOCKED
         )
         SELECT held.number AS held, n.id AS n_id, n.service_date AS n_date, n.queue_at AS n_queue,
                p.id AS p_id, p.service_date AS p_date, p.queue_at AS p_queue,
                (SELECT count(*)::int FROM (
                   SELECT 1 FROM tickets x
                   WHERE x.hall_id = $1 AND x.service_date = $2 AND x.state = 'waiting' AND x.priority = 'normal'
                     AND ($3::text[] IS NULL OR x.category_code = ANY($3)) AND x.queue_at < p.queue_at
                   LIMIT $5) ahead) AS normals_ahead
         FROM (SELECT 1) one
         LEFT JOIN n ON true
         LEFT JOIN p ON true
         LEFT JOIN LATERAL (
           SELECT number FROM tickets h
           WHERE h.hall_id = $1 AND h.service_date = $2 AND h.window_id = $4 AND h.state IN ('called', 'serving') LIMIT 1
         ) held ON true`,
        [hallId, today, categories, windowId, window.overtake_cap + 1],
      );
      if (c.held)
        throw DomainError.conflict(
          `Window ${window.label} still holds ticket ${c.held}`,
        );
      const normal = c.n_id
        ? {
            id: c.n_id,
            service_date: c.n_date as string,
            queue_at: c.n_queue as Date,
          }
        : null;
      const priority = c.p_id
        ? {
            id: c.p_id,
            service_date: c.p_date as string,
            queue_at: c.p_queue as Date,
          }
        : null;
      const normalsAhead = c.normals_ahead;
      const rules = {
        overtake_cap: window.overtake_cap,
        max_wait: window.max_wait,
      };
      const pick = chooseNext(
        normal ? { queuedAt: normal.queue_at } : null,
        priority ? { queuedAt: priority.queue_at } : null,
        normalsAhead,
        {
          overtakeCap: rules.overtake_cap,
          normalMaxWaitMinutes: rules.max_wait,
        },
        new Date(),
      );
      if (!pick) return null;
      const chosen = (pick === 'normal' ? normal : priority) as {
        id: string;
        service_date: string;
      };
      // the moment of the call, not the transaction's start: the call may have waited for its
      // window while the ticket it calls was issued (now() would stamp it before its issue)
      const [row] = await updateReturning<TicketRow>(
        m,
        `UPDATE tickets t SET state = 'called', called_at = clock_timestamp(), window_id = $3
         WHERE id = $1 AND service_date = $2 RETURNING ${TICKET_COLUMNS}`,
        [chosen.id, chosen.service_date, windowId],
      );
      row.window_label = window.label;
      await this.events.append(m, hallId, 'ticket.called', toTicketView(row));
      return row;
    });
    if (!called) return null;
    this.events.notify(hallId);
    return toTicketView(called);
  }

  /** open / pause / close a window; closing needs it to hold no ticket. */
  async setWindowState(
    hallId: string,
    windowId: string,
    action: WindowAction,
  ): Promise<WindowView> {
    const view = await this.db.transaction(async (m) => {
      const window = await this.lockWindow(m, hallId, windowId);
      const rule = WINDOW_TRANSITIONS[action];
      if (!rule.from.includes(window.state))
        throw DomainError.conflict(
          `Cannot ${action} window ${window.label}: it is ${window.state}`,
        );
      if (action === 'close') {
        const [held]: { number: string }[] = await m.query(
          `SELECT number FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3 AND state IN ('called', 'serving') LIMIT 1`,
          [hallId, todayInShanghai(), windowId],
        );
        if (held)
          throw DomainError.conflict(
            `Window ${window.label} still holds ticket ${held.number}; finish it first`,
          );
      }
      await m.query(
        `UPDATE windows SET state = $2, updated_at = now() WHERE id = $1`,
        [windowId, rule.to],
      );
      const v: WindowView = {
        id: window.id,
        label: window.label,
        mode: window.mode,
        categoryCodes: window.category_codes,
        state: rule.to,
        openedOn: window.opened_on,
        retiredOn: window.retired_on,
      };
      await this.events.append(m, hallId, 'window.changed', v);
      return v;
    });
    this.events.notify(hallId);
    return view;
  }

  /**
   * The queue now. One REPEATABLE READ transaction, so the figures and `lastEventId` are of one
   * moment: every change commits its event with it, so a stream resumed after `lastEventId`
   * brings exactly the changes the snapshot does not hold.
   */
  async snapshot(hallId: string): Promise<QueueSnapshot> {
    const today = todayInShanghai();
    const [waiting, windows, current, avg, seq] = await this.db.transaction(
      'REPEATABLE READ',
      async (m) =>
        [
          (await m.query(
            `SELECT category_code, count(*)::int AS count, min(issued_at) AS oldest FROM tickets
           WHERE hall_id = $1 AND service_date = $2 AND state = 'waiting' GROUP BY category_code ORDER BY category_code`,
            [hallId, today],
          )) as { category_code: string; count: number; oldest: Date }[],
          (await m.query(
            `SELECT id, hall_id, label, mode, category_codes, state FROM windows WHERE hall_id = $1 AND state <> 'retired' ORDER BY label`,
            [hallId],
          )) as WindowRow[],
          (await m.query(
            `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.hall_id = $1 AND t.service_date = $2 AND t.state IN ('called', 'serving')`,
            [hallId, today],
          )) as TicketRow[],
          (await m.query(
            `SELECT avg(extract(epoch FROM called_at - issued_at)) / 60 AS minutes FROM tickets
           WHERE hall_id = $1 AND service_date = $2 AND called_at IS NOT NULL`,
            [hallId, today],
          )) as { minutes: string | null }[],
          (await m.query(
            `SELECT last_seq FROM hall_event_counters WHERE hall_id = $1`,
            [hallId],
          )) as { last_seq: string }[],
        ] as const,
    );
    const byWindow = new Map(current.map((t) => [t.window_id, t]));
    return {
      asOf: new Date().toISOString(),
      waiting: waiting.map((w) => ({
        categoryCode: w.category_code,
        count: w.count,
        oldestIssuedAt: w.oldest.toISOString(),
      })),
      windows: windows.map((w) => {
        const t = byWindow.get(w.id);
        return {
          id: w.id,
          label: w.label,
          mode: w.mode,
          state: w.state,
          ...(t
            ? { currentTicket: toTicketView({ ...t, window_label: w.label }) }
            : {}),
        };
      }),
      averageWaitTodayMinutes:
        avg[0].minutes === null
          ? 0
          : Math.round(Number(avg[0].minutes) * 10) / 10,
      lastEventId: seq.length ? String(seq[0].last_seq) : '0',
    };
  }

  /** A window's day so far, for its clerk: served, no-shows, mean handling time, current ticket. */
  async today(hallId: string, windowId: string): Promise<WindowToday> {
    const today = todayInShanghai();
    const [[w], [stats], [current]] = await Promise.all([
      this.db.query(
        `SELECT label FROM windows WHERE id = $1 AND hall_id = $2`,
        [windowId, hallId],
      ) as Promise<{ label: string }[]>,
      this.db.query(
        `SELECT count(*) FILTER (WHERE state = 'done')::int AS served,
                count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
                avg(extract(epoch FROM completed_at - started_at) / 60)
                  FILTER (WHERE state = 'done' AND started_at IS NOT NULL) AS handling
         FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3`,
        [hallId, today, windowId],
      ) as Promise<
        { served: number; no_shows: number; handling: string | null }[]
      >,
      this.db.query(
        `SELECT ${TICKET_COLUMNS} FROM tickets t
         WHERE t.hall_id = $1 AND t.service_date = $2 AND t.window_id = $3 AND t.state IN ('called', 'serving')`,
        [hallId, today, windowId],
      ) as Promise<TicketRow[]>,
    ]);
    if (!w) throw DomainError.notFound('Window');
    return {
      windowId,
      served: stats.served,
      noShows: stats.no_shows,
      meanHandlingMinutes:
        stats.handling === null
          ? null
          : Math.round(Number(stats.handling) * 10) / 10,
      ...(current
        ? { currentTicket: toTicketView({ ...current, window_label: w.label }) }
        : {}),
    };
  }

  private async lockWindow(
    m: EntityManager,
    hallId: string,
    windowId: string,
  ): Promise<LockedWindow> {
    const [w]: LockedWindow[] = await m.query(
      `SELECT w.id, w.hall_id, w.label, w.mode, w.category_codes, w.state,
              to_char(w.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(w.retired_on, 'YYYY-MM-DD') AS retired_on,
              h.priority_overtake_cap AS overtake_cap, h.normal_max_wait_minutes AS max_wait
       FROM windows w JOIN halls h ON h.id = w.hall_id
       WHERE w.id = $1 AND w.hall_id = $2 FOR UPDATE OF w`,
      [windowId, hallId],
    );
    if (!w) throw DomainError.notFound('Window');
    return w;
  }
}
