import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketView } from '@onewindow/contracts';
import { TicketQueries, WindowQueries } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { todayInShanghai } from '../common/service-date';
import { HallEventsService } from '../live/hall-events.service';
import { chooseNext, streakAfter } from './queue-estimate';
import { toTicketView } from '@onewindow/persistence';

/** Calling the next ticket to a window: who goes next (priority, caps) and the call itself. */
@Injectable()
export class CallingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketQueries,
    private readonly windows: WindowQueries,
    private readonly events: HallEventsService,
  ) {}

  /**
   * Calls the next ticket to a window, atomically: the window row is locked (one call at a time
   * per window), candidates are locked with SKIP LOCKED (two windows never get the same ticket).
   * Returns null when nothing waits that the window may serve.
   */
  async callNext(hallId: string, windowId: string): Promise<TicketView | null> {
    const called = await this.db.transaction(async (m) => {
      const window = await this.windows
        .on(m)
        .lockForOperation(hallId, windowId);
      if (!window) throw DomainError.notFound('Window');
      if (window.state !== 'open')
        throw DomainError.conflict(
          `Window ${window.label} is ${window.state}; open it first`,
        );
      const today = todayInShanghai();
      const categories =
        window.mode === 'comprehensive' && window.category_codes.length === 0
          ? null
          : window.category_codes;
      const tickets = this.tickets.on(m);
      const c = await tickets.callCandidates(
        hallId,
        today,
        categories,
        windowId,
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
      const pick = chooseNext(
        normal ? { queuedAt: normal.queue_at } : null,
        priority ? { queuedAt: priority.queue_at } : null,
        window.priority_streak,
        {
          priorityStreakCap: window.streak_cap,
          normalMaxWaitMinutes: window.max_wait,
        },
        new Date(),
      );
      if (!pick) return null;
      const chosen = (pick === 'normal' ? normal : priority) as {
        id: string;
        service_date: string;
      };
      const streak = streakAfter(window.priority_streak, pick);
      if (streak !== window.priority_streak)
        await this.windows.on(m).setPriorityStreak(windowId, streak);
      const row = await tickets.markCalled(
        chosen.id,
        chosen.service_date,
        windowId,
      );
      row.window_label = window.label;
      await this.events.append(m, hallId, 'ticket.called', toTicketView(row));
      return row;
    });
    if (!called) return null;
    this.events.notify(hallId);
    return toTicketView(called);
  }
}
