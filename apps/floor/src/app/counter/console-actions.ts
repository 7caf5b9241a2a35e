import type {
  ServiceItemView,
  TicketView,
  TransferResult,
  WindowView,
} from '@onewindow/contracts';
import type { CounterAction, WindowAction } from './actions';
import { asApiError, type ClerkSession } from './clerk-session';
import { explainConflict, explainNotNow } from './conflict';
import { performAction, reloadAfterRefusal, searchItems } from './console-api';
import type { ConsoleState } from './console-state';
import type { CounterDesk } from './desk';

const enc = encodeURIComponent;

/**
 * What the clerk does at the window: open, pause or close it; call next, recall, start, complete,
 * no-show and transfer the ticket. One action at a time (the buttons wait meanwhile). A refused
 * action (409) is explained from the fresh state of the ticket and the window, read again.
 */
export class ConsoleActions {
  constructor(
    private readonly state: ConsoleState,
    private readonly clerk: ClerkSession,
    private readonly desk: Pick<
      CounterDesk,
      'epoch' | 'expiredBy' | 'fail' | 'loadToday' | 'signOut'
    >,
  ) {}

  async setWindow(action: WindowAction): Promise<void> {
    const { state, clerk } = this;
    const w = state.window();
    if (!w || state.busy()) return;
    state.busy.set(true);
    try {
      const v = await clerk.call<WindowView>(
        `${clerk.hallPath}/windows/${enc(w.id)}/${action}`,
        { method: 'POST' },
      );
      state.putWindow(v);
      state.notice.set({
        tone: 'ok',
        msg: {
          key: v.state === 'retired' ? 'remoteRetired' : `windowNow_${v.state}`,
        },
      });
    } catch (e) {
      await this.failed(e, action, null);
    } finally {
      state.busy.set(false);
    }
  }

  // ---- actions on the ticket -------------------------------------------------------------------

  async act(action: CounterAction): Promise<void> {
    const { state, clerk } = this;
    const w = state.window();
    if (!w || state.busy() || state.phase() !== 'console') return;
    const ticket = state.current();
    if (!state.allowed().has(action)) {
      state.notice.set({ tone: 'warn', msg: explainNotNow(action, ticket) });
      return;
    }
    if (action === 'transfer') {
      if (ticket) state.transferFor.set(ticket);
      return;
    }
    state.busy.set(true);
    try {
      const done = await performAction(
        clerk.call,
        clerk.hallPath,
        action,
        w.id,
        ticket,
      );
      if (!done) return;
      if (done.current !== undefined) state.setCurrent(done.current);
      state.notice.set(done.notice);
      if (done.refreshToday) void this.desk.loadToday();
    } catch (e) {
      await this.failed(e, action, ticket);
    } finally {
      state.busy.set(false);
    }
  }

  /**
   * A refused or failed action. 401: sign in again. 409 (and 404): reload the window's ticket and
   * state, and the ticket, then say what happened from what they are now.
   */
  private async failed(
    e: unknown,
    action: CounterAction | WindowAction,
    ticket: TicketView | null,
  ): Promise<void> {
    const err = asApiError(e);
    if (this.desk.expiredBy(err)) return;
    if (err.status !== 409 && err.status !== 404) return this.desk.fail(err);
    const epoch = this.desk.epoch;
    const fresh = await this.refresh(ticket);
    if (epoch !== this.desk.epoch || fresh === 'expired') return;
    const w = this.state.window();
    this.state.notice.set({
      tone: 'error',
      msg:
        err.status === 404
          ? { key: 'notFound' }
          : explainConflict({
              action,
              ticket,
              freshTicket: fresh,
              window: w ? { id: w.id, state: w.state } : null,
              current: this.state.current(),
            }),
    });
  }

  /** Reloads the window's today (the ticket it holds), the windows, and the given ticket. */
  private async refresh(
    ticket: TicketView | null,
  ): Promise<TicketView | null | 'expired'> {
    const { state, clerk } = this;
    const id = state.windowId();
    const fresh = await reloadAfterRefusal(
      clerk.call,
      clerk.hallPath,
      id,
      ticket,
    );
    if (fresh === 'expired') {
      this.desk.signOut({ key: 'sessionExpired' });
      return 'expired';
    }
    if (fresh.today && id === state.windowId()) {
      state.today.set(fresh.today);
      state.setCurrent(fresh.today.currentTicket ?? null);
    }
    if (fresh.windows) state.windows.set(fresh.windows);
    return fresh.ticket;
  }

  // ---- transfer --------------------------------------------------------------------------------

  /** The service items matching the clerk's words (the transfer dialog's search). */
  readonly findItems = (q: string): Promise<ServiceItemView[]> =>
    searchItems(this.clerk.call, this.clerk.hallPath, q);

  searchFailed(e: unknown): void {
    if (!this.desk.expiredBy(e)) this.desk.fail(e);
  }

  closeTransfer(): void {
    this.state.transferFor.set(null);
  }

  async transfer(item: ServiceItemView): Promise<void> {
    const { state, clerk } = this;
    const ticket = state.transferFor();
    if (!ticket || state.busy()) return;
    state.busy.set(true);
    try {
      const res = await clerk.call<TransferResult>(
        `/tickets/${enc(ticket.id)}/transfer`,
        { method: 'POST', body: { serviceItemCode: item.code } },
      );
      this.closeTransfer();
      state.setCurrent(null);
      state.notice.set({
        tone: 'ok',
        msg: {
          key: 'transferred',
          params: {
            number: res.from.number,
            to: res.to.number,
            item: item.name,
          },
        },
      });
      void this.desk.loadToday();
    } catch (e) {
      this.closeTransfer();
      await this.failed(e, 'transfer', ticket);
    } finally {
      state.busy.set(false);
    }
  }
}
