import { computed, signal, type Signal } from '@angular/core';
import type {
  HallView,
  TicketView,
  WindowToday,
  WindowView,
} from '@onewindow/contracts';
import { allowedActions, allowedWindowActions } from './actions';
import type { LiveStatus } from './live-queue';
import type { Msg } from './messages';
import { servesAll, waitingRows, waitingTotal } from './waiting';

/**
 * What the console shows: the sign-in form; the hall loading; the choice of the window (none
 * chosen yet, the chosen one retired, or the clerk asked to change); the console of the window.
 */
export type Phase = 'login' | 'loading' | 'choose' | 'console';

/** The line above the console: what an action did, what changed elsewhere, what went wrong. */
export interface Notice {
  tone: 'ok' | 'warn' | 'error';
  msg: Msg;
}

/**
 * The state of the clerk's console, as signals the page shows, and the few rules that keep it
 * consistent: which window is chosen, the ticket it holds (each change counted, so an older read
 * cannot undo a newer one), the windows list as the hall's events change it.
 */
export class ConsoleState {
  readonly hall = signal<HallView | null>(null);
  /** the hall's windows (retired ones too, as events report them); null until read */
  readonly windows = signal<WindowView[] | null>(null);
  readonly loadFailed = signal(false);
  readonly windowId = signal<string | null>(null);
  /** the clerk asked to change the window */
  readonly choosing = signal(false);
  readonly today = signal<WindowToday | null>(null);
  /** waiting per category in the hall (live); null until the queue was read */
  readonly waiting = signal<Record<string, number> | null>(null);
  readonly live = signal<LiveStatus>('off');
  readonly categoryNames = signal<ReadonlyMap<string, string>>(new Map());
  readonly itemNames = signal<ReadonlyMap<string, string>>(new Map());
  readonly notice = signal<Notice | null>(null);
  /** an action is under way: the buttons wait */
  readonly busy = signal(false);
  /** the ticket the transfer dialog is open for */
  readonly transferFor = signal<TicketView | null>(null);

  private readonly held = signal<TicketView | null>(null);
  /** the ticket the window holds */
  readonly current = this.held.asReadonly();
  private version = 0;

  readonly window = computed(
    () => this.windows()?.find((w) => w.id === this.windowId()) ?? null,
  );
  readonly usableWindows = computed(() =>
    (this.windows() ?? []).filter((w) => w.state !== 'retired'),
  );
  readonly phase = computed<Phase>(() => {
    if (!this.signedIn()) return 'login';
    if (!this.hall() || !this.windows()) return 'loading';
    const w = this.window();
    if (!w || w.state === 'retired' || this.choosing()) return 'choose';
    return 'console';
  });
  readonly allowed = computed(() =>
    allowedActions(this.current(), this.window()?.state ?? null),
  );
  readonly windowAllowed = computed(() =>
    allowedWindowActions(this.window()?.state ?? null),
  );
  readonly allCategories = computed(() => {
    const w = this.window();
    return !!w && servesAll(w);
  });
  /** what waits for the chosen window, per category; null until the queue was read */
  readonly rows = computed(() => {
    const w = this.window();
    const waiting = this.waiting();
    return w && waiting ? waitingRows(waiting, w, this.categoryNames()) : null;
  });
  readonly total = computed(() => waitingTotal(this.rows() ?? []));

  constructor(private readonly signedIn: Signal<unknown>) {}

  /** Counts every change of the held ticket: a read started before a change must not undo it. */
  get currentVersion(): number {
    return this.version;
  }

  setCurrent(t: TicketView | null): void {
    this.version++;
    this.held.set(t);
  }

  /** Chooses the window; another window's ticket, day and notice are forgotten. */
  chooseWindow(id: string): void {
    const changed = id !== this.windowId();
    this.windowId.set(id);
    this.choosing.set(false);
    if (changed) {
      this.setCurrent(null);
      this.today.set(null);
      this.notice.set(null);
    }
  }

  /** A window as the server has it now (one the list does not have yet is added). */
  putWindow(v: WindowView): void {
    const list = this.windows() ?? [];
    this.windows.set(
      list.some((w) => w.id === v.id)
        ? list.map((w) => (w.id === v.id ? v : w))
        : [...list, v],
    );
  }

  /** Forgets the hall (sign-out, expiry, destroy). */
  clear(): void {
    this.transferFor.set(null);
    this.hall.set(null);
    this.windows.set(null);
    this.windowId.set(null);
    this.choosing.set(false);
    this.setCurrent(null);
    this.today.set(null);
    this.waiting.set(null);
    this.live.set('off');
    this.notice.set(null);
    this.loadFailed.set(false);
    this.busy.set(false);
  }
}
