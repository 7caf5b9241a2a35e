import type {
  TicketView,
  TransferResult,
  WindowView,
} from '@onewindow/contracts';
import type { SseEvent } from '@onewindow/live-client';
import type { Msg } from './messages';

/** What an event of the hall's stream changes at the clerk's window. */
export interface WindowChange {
  /** the ticket the window holds now: a ticket, null (none), or undefined (unchanged) */
  current?: TicketView | null;
  /** the window itself changed */
  window?: WindowView;
  /** a ticket left the window (completed, no-show, transferred): its day figures changed */
  refreshToday?: boolean;
  /** said when the change was not the clerk's own doing on this console */
  remote?: Msg;
}

function parse<T>(data: string): T | null {
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}

/**
 * Follows the hall's stream for one window: its ticket called, started, completed, marked no-show
 * or transferred (by this console or another device at the same window), and its own changes.
 * `current` is what the console shows now: an event that leaves it as it is says nothing, so the
 * echo of the clerk's own action is silent. Returns null for an event about something else.
 */
export function followEvent(
  event: SseEvent,
  windowId: string,
  current: TicketView | null,
  windowState: WindowView['state'] | null,
): WindowChange | null {
  switch (event.event) {
    case 'ticket.called':
    case 'ticket.recalled':
    case 'ticket.started': {
      const t = parse<TicketView>(event.data);
      if (!t || t.windowId !== windowId) return null;
      const same = current?.id === t.id && current.state === t.state;
      if (same || event.event === 'ticket.recalled') return { current: t };
      return {
        current: t,
        remote: {
          key: t.state === 'serving' ? 'remoteStarted' : 'remoteCalled',
          params: { number: t.number },
        },
      };
    }
    case 'ticket.completed':
    case 'ticket.no_show': {
      const t = parse<TicketView>(event.data);
      if (!t || t.windowId !== windowId) return null;
      if (current?.id !== t.id) return { refreshToday: true };
      return {
        current: null,
        refreshToday: true,
        remote: {
          key:
            event.event === 'ticket.no_show'
              ? 'remoteNoShow'
              : 'remoteCompleted',
          params: { number: t.number },
        },
      };
    }
    case 'ticket.transferred': {
      const r = parse<TransferResult>(event.data);
      if (!r?.from || r.from.windowId !== windowId) return null;
      if (current?.id !== r.from.id) return { refreshToday: true };
      return {
        current: null,
        refreshToday: true,
        remote: { key: 'remoteTransferred', params: { number: r.from.number } },
      };
    }
    case 'window.changed': {
      const w = parse<WindowView>(event.data);
      if (!w || w.id !== windowId) return null;
      if (w.state === windowState) return { window: w };
      return {
        window: w,
        remote:
          w.state === 'retired'
            ? { key: 'remoteRetired' }
            : {
                key: 'remoteWindow',
                params: { state: { key: `state_${w.state}` } },
              },
      };
    }
    default:
      return null;
  }
}
