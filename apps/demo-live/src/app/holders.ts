import type { TicketView } from '@onewindow/contracts';
import type { Visitor } from './model';
import type { DayContext } from './day-context';

/** A ticket the kiosk issued, and the person holding it. */
export interface Holder {
  ticket: TicketView & { statusToken?: string };
  visitor: Visitor;
  called: boolean;
  patience: ReturnType<typeof setTimeout> | null;
}

/**
 * The people holding the day's tickets: each waits as long as their patience lasts; when it runs
 * out before the call, they leave through their ticket page (as a citizen does on /t/{token}).
 */
export class Holders {
  private readonly byTicket = new Map<string, Holder>();

  constructor(private readonly ctx: DayContext) {}

  /** Someone took a ticket: their patience starts. */
  add(ticket: Holder['ticket'], visitor: Visitor): void {
    const holder: Holder = { ticket, visitor, called: false, patience: null };
    holder.patience = setTimeout(
      () => void this.giveUp(holder),
      this.ctx.clock.realMs(visitor.patienceMinutes),
    );
    this.byTicket.set(ticket.id, holder);
  }

  /** A window called the ticket: its holder stops waiting (undefined for a ticket not issued here). */
  called(ticketId: string): Visitor | undefined {
    const holder = this.byTicket.get(ticketId);
    if (!holder) return undefined;
    holder.called = true;
    if (holder.patience) clearTimeout(holder.patience);
    holder.patience = null;
    return holder.visitor;
  }

  /** The day is over: no one gives up any more. */
  dismiss(): void {
    for (const h of this.byTicket.values())
      if (h.patience) clearTimeout(h.patience);
  }

  /** Patience ran out before the call: the holder leaves through their ticket page. */
  private async giveUp(holder: Holder): Promise<void> {
    holder.patience = null;
    if (holder.called || this.ctx.stopper.stopped || !holder.ticket.statusToken)
      return;
    try {
      const res = await this.ctx.api.request(
        'POST',
        `/public/tickets/${holder.ticket.statusToken}/cancel`,
        { accept: [409] },
      );
      if (res.status === 200) this.ctx.summary.gaveUp++;
    } catch (e) {
      this.ctx.log.warn(
        { err: String(e) },
        'a holder could not leave the queue',
      );
    }
  }
}
