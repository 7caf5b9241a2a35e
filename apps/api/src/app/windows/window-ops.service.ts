import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WindowToday, WindowView } from '@onewindow/contracts';
import {
  TicketQueries,
  TicketReadQueries,
  WindowQueries,
  type WindowRow,
} from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { todayInShanghai } from '../common/service-date';
import { HallEventsService } from '../live/hall-events.service';
import { toTicketView } from '@onewindow/persistence';

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

/** A window's operation through the day by its clerk: open, pause, close, and its day so far. */
@Injectable()
export class WindowOpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly windows: WindowQueries,
    private readonly tickets: TicketQueries,
    private readonly reads: TicketReadQueries,
    private readonly events: HallEventsService,
  ) {}

  /** open / pause / close a window; closing needs it to hold no ticket. */
  async setState(
    hallId: string,
    windowId: string,
    action: WindowAction,
  ): Promise<WindowView> {
    const view = await this.db.transaction(async (m) => {
      const windows = this.windows.on(m);
      const window = await windows.lockForOperation(hallId, windowId);
      if (!window) throw DomainError.notFound('Window');
      const rule = WINDOW_TRANSITIONS[action];
      if (!rule.from.includes(window.state))
        throw DomainError.conflict(
          `Cannot ${action} window ${window.label}: it is ${window.state}`,
        );
      if (action === 'close') {
        const held = await this.tickets
          .on(m)
          .heldNumber(hallId, todayInShanghai(), windowId);
        if (held)
          throw DomainError.conflict(
            `Window ${window.label} still holds ticket ${held}; finish it first`,
          );
      }
      await windows.setState(windowId, rule.to);
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

  /** A window's day so far, for its clerk: served, no-shows, mean handling time, current ticket. */
  async today(hallId: string, windowId: string): Promise<WindowToday> {
    const today = todayInShanghai();
    const [label, stats, current] = await Promise.all([
      this.windows.label(hallId, windowId),
      this.reads.windowDay(hallId, today, windowId),
      this.tickets.held(hallId, today, windowId),
    ]);
    if (label === undefined) throw DomainError.notFound('Window');
    return {
      windowId,
      served: stats.served,
      noShows: stats.no_shows,
      meanHandlingMinutes:
        stats.handling === null
          ? null
          : Math.round(Number(stats.handling) * 10) / 10,
      ...(current
        ? { currentTicket: toTicketView({ ...current, window_label: label }) }
        : {}),
    };
  }
}
