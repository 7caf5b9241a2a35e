import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  QueueSnapshot,
  TicketView,
  WindowView,
} from '@onewindow/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ApiErrorException } from '../common/api-error.exception';
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
        throw ApiErrorException.conflict(
          `Window ${window.label} is ${window.state}; open it first`,
        );
      const today = todayInShanghai();
      const [held]: { number: string }[] = await m.query(
        `SELECT number FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3 AND state IN ('called', 'serving') LIMIT 1`,
        [hallId, today, windowId],
      );
      if (held)
        throw ApiErrorException.conflict(
          `Window ${window.label} still holds ticket ${held.number}`,
        );

      const all =
        window.mode === 'comprehensive' && window.category_codes.length === 0;
      const categories = all ? null : window.category_codes;
      const candidate = async (
        normal: boolean,
      ): Promise<TicketRow | undefined> =>
        (
          await m.query(
            `SELECT ${TICKET_COLUMNS} FROM tickets t
             WHERE t.hall_id = $1 AND t.service_date = $2 AND t.state = 'waiting'
               AND ($3::text[] IS NULL OR t.category_code = ANY($3)) AND (t.priority = 'normal') = $4
             ORDER BY t.queue_at, t.id LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [hallId, today, categories, normal],
          )
        )[0];
      const normal = await candidate(true);
      const priority = await candidate(false);
      let normalsAhead = 0;
      if (normal && priority && priority.queue_at > normal.queue_at) {
        [{ n: normalsAhead }] = await m.query(
          `SELECT count(*)::int AS n FROM tickets WHERE hall_id = $1 AND service_date = $2 AND state = 'waiting' AND priority = 'normal'
             AND ($3::text[] IS NULL OR category_code = ANY($3)) AND queue_at < $4`,
          [hallId, today, categories, priority.queue_at],
        );
      }
      const [rules]: { overtake_cap: number; max_wait: number }[] =
        await m.query(
          `SELECT priority_overtake_cap AS overtake_cap, normal_max_wait_minutes AS max_wait FROM halls WHERE id = $1`,
          [hallId],
        );
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
      const chosen = (pick === 'normal' ? normal : priority) as TicketRow;
      const [row] = await updateReturning<TicketRow>(
        m,
        `UPDATE tickets t SET state = 'called', called_at = now(), window_id = $3
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
        throw ApiErrorException.conflict(
          `Cannot ${action} window ${window.label}: it is ${window.state}`,
        );
      if (action === 'close') {
        const [held]: { number: string }[] = await m.query(
          `SELECT number FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3 AND state IN ('called', 'serving') LIMIT 1`,
          [hallId, todayInShanghai(), windowId],
        );
        if (held)
          throw ApiErrorException.conflict(
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
      };
      await this.events.append(m, hallId, 'window.changed', v);
      return v;
    });
    this.events.notify(hallId);
    return view;
  }

  async snapshot(hallId: string): Promise<QueueSnapshot> {
    const today = todayInShanghai();
    const [waiting, windows, current, avg] = await Promise.all([
      this.db.query(
        `SELECT category_code, count(*)::int AS count, min(issued_at) AS oldest FROM tickets
         WHERE hall_id = $1 AND service_date = $2 AND state = 'waiting' GROUP BY category_code ORDER BY category_code`,
        [hallId, today],
      ) as Promise<{ category_code: string; count: number; oldest: Date }[]>,
      this.db.query(
        `SELECT id, hall_id, label, mode, category_codes, state FROM windows WHERE hall_id = $1 AND state <> 'retired' ORDER BY label`,
        [hallId],
      ) as Promise<WindowRow[]>,
      this.db.query(
        `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.hall_id = $1 AND t.service_date = $2 AND t.state IN ('called', 'serving')`,
        [hallId, today],
      ) as Promise<TicketRow[]>,
      this.db.query(
        `SELECT avg(extract(epoch FROM called_at - issued_at)) / 60 AS minutes FROM tickets
         WHERE hall_id = $1 AND service_date = $2 AND called_at IS NOT NULL`,
        [hallId, today],
      ) as Promise<{ minutes: string | null }[]>,
    ]);
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
    };
  }

  private async lockWindow(
    m: EntityManager,
    hallId: string,
    windowId: string,
  ): Promise<WindowRow> {
    const [w]: WindowRow[] = await m.query(
      `SELECT id, hall_id, label, mode, category_codes, state FROM windows WHERE id = $1 AND hall_id = $2 FOR UPDATE`,
      [windowId, hallId],
    );
    if (!w) throw ApiErrorException.notFound('Window');
    return w;
  }
}
