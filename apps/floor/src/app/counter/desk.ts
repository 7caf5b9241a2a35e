import type {
  CategoryView,
  HallView,
  QueueSnapshot,
  WindowToday,
  WindowView,
} from '@onewindow/contracts';
import type { SseEvent } from '@onewindow/live-client';
import { ApiError } from '../core/api';
import { asApiError, type ClerkSession } from './clerk-session';
import type { ConsoleState } from './console-state';
import { followEvent } from './follow';
import { LiveQueue } from './live-queue';
import type { Msg } from './messages';
import { readItemNames } from './console-api';
import {
  describeError,
  loadWindowChoice,
  saveWindowChoice,
  storageOf,
} from './session';

const enc = encodeURIComponent;

/**
 * The console's link to the hall, against the API: sign in and out, load the hall and its windows
 * and the names of categories and items, keep the queue live (the window's own ticket followed
 * from the hall's stream), choose the window and read its day. A refused token (401) signs the
 * clerk out. What the clerk does at the window is ConsoleActions'.
 */
export class CounterDesk {
  private readonly localStore = storageOf('local');
  /** bumped on every sign-in and sign-out: answers of an older session are dropped */
  private generation = 0;
  private readonly live = new LiveQueue({
    waiting: (counts) => this.state.waiting.set(counts),
    status: (status) => this.state.live.set(status),
    event: (event) => this.follow(event),
    refused: (status) => this.streamRefused(status),
    failed: (e) => this.expiredBy(e),
  });

  constructor(
    private readonly state: ConsoleState,
    private readonly clerk: ClerkSession,
  ) {}

  /** The sign-in an answer arrives in (it is dropped when the clerk signed out meanwhile). */
  get epoch(): number {
    return this.generation;
  }

  // ---- session -------------------------------------------------------------------------------

  /** Takes up the session of an earlier visit of this tab, if any. */
  resume(): void {
    if (this.clerk.restore()) void this.start();
  }

  async signIn(username: string, password: string): Promise<void> {
    if (await this.clerk.signIn(username, password)) void this.start();
  }

  signOut(reason: Msg | null = null): void {
    this.reset();
    this.clerk.signOut(reason);
  }

  /** Stops the stream and timers and forgets the hall (sign-out, expiry, destroy). */
  reset(): void {
    this.generation++;
    this.live.stop();
    this.state.clear();
  }

  /** Whether the error was a refused token (then the clerk is sent to sign in again). */
  expiredBy(e: unknown): boolean {
    if (asApiError(e).status !== 401) return false;
    this.signOut({ key: 'sessionExpired' });
    return true;
  }

  /** Says what went wrong. */
  fail(e: unknown): void {
    this.state.notice.set({ tone: 'error', msg: describeError(asApiError(e)) });
  }

  // ---- hall, windows, live queue ---------------------------------------------------------------

  async start(): Promise<void> {
    const s = this.clerk.session();
    if (!s?.user.hallId) return;
    const { state, clerk } = this;
    const epoch = ++this.generation;
    this.live.stop();
    state.loadFailed.set(false);
    state.notice.set(null);
    try {
      const [hall, windows] = await Promise.all([
        clerk.call<HallView>(clerk.hallPath),
        clerk.call<WindowView[]>(`${clerk.hallPath}/windows`),
      ]);
      if (epoch !== this.generation) return;
      state.hall.set(hall);
      state.windows.set(windows);
      const remembered = loadWindowChoice(
        this.localStore,
        s.user.hallId,
        s.user.id,
      );
      if (
        remembered &&
        windows.some((w) => w.id === remembered && w.state !== 'retired')
      )
        this.selectWindow(remembered);
    } catch (e) {
      if (epoch !== this.generation || this.expiredBy(e)) return;
      state.loadFailed.set(true);
      state.notice.set({
        tone: 'error',
        msg: {
          key: 'loadFailed',
          params: { reason: describeError(asApiError(e)) },
        },
      });
      return;
    }
    void this.loadNames(epoch);
    this.live.start({
      snapshot: () => clerk.call<QueueSnapshot>(`${clerk.hallPath}/queue`),
      url: `/api/v1${clerk.hallPath}/events`,
      headers: () => {
        const token = clerk.session()?.token;
        return token ? { Authorization: `Bearer ${token}` } : null;
      },
    });
  }

  /** Names of categories and service items (the ticket and waiting rows show them). */
  private async loadNames(epoch: number): Promise<void> {
    const { state, clerk } = this;
    try {
      const categories = await clerk.call<CategoryView[]>('/categories');
      if (epoch === this.generation)
        state.categoryNames.set(
          new Map(categories.map((c) => [c.code, c.name])),
        );
    } catch (e) {
      if (epoch === this.generation && this.expiredBy(e)) return;
      // the rows then name categories by code
    }
    try {
      const names = await readItemNames(
        clerk.call,
        clerk.hallPath,
        () => epoch !== this.generation,
      );
      if (names) state.itemNames.set(names);
    } catch (e) {
      if (epoch === this.generation) this.expiredBy(e);
    }
  }

  /** An event of the hall's stream: the windows list, and what it changes at the clerk's window. */
  private follow(event: SseEvent): void {
    const { state } = this;
    if (event.event === 'window.changed') {
      try {
        state.putWindow(JSON.parse(event.data) as WindowView);
      } catch {
        /* unreadable: the list stays */
      }
    }
    const id = state.windowId();
    if (!id) return;
    const change = followEvent(
      event,
      id,
      state.current(),
      state.window()?.state ?? null,
    );
    if (!change) return;
    if (change.current !== undefined) state.setCurrent(change.current);
    if (change.window) state.putWindow(change.window);
    if (change.remote && !state.busy())
      state.notice.set({ tone: 'warn', msg: change.remote });
    if (change.refreshToday) void this.loadToday();
  }

  private streamRefused(status: number): void {
    if (status === 401) return this.signOut({ key: 'sessionExpired' });
    this.fail(new ApiError(status, ''));
  }

  // ---- the window ------------------------------------------------------------------------------

  selectWindow(id: string): void {
    const s = this.clerk.session();
    if (s?.user.hallId)
      saveWindowChoice(this.localStore, s.user.hallId, s.user.id, id);
    this.state.chooseWindow(id);
    void this.loadToday();
  }

  /** The window's day and the ticket it holds (unless an action or event set it meanwhile). */
  async loadToday(): Promise<void> {
    const { state, clerk } = this;
    const id = state.windowId();
    if (!id) return;
    const epoch = this.generation;
    const version = state.currentVersion;
    try {
      const v = await clerk.call<WindowToday>(
        `${clerk.hallPath}/windows/${enc(id)}/today`,
      );
      if (epoch !== this.generation || id !== state.windowId()) return;
      state.today.set(v);
      if (version === state.currentVersion)
        state.setCurrent(v.currentTicket ?? null);
    } catch (e) {
      if (epoch !== this.generation || this.expiredBy(e)) return;
      this.fail(e);
    }
  }
}
