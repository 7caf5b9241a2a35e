import type {
  ListResponse,
  ServiceItemView,
  TicketView,
  WindowToday,
  WindowView,
} from '@onewindow/contracts';
import type { ApiRequest } from '../core/api';
import { OUTCOME, type CounterAction } from './actions';
import { asApiError } from './clerk-session';
import type { Notice } from './console-state';

/** One call of the API as the signed-in clerk. */
export type ClerkCall = <T>(path: string, req?: ApiRequest) => Promise<T>;

/** What an action on the ticket left: the ticket the window holds, what to say. */
export interface ActionResult {
  /** the ticket the window holds now; undefined: unchanged */
  current?: TicketView | null;
  notice: Notice;
  /** a ticket left the window: the day's figures changed */
  refreshToday?: boolean;
}

/** Service items per page when reading their names (the API's maximum). */
export const ITEM_PAGE = 100;

const enc = encodeURIComponent;

/**
 * Does one action of the clerk at a window against the API (call next, recall, start, complete
 * with an outcome, no-show; transfer has a dialog of its own) and says what came of it. Null when
 * the action needs a ticket and there is none. A refused action rejects with the ApiError.
 */
export async function performAction(
  call: ClerkCall,
  hallPath: string,
  action: Exclude<CounterAction, 'transfer'>,
  windowId: string,
  ticket: TicketView | null,
): Promise<ActionResult | null> {
  if (action === 'call') {
    const called = await call<TicketView | null>(
      `${hallPath}/windows/${enc(windowId)}/call-next`,
      { method: 'POST' },
    );
    return called
      ? {
          current: called,
          notice: {
            tone: 'ok',
            msg: { key: 'called', params: { number: called.number } },
          },
        }
      : { notice: { tone: 'warn', msg: { key: 'nobodyWaiting' } } };
  }
  if (!ticket) return null;
  const path = `/tickets/${enc(ticket.id)}`;
  const number = ticket.number;
  const outcome = OUTCOME[action];
  if (outcome) {
    await call<TicketView>(`${path}/complete`, {
      method: 'POST',
      body: { outcome },
    });
    return {
      current: null,
      notice: {
        tone: 'ok',
        msg: { key: `completed_${outcome}`, params: { number } },
      },
      refreshToday: true,
    };
  }
  const verb = action === 'noshow' ? 'no-show' : action;
  const after = await call<TicketView>(`${path}/${verb}`, { method: 'POST' });
  if (action === 'noshow')
    return {
      current: null,
      notice: { tone: 'ok', msg: { key: 'noShown', params: { number } } },
      refreshToday: true,
    };
  return {
    current: after,
    notice: {
      tone: 'ok',
      msg: {
        key: action === 'recall' ? 'recalled' : 'started',
        params: { number },
      },
    },
  };
}

/** What the console reads again after the server refused an action. */
export interface Reloaded {
  /** the window's day and the ticket it holds */
  today: WindowToday | null;
  windows: WindowView[] | null;
  /** the ticket the action was for, as it is now */
  ticket: TicketView | null;
}

/**
 * Reads again what a refused action (409, 404) may have met: the window's day (with the ticket it
 * holds), the hall's windows, and the ticket. What cannot be read is null; 'expired' when any read
 * was refused for the token (401).
 */
export async function reloadAfterRefusal(
  call: ClerkCall,
  hallPath: string,
  windowId: string | null,
  ticket: { id: string } | null,
): Promise<Reloaded | 'expired'> {
  const [today, windows, fresh] = await Promise.allSettled([
    windowId
      ? call<WindowToday>(`${hallPath}/windows/${enc(windowId)}/today`)
      : Promise.resolve(null),
    call<WindowView[]>(`${hallPath}/windows`),
    ticket
      ? call<TicketView>(`/tickets/${enc(ticket.id)}`)
      : Promise.resolve(null),
  ]);
  for (const r of [today, windows, fresh])
    if (r.status === 'rejected' && asApiError(r.reason).status === 401)
      return 'expired';
  const value = <T>(r: PromiseSettledResult<T | null>): T | null =>
    r.status === 'fulfilled' ? r.value : null;
  return { today: value(today), windows: value(windows), ticket: value(fresh) };
}

/**
 * The names of the hall's service items by code, read a page at a time (50 pages at most); null
 * when `stale()` says after a page that they are no longer wanted (the clerk signed out).
 */
export async function readItemNames(
  call: ClerkCall,
  hallPath: string,
  stale: () => boolean,
): Promise<Map<string, string> | null> {
  const names = new Map<string, string>();
  for (let offset = 0; offset < 50 * ITEM_PAGE; offset += ITEM_PAGE) {
    const page = await call<ListResponse<ServiceItemView>>(
      `${hallPath}/service-items?limit=${ITEM_PAGE}&offset=${offset}`,
    );
    if (stale()) return null;
    for (const item of page.items) names.set(item.code, item.name);
    if (page.items.length < ITEM_PAGE || offset + ITEM_PAGE >= page.total)
      break;
  }
  return names;
}

/** The service items whose names match the clerk's words (the transfer dialog's search). */
export async function searchItems(
  call: ClerkCall,
  hallPath: string,
  query: string,
): Promise<ServiceItemView[]> {
  const res = await call<ListResponse<ServiceItemView>>(
    `${hallPath}/service-items?q=${enc(query)}&limit=8`,
  );
  return res.items;
}
