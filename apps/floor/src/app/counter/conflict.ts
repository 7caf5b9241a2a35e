import type { TicketView, WindowState } from '@onewindow/contracts';
import {
  NEEDS_CALLED,
  NEEDS_SERVING,
  type CounterAction,
  type WindowAction,
} from './actions';
import type { Msg } from './messages';

/** What the console knows after reloading, once the server refused an action (409). */
export interface ConflictContext {
  /** what the clerk asked for */
  action: CounterAction | WindowAction;
  /** the ticket the action was for (ticket actions) */
  ticket: { id: string; number: string } | null;
  /** that ticket as the server has it now, when it could be read */
  freshTicket: TicketView | null;
  /** the clerk's window as the server has it now */
  window: { id: string; state: WindowState } | null;
  /** the ticket the window holds now (GET …/today) */
  current: TicketView | null;
}

const WINDOW_TARGET: Record<WindowAction, WindowState> = {
  open: 'open',
  pause: 'paused',
  close: 'closed',
};

function isWindowAction(a: ConflictContext['action']): a is WindowAction {
  return a === 'open' || a === 'pause' || a === 'close';
}

/**
 * Explains a refused action (409) in words, from the fresh state of the window and the ticket
 * rather than the server's text: e.g. "A023 已被标记为过号（可能已在其他设备上操作）" or "本窗口还有未办结的号
 * A021，请先办结或过号". When nothing explains it, says the page was refreshed.
 */
export function explainConflict(c: ConflictContext): Msg {
  const w = c.window;
  if (isWindowAction(c.action)) {
    if (!w) return { key: 'conflictRefreshed' };
    if (w.state === 'retired') return { key: 'conflictWindow_retired' };
    if (w.state === WINDOW_TARGET[c.action])
      return {
        key: 'conflictWindowAlready',
        params: { state: { key: `state_${w.state}` } },
      };
    if (c.action === 'close' && c.current)
      return {
        key: 'conflictStillHoldsClose',
        params: { number: c.current.number },
      };
    if (c.action === 'pause' && w.state === 'closed')
      return { key: 'conflictPauseClosed' };
    return { key: 'conflictRefreshed' };
  }

  if (c.action === 'call') {
    if (w && w.state !== 'open') return { key: `conflictWindow_${w.state}` };
    if (c.current)
      return {
        key: 'conflictStillHolds',
        params: { number: c.current.number },
      };
    return { key: 'conflictRefreshed' };
  }

  if (!c.ticket) return { key: 'conflictRefreshed' };
  const number = c.ticket.number;
  const fresh =
    c.freshTicket ??
    (c.current && c.current.id === c.ticket.id ? c.current : null);
  if (!fresh) return { key: 'conflictTicketGone', params: { number } };
  switch (fresh.state) {
    case 'no_show':
    case 'done':
    case 'transferred':
    case 'cancelled':
    case 'expired':
    case 'waiting':
      return { key: `conflictTicket_${fresh.state}`, params: { number } };
    case 'called':
    case 'serving': {
      if (w && fresh.windowId && fresh.windowId !== w.id)
        return fresh.windowLabel
          ? {
              key: 'conflictTicketElsewhere',
              params: { number, window: { windowLabel: fresh.windowLabel } },
            }
          : { key: 'conflictTicketElsewhereUnknown' };
      if (fresh.state === 'serving' && NEEDS_CALLED.includes(c.action))
        return { key: 'conflictTicketServing', params: { number } };
      if (fresh.state === 'called' && NEEDS_SERVING.includes(c.action))
        return { key: 'conflictTicketNotStarted', params: { number } };
      return { key: 'conflictRefreshed' };
    }
    default:
      return { key: 'conflictRefreshed' };
  }
}

/**
 * Why an action does not fit now (its button is disabled; this answers its shortcut key): e.g.
 * "A021 还未开始办理，不能“办结”" or, pressing call while holding a ticket, "本窗口还有未办结的号 A021…".
 */
export function explainNotNow(
  action: CounterAction,
  ticket: { number: string; state: TicketView['state'] } | null,
): Msg {
  const name: Msg = { key: action };
  if (action === 'call') {
    if (ticket)
      return { key: 'conflictStillHolds', params: { number: ticket.number } };
    return { key: 'notNow_closed' };
  }
  if (ticket?.state === 'called')
    return {
      key: 'notNow_called',
      params: { number: ticket.number, action: name },
    };
  if (ticket?.state === 'serving')
    return {
      key: 'notNow_serving',
      params: { number: ticket.number, action: name },
    };
  return { key: 'notNow_noTicket', params: { action: name } };
}
