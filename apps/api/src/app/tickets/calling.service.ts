import { Injectable } from '@nestjs/common';
import type { TicketView } from '@onewindow/contracts';
import { TicketQueries, toTicketView } from '@onewindow/persistence';
import { todayInShanghai } from '../common/service-date';
import { HallEventsService } from '../live/hall-events.service';

/** Calling the next ticket to a window: who goes next (the green channel) and the call itself. */
@Injectable()
export class CallingService {
  constructor(
    private readonly tickets: TicketQueries,
    private readonly events: HallEventsService,
  ) {}

  /**
   * Calls the next ticket to a window in one statement (call_next, libs/persistence/src/sql/
   * functions/call_next.sql): the window row is locked (one call at a time per window), the
   * candidates are locked with SKIP LOCKED (two windows never get the same ticket), the green
   * channel chooses (the rule `chooseNext` states), and the streak, the call and the ticket.called
   * event commit together, so a connection is held for one round trip. Returns null when nothing
   * waits that the window may serve. An unknown window (SQLSTATE OW404), a window not open or still
   * holding a ticket (OW409) are the contract's 404 and 409 through SQL_ERRORS
   * (common/domain-error.ts).
   */
  async callNext(hallId: string, windowId: string): Promise<TicketView | null> {
    const called = await this.tickets.callNext(
      hallId,
      todayInShanghai(),
      windowId,
    );
    if (!called) return null;
    this.events.notify(hallId);
    return toTicketView(called);
  }
}
