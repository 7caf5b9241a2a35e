import type {
  HallEventType,
  QueueSnapshot,
  TicketView,
  TransferResult,
  WindowView,
} from '@onewindow/contracts';
import type { SseEvent } from './sse-parser';

/** A call (or recall) of a ticket to a window, as a board lists it. */
export interface FloorCall {
  ticketId: string;
  number: string;
  categoryCode: string;
  windowId: string;
  windowLabel: string;
  calledAt: string;
  /** a recall of a ticket already called */
  recall: boolean;
  /** the event it came with; null when it was read from the snapshot */
  eventId: string | null;
}

export interface FloorWindow {
  id: string;
  label: string;
  mode: WindowView['mode'];
  state: WindowView['state'];
  /** the ticket it has called or serves */
  current?: TicketView;
}

export interface FloorView {
  /** waiting tickets per category */
  waiting: Record<string, number>;
  windows: FloorWindow[];
  /** latest first */
  calls: FloorCall[];
  lastEventId: string | null;
}

/**
 * The queue of a hall as the floor's screens show it: what waits per category, what each window
 * holds, the latest calls. It starts from a snapshot (`GET /halls/{id}/queue`, whose `lastEventId`
 * is the last event it reflects) and applies each later event of the hall's stream exactly once
 * (an event at or before the last applied one is ignored, as a replay after a reconnect may
 * repeat some).
 */
export class HallFloor {
  private readonly waiting = new Map<string, number>();
  private readonly windows = new Map<string, FloorWindow>();
  private calls: FloorCall[] = [];
  private lastEventId: number | null;

  constructor(
    snapshot: QueueSnapshot,
    private readonly maxCalls = 10,
  ) {
    for (const w of snapshot.waiting) this.waiting.set(w.categoryCode, w.count);
    for (const w of snapshot.windows)
      this.windows.set(w.id, {
        id: w.id,
        label: w.label,
        mode: w.mode,
        state: w.state,
        ...(w.currentTicket ? { current: w.currentTicket } : {}),
      });
    this.calls = snapshot.windows
      .filter((w) => w.currentTicket?.calledAt)
      .map((w) => toCall(w.currentTicket as TicketView, w.label, false, null))
      .sort((a, b) => b.calledAt.localeCompare(a.calledAt))
      .slice(0, maxCalls);
    this.lastEventId =
      snapshot.lastEventId === undefined ? null : Number(snapshot.lastEventId);
  }

  view(): FloorView {
    return {
      waiting: Object.fromEntries(this.waiting),
      windows: [...this.windows.values()],
      calls: [...this.calls],
      lastEventId: this.lastEventId === null ? null : String(this.lastEventId),
    };
  }

  /**
   * Applies one event of the hall's stream; returns the call it made (a ticket called or recalled
   * to a window), if any, for the board to announce. Events already applied are ignored.
   */
  apply(event: SseEvent): FloorCall | null {
    if (event.id !== null) {
      const id = Number(event.id);
      if (this.lastEventId !== null && id <= this.lastEventId) return null;
      this.lastEventId = id;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      return null;
    }
    switch (event.event as HallEventType) {
      case 'ticket.issued': {
        const t = payload as TicketView;
        this.addWaiting(t.categoryCode, 1);
        return null;
      }
      case 'ticket.called':
      case 'ticket.recalled': {
        const t = payload as TicketView;
        if (event.event === 'ticket.called')
          this.addWaiting(t.categoryCode, -1);
        const w = t.windowId ? this.windows.get(t.windowId) : undefined;
        if (w) w.current = t;
        const call = toCall(
          t,
          t.windowLabel ?? w?.label ?? '',
          event.event === 'ticket.recalled',
          event.id,
        );
        this.calls = [
          call,
          ...this.calls.filter((c) => c.ticketId !== t.id),
        ].slice(0, this.maxCalls);
        return call;
      }
      case 'ticket.started': {
        const t = payload as TicketView;
        const w = t.windowId ? this.windows.get(t.windowId) : undefined;
        if (w) w.current = t;
        return null;
      }
      case 'ticket.completed':
      case 'ticket.no_show':
        this.release(payload as TicketView);
        return null;
      case 'ticket.cancelled': {
        const t = payload as TicketView;
        this.addWaiting(t.categoryCode, -1);
        return null;
      }
      case 'ticket.transferred': {
        const { from, to } = payload as TransferResult;
        this.release(from);
        this.addWaiting(to.categoryCode, 1);
        return null;
      }
      case 'window.changed': {
        const v = payload as WindowView;
        const w = this.windows.get(v.id);
        if (v.state === 'retired') this.windows.delete(v.id);
        else if (w)
          Object.assign(w, { label: v.label, mode: v.mode, state: v.state });
        else
          this.windows.set(v.id, {
            id: v.id,
            label: v.label,
            mode: v.mode,
            state: v.state,
          });
        return null;
      }
      default:
        return null;
    }
  }

  private addWaiting(categoryCode: string, delta: number): void {
    this.waiting.set(
      categoryCode,
      Math.max(0, (this.waiting.get(categoryCode) ?? 0) + delta),
    );
  }

  private release(t: TicketView): void {
    const w = t.windowId ? this.windows.get(t.windowId) : undefined;
    if (w?.current?.id === t.id) delete w.current;
  }
}

function toCall(
  t: TicketView,
  windowLabel: string,
  recall: boolean,
  eventId: string | null,
): FloorCall {
  return {
    ticketId: t.id,
    number: t.number,
    categoryCode: t.categoryCode,
    windowId: t.windowId ?? '',
    windowLabel,
    calledAt: t.calledAt ?? '',
    recall,
    eventId,
  };
}
