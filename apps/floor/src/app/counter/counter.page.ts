import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  OnDestroy,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import type {
  CategoryView,
  HallView,
  ListResponse,
  LoginResponse,
  QueueSnapshot,
  ServiceItemView,
  TicketState,
  TicketView,
  TransferResult,
  WindowMode,
  WindowState,
  WindowToday,
  WindowView,
} from '@onewindow/contracts';
import {
  HallFloor,
  openEventStream,
  type StreamMessage,
} from '@onewindow/live-client';
import { api, ApiError, type ApiRequest } from '../core/api';
import { windowPhrase } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import {
  allowedActions,
  allowedWindowActions,
  COUNTER_ACTIONS,
  isTypingTarget,
  keyName,
  OUTCOME,
  SHORTCUTS,
  shortcutAction,
  type CounterAction,
  type WindowAction,
} from './actions';
import { explainConflict, explainNotNow } from './conflict';
import { followEvent } from './follow';
import { say, t, type Msg } from './messages';
import {
  accessProblem,
  clearSession,
  describeError,
  describeLoginError,
  loadSession,
  loadWindowChoice,
  saveSession,
  saveWindowChoice,
  sessionFromLogin,
  storageOf,
  type CounterSession,
} from './session';
import { clock, elapsedClock, minutesBetween } from './time';
import { servesAll, waitingRows, waitingTotal } from './waiting';

/** Try the live queue again after this long when it could not be read (ms). */
const LIVE_RETRY_MS = 5000;
/** Search for transfer items this long after the last keystroke (ms). */
const SEARCH_DEBOUNCE_MS = 250;
/** Service items per page when reading their names (the API's maximum). */
const ITEM_PAGE = 100;

type Phase = 'login' | 'loading' | 'choose' | 'console';

interface Notice {
  tone: 'ok' | 'warn' | 'error';
  msg: Msg;
}

const enc = encodeURIComponent;

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, String(e));
}

/**
 * The clerk's console at a window (窗口叫号器, `/counter`): sign in, choose the window, open/pause/close
 * it, call next / recall / start / complete / no-show / transfer with one key each, the ticket held
 * with its timers, how many wait for this window (live from the hall's stream) and the window's
 * day. A refused action (409) is explained from the fresh state of the ticket and the window.
 */
@Component({
  selector: 'ow-counter-page',
  imports: [LangSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './counter.page.scss',
  host: {
    '(document:keydown)': 'onKeydown($event)',
    '(document:keyup)': 'onKeyup($event)',
  },
  template: `
    <header class="bar">
      <span class="brand">
        {{ t('title') }}
        @if (hall(); as h) {
          · {{ h.name }}
        }
      </span>
      @if (phase() === 'console' && window(); as w) {
        <span class="where">{{ windowName(w.label) }}</span>
        <button
          type="button"
          class="on-bar"
          data-testid="change-window"
          (click)="choosing.set(true)"
        >
          {{ t('changeWindow') }}
        </button>
      }
      <span class="spacer"></span>
      @if (session(); as s) {
        <span class="who">{{ s.user.username }}</span>
        <button
          type="button"
          class="on-bar"
          data-testid="logout"
          (click)="logout()"
        >
          {{ t('logout') }}
        </button>
      }
      <ow-lang-switch />
    </header>

    <main [attr.data-phase]="phase()">
      @if (phase() !== 'login') {
        <div class="message" data-testid="counter-message" aria-live="polite">
          @if (notice(); as n) {
            <p
              [class]="'banner ' + n.tone"
              [attr.role]="n.tone === 'error' ? 'alert' : 'status'"
            >
              {{ say(n.msg) }}
            </p>
          }
        </div>
      }
      @switch (phase()) {
        @case ('login') {
          <form
            class="login"
            novalidate
            (submit)="login($event, user.value, pass.value)"
          >
            <h1>{{ t('loginTitle') }}</h1>
            <label>
              {{ t('username') }}
              <input
                #user
                name="username"
                data-testid="login-username"
                autocomplete="username"
                autocapitalize="off"
                spellcheck="false"
              />
            </label>
            <label>
              {{ t('password') }}
              <input
                #pass
                name="password"
                type="password"
                data-testid="login-password"
                autocomplete="current-password"
              />
            </label>
            @if (loginError(); as err) {
              <p class="banner error" role="alert" data-testid="login-error">
                {{ say(err) }}
              </p>
            }
            <button
              type="submit"
              class="primary"
              data-testid="login-submit"
              [disabled]="loggingIn()"
            >
              {{ loggingIn() ? t('loggingIn') : t('loginSubmit') }}
            </button>
          </form>
        }
        @case ('loading') {
          <section class="panel loading">
            @if (loadFailed()) {
              <button
                type="button"
                class="primary"
                data-testid="retry"
                (click)="retryStart()"
              >
                {{ t('retry') }}
              </button>
            } @else {
              <p>{{ t('loading') }}</p>
            }
          </section>
        }
        @case ('choose') {
          <section
            class="panel choose"
            data-testid="window-choice"
            aria-labelledby="choose-title"
          >
            <h1 id="choose-title">{{ t('chooseWindow') }}</h1>
            <p class="muted">{{ t('chooseHint') }}</p>
            <div class="options">
              @for (w of usableWindows(); track w.id) {
                <button
                  type="button"
                  class="window-option"
                  data-testid="window-option"
                  [attr.data-label]="w.label"
                  [attr.aria-pressed]="w.id === windowId()"
                  (click)="selectWindow(w.id)"
                >
                  <span class="label">{{ windowName(w.label) }}</span>
                  <span class="mode">{{ modeName(w.mode) }}</span>
                  <span class="state" [attr.data-state]="w.state">{{
                    stateName(w.state)
                  }}</span>
                </button>
              } @empty {
                <p class="banner warn">{{ t('noWindows') }}</p>
              }
            </div>
            @if (window()?.state && window()?.state !== 'retired') {
              <button type="button" (click)="choosing.set(false)">
                {{ t('backToConsole') }}
              </button>
            }
          </section>
        }
        @case ('console') {
          @if (window(); as w) {
            <div class="console">
              <section
                class="current"
                aria-labelledby="current-title"
                [attr.data-state]="current()?.state ?? 'none'"
              >
                <h2 id="current-title">{{ t('currentTitle') }}</h2>
                @if (current(); as c) {
                  <p class="number" data-testid="current-number">
                    {{ c.number }}
                  </p>
                  <p class="item" data-testid="current-item">
                    {{ itemName(c.serviceItemCode) }}
                  </p>
                  <p class="tags">
                    @if (c.priority !== 'normal') {
                      <span class="tag lane" data-testid="current-priority">
                        {{ t('priorityLane') }}
                        @if (c.priority === 'appointment') {
                          · {{ t('appointment') }}
                        }
                      </span>
                    }
                    <span
                      class="tag"
                      data-testid="current-state"
                      [attr.data-state]="c.state"
                    >
                      {{ ticketStateName(c.state) }}
                    </span>
                  </p>
                  <p class="times">
                    <span data-testid="current-waited">{{ waited(c) }}</span>
                    @if (c.state === 'called') {
                      <span class="timer" data-testid="call-timer">
                        {{ t('sinceCall', { t: elapsed(c.calledAt) }) }}
                      </span>
                      @if (c.recallCount > 0) {
                        <span>{{ t('recalls', { n: c.recallCount }) }}</span>
                      }
                    } @else if (c.startedAt) {
                      <span>{{
                        t('servingSince', { time: clockOf(c.startedAt) })
                      }}</span>
                    }
                  </p>
                } @else {
                  <p class="empty">{{ t('noCurrent') }}</p>
                  <p class="muted">
                    {{
                      w.state === 'open'
                        ? t('noCurrentHint')
                        : t('callNeedsOpen')
                    }}
                  </p>
                }
              </section>

              <section class="actions" [attr.aria-label]="t('currentTitle')">
                @for (a of actions; track a) {
                  <button
                    type="button"
                    [class]="'act act-' + a"
                    [attr.data-testid]="'btn-' + a"
                    [attr.aria-keyshortcuts]="ariaKeys(a)"
                    [disabled]="busy() || !allowed().has(a)"
                    (click)="act(a)"
                  >
                    <span class="name">{{ t(a) }}</span>
                    <kbd
                      [attr.title]="t('shortcutHint', { key: keysLabel(a) })"
                      >{{ keysLabel(a) }}</kbd
                    >
                  </button>
                }
              </section>

              <aside class="side">
                <section class="panel">
                  <h2>
                    {{ windowName(w.label) }}
                    <small>{{ modeName(w.mode) }}</small>
                  </h2>
                  <p>
                    {{ t('windowStateLabel') }}:
                    <strong
                      class="state"
                      data-testid="window-state"
                      [attr.data-state]="w.state"
                    >
                      {{ stateName(w.state) }}
                    </strong>
                  </p>
                  <div class="row">
                    <button
                      type="button"
                      data-testid="btn-open"
                      [disabled]="busy() || !windowAllowed().has('open')"
                      (click)="setWindow('open')"
                    >
                      {{ t('open') }}
                    </button>
                    <button
                      type="button"
                      data-testid="btn-pause"
                      [disabled]="busy() || !windowAllowed().has('pause')"
                      (click)="setWindow('pause')"
                    >
                      {{ t('pause') }}
                    </button>
                    <button
                      type="button"
                      class="danger"
                      data-testid="btn-close"
                      [disabled]="busy() || !windowAllowed().has('close')"
                      (click)="setWindow('close')"
                    >
                      {{ t('close') }}
                    </button>
                  </div>
                </section>

                <section class="panel waiting" aria-labelledby="waiting-title">
                  <h2 id="waiting-title">{{ t('waitingTitle') }}</h2>
                  @if (rows(); as r) {
                    <p class="total">
                      <span data-testid="waiting-total">{{ total() }}</span>
                      {{ t('people') }}
                      <small>{{ t('waitingTotal') }}</small>
                    </p>
                    @if (allCategories()) {
                      <p class="muted">{{ t('servesAll') }}</p>
                    }
                    <ul>
                      @for (row of r; track row.code) {
                        <li
                          data-testid="waiting-row"
                          [attr.data-category]="row.code"
                        >
                          <span>{{ row.name }}</span
                          ><strong>{{ row.count }}</strong>
                        </li>
                      } @empty {
                        <li class="muted">{{ t('waitingEmpty') }}</li>
                      }
                    </ul>
                  } @else {
                    <p class="muted">{{ t('waitingUnknown') }}</p>
                  }
                  @if (live() === 'reconnecting') {
                    <p class="banner warn" role="status">
                      {{ t('liveReconnecting') }}
                    </p>
                  }
                </section>

                <section class="panel today" aria-labelledby="today-title">
                  <h2 id="today-title">{{ t('todayTitle') }}</h2>
                  <dl>
                    <div>
                      <dt>{{ t('served') }}</dt>
                      <dd data-testid="today-served">
                        {{ today()?.served ?? '—' }}
                      </dd>
                    </div>
                    <div>
                      <dt>{{ t('noShows') }}</dt>
                      <dd data-testid="today-noshows">
                        {{ today()?.noShows ?? '—' }}
                      </dd>
                    </div>
                    <div>
                      <dt>{{ t('handling') }}</dt>
                      <dd data-testid="today-handling">{{ handlingText() }}</dd>
                    </div>
                  </dl>
                </section>
              </aside>
            </div>
          }
        }
      }
    </main>

    @if (transferFor(); as tf) {
      <div class="scrim">
        <div
          class="dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="transfer-title"
        >
          <h2 id="transfer-title">
            {{ t('transferTitle', { number: tf.number }) }}
          </h2>
          <label for="transfer-search">{{ t('transferSearch') }}</label>
          <input
            #search
            id="transfer-search"
            type="search"
            data-testid="transfer-search"
            autocomplete="off"
            [value]="transferQuery()"
            (input)="onTransferInput($event)"
            (keydown)="onTransferKey($event)"
          />
          <p class="muted">{{ t('transferHint') }}</p>
          <ul class="results">
            @for (
              item of transferResults();
              track item.code;
              let first = $first
            ) {
              <li>
                <button
                  type="button"
                  data-testid="transfer-option"
                  [class.first]="first"
                  [attr.data-code]="item.code"
                  [disabled]="busy()"
                  (click)="pickTransfer(item)"
                >
                  <span>{{ item.name }}</span>
                  <small>{{ item.category.name }}</small>
                </button>
              </li>
            }
          </ul>
          @if (transferSearching()) {
            <p class="muted">{{ t('transferSearching') }}</p>
          } @else if (transferQuery().trim() && !transferResults().length) {
            <p class="muted">{{ t('transferNone') }}</p>
          }
          <button type="button" (click)="closeTransfer()">
            {{ t('transferCancel') }} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    }
  `,
})
export class CounterPage implements OnInit, OnDestroy {
  protected readonly t = t;
  protected readonly say = say;
  protected readonly actions = COUNTER_ACTIONS;

  protected readonly session = signal<CounterSession | null>(null);
  protected readonly loginError = signal<Msg | null>(null);
  protected readonly loggingIn = signal(false);
  protected readonly hall = signal<HallView | null>(null);
  /** the hall's windows (retired ones too, as events report them); null until read */
  protected readonly windows = signal<WindowView[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly windowId = signal<string | null>(null);
  protected readonly choosing = signal(false);
  protected readonly current = signal<TicketView | null>(null);
  protected readonly today = signal<WindowToday | null>(null);
  /** waiting per category in the hall (live); null until the queue was read */
  protected readonly waiting = signal<Record<string, number> | null>(null);
  protected readonly live = signal<'off' | 'open' | 'reconnecting'>('off');
  protected readonly categoryNames = signal<ReadonlyMap<string, string>>(
    new Map(),
  );
  protected readonly itemNames = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly notice = signal<Notice | null>(null);
  protected readonly busy = signal(false);
  protected readonly now = signal(Date.now());
  protected readonly transferFor = signal<TicketView | null>(null);
  protected readonly transferQuery = signal('');
  protected readonly transferResults = signal<ServiceItemView[]>([]);
  protected readonly transferSearching = signal(false);

  protected readonly window = computed(
    () => this.windows()?.find((w) => w.id === this.windowId()) ?? null,
  );
  protected readonly usableWindows = computed(() =>
    (this.windows() ?? []).filter((w) => w.state !== 'retired'),
  );
  protected readonly phase = computed<Phase>(() => {
    if (!this.session()) return 'login';
    if (!this.hall() || !this.windows()) return 'loading';
    const w = this.window();
    if (!w || w.state === 'retired' || this.choosing()) return 'choose';
    return 'console';
  });
  protected readonly allowed = computed(() =>
    allowedActions(this.current(), this.window()?.state ?? null),
  );
  protected readonly windowAllowed = computed(() =>
    allowedWindowActions(this.window()?.state ?? null),
  );
  protected readonly allCategories = computed(() => {
    const w = this.window();
    return !!w && servesAll(w);
  });
  protected readonly rows = computed(() => {
    const w = this.window();
    const waiting = this.waiting();
    return w && waiting ? waitingRows(waiting, w, this.categoryNames()) : null;
  });
  protected readonly total = computed(() => waitingTotal(this.rows() ?? []));

  private readonly injector = inject(Injector);
  private readonly searchInput =
    viewChild<ElementRef<HTMLInputElement>>('search');
  private readonly sessionStore = storageOf('session');
  private readonly localStore = storageOf('local');
  /** bumped on every sign-in and sign-out: answers of an older session are dropped */
  private epoch = 0;
  private floor: HallFloor | null = null;
  private closeStream: (() => void) | null = null;
  private liveRetry: ReturnType<typeof setTimeout> | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;
  /** bumped whenever an action or event sets the held ticket: an older read must not undo it */
  private currentVersion = 0;

  ngOnInit(): void {
    this.tick = setInterval(() => this.now.set(Date.now()), 1000);
    const s = loadSession(this.sessionStore, Date.now());
    if (s) {
      this.session.set(s);
      void this.start();
    }
  }

  ngOnDestroy(): void {
    this.reset();
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
  }

  // ---- labels --------------------------------------------------------------------------------

  protected windowName(label: string): string {
    return windowPhrase(label);
  }

  protected modeName(mode: WindowMode): string {
    return t(`mode_${mode}`);
  }

  protected stateName(state: WindowState): string {
    return t(`state_${state}`);
  }

  protected ticketStateName(state: TicketState): string {
    return state === 'called' || state === 'serving'
      ? t(`ticketState_${state}`)
      : state;
  }

  protected itemName(code: string): string {
    return this.itemNames().get(code) ?? code;
  }

  protected keysLabel(a: CounterAction): string {
    return SHORTCUTS[a]
      .map((k) => (k === 'space' ? t('keySpace') : k.toUpperCase()))
      .join(' / ');
  }

  protected ariaKeys(a: CounterAction): string {
    return SHORTCUTS[a]
      .map((k) => (k === 'space' ? 'Space' : k.toUpperCase()))
      .join(' ');
  }

  protected waited(c: TicketView): string {
    const m = minutesBetween(c.issuedAt, c.calledAt);
    if (m === null) return '';
    return m < 1 ? t('waitedLess') : t('waited', { m });
  }

  protected elapsed(since: string | undefined): string {
    return elapsedClock(since, this.now());
  }

  protected clockOf(iso: string): string {
    return clock(iso);
  }

  protected handlingText(): string {
    const m = this.today()?.meanHandlingMinutes;
    return m === null || m === undefined ? '—' : t('minutes', { m });
  }

  // ---- sign-in ---------------------------------------------------------------------------------

  protected async login(
    event: Event,
    username: string,
    password: string,
  ): Promise<void> {
    event.preventDefault();
    if (this.loggingIn()) return;
    if (!username.trim() || !password) {
      this.loginError.set({ key: 'loginMissing' });
      return;
    }
    this.loggingIn.set(true);
    this.loginError.set(null);
    try {
      const res = await api<LoginResponse>('/auth/login', {
        method: 'POST',
        body: { username: username.trim(), password },
      });
      const problem = accessProblem(res.user);
      if (problem) {
        this.loginError.set(problem);
        return;
      }
      const s = sessionFromLogin(res, Date.now());
      saveSession(this.sessionStore, s);
      this.session.set(s);
      void this.start();
    } catch (e) {
      this.loginError.set(describeLoginError(asApiError(e)));
    } finally {
      this.loggingIn.set(false);
    }
  }

  protected logout(): void {
    this.signOut(null);
  }

  /** The token was refused (401): back to the sign-in form, saying why. */
  private expire(): void {
    this.signOut({ key: 'sessionExpired' });
  }

  private signOut(reason: Msg | null): void {
    this.reset();
    clearSession(this.sessionStore);
    this.session.set(null);
    this.loginError.set(reason);
  }

  /** Whether the error was a refused token (then the clerk is sent to sign in again). */
  private expiredBy(e: unknown): boolean {
    if (asApiError(e).status !== 401) return false;
    this.expire();
    return true;
  }

  /** One call of the API with the clerk's token. */
  private call<T>(path: string, req: ApiRequest = {}): Promise<T> {
    return api<T>(path, { ...req, token: this.session()?.token ?? null });
  }

  private get hallPath(): string {
    return `/halls/${enc(this.session()?.user.hallId ?? '')}`;
  }

  // ---- hall, windows, live queue ---------------------------------------------------------------

  protected retryStart(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const s = this.session();
    if (!s?.user.hallId) return;
    const epoch = ++this.epoch;
    this.loadFailed.set(false);
    this.notice.set(null);
    try {
      const [hall, windows] = await Promise.all([
        this.call<HallView>(this.hallPath),
        this.call<WindowView[]>(`${this.hallPath}/windows`),
      ]);
      if (epoch !== this.epoch) return;
      this.hall.set(hall);
      this.windows.set(windows);
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
      if (epoch !== this.epoch || this.expiredBy(e)) return;
      this.loadFailed.set(true);
      this.notice.set({
        tone: 'error',
        msg: {
          key: 'loadFailed',
          params: { reason: describeError(asApiError(e)) },
        },
      });
      return;
    }
    void this.loadNames(epoch);
    void this.startLive(epoch);
  }

  /** Names of categories and service items (the ticket and waiting rows show them). */
  private async loadNames(epoch: number): Promise<void> {
    try {
      const categories = await this.call<CategoryView[]>('/categories');
      if (epoch === this.epoch)
        this.categoryNames.set(
          new Map(categories.map((c) => [c.code, c.name])),
        );
    } catch (e) {
      if (epoch === this.epoch && this.expiredBy(e)) return;
      // the rows then name categories by code
    }
    try {
      const names = new Map<string, string>();
      for (let offset = 0; offset < 50 * ITEM_PAGE; offset += ITEM_PAGE) {
        const page = await this.call<ListResponse<ServiceItemView>>(
          `${this.hallPath}/service-items?limit=${ITEM_PAGE}&offset=${offset}`,
        );
        if (epoch !== this.epoch) return;
        for (const item of page.items) names.set(item.code, item.name);
        if (page.items.length < ITEM_PAGE || offset + ITEM_PAGE >= page.total)
          break;
      }
      this.itemNames.set(names);
    } catch (e) {
      if (epoch === this.epoch) this.expiredBy(e);
    }
  }

  /** The queue snapshot, then the hall's stream from its last event: each change applied once. */
  private async startLive(epoch: number): Promise<void> {
    this.liveRetry = null;
    try {
      const snapshot = await this.call<QueueSnapshot>(`${this.hallPath}/queue`);
      if (epoch !== this.epoch) return;
      this.floor = new HallFloor(snapshot);
      this.waiting.set(this.floor.view().waiting);
      this.closeStream?.();
      this.closeStream = openEventStream(
        {
          url: `/api/v1${this.hallPath}/events`,
          headers: () => {
            const token = this.session()?.token;
            return token ? { Authorization: `Bearer ${token}` } : null;
          },
          lastEventId: snapshot.lastEventId ?? null,
        },
        (m) => this.onStream(m, epoch),
      );
    } catch (e) {
      if (epoch !== this.epoch || this.expiredBy(e)) return;
      this.live.set('reconnecting');
      this.liveRetry = setTimeout(
        () => void this.startLive(epoch),
        LIVE_RETRY_MS,
      );
    }
  }

  private onStream(m: StreamMessage, epoch: number): void {
    if (epoch !== this.epoch) return;
    switch (m.kind) {
      case 'open':
        this.live.set('open');
        return;
      case 'reconnecting':
        this.live.set('reconnecting');
        return;
      case 'refused':
        if (m.status === 401) return this.expire();
        this.live.set('off');
        this.notice.set({
          tone: 'error',
          msg: describeError(new ApiError(m.status, '')),
        });
        return;
      case 'event': {
        const floor = this.floor;
        if (!floor) return;
        const before = floor.view().lastEventId;
        floor.apply(m.event);
        const view = floor.view();
        if (m.event.id !== null && view.lastEventId === before) return; // seen already
        this.waiting.set(view.waiting);
        if (m.event.event === 'window.changed')
          this.windowChanged(m.event.data);
        const id = this.windowId();
        if (!id) return;
        const change = followEvent(
          m.event,
          id,
          this.current(),
          this.window()?.state ?? null,
        );
        if (!change) return;
        if (change.current !== undefined) this.setCurrent(change.current);
        if (change.window) this.putWindow(change.window);
        if (change.remote && !this.busy())
          this.notice.set({ tone: 'warn', msg: change.remote });
        if (change.refreshToday) void this.loadToday();
        return;
      }
    }
  }

  private windowChanged(data: string): void {
    try {
      this.putWindow(JSON.parse(data) as WindowView);
    } catch {
      /* unreadable: the list stays */
    }
  }

  private putWindow(v: WindowView): void {
    const list = this.windows() ?? [];
    this.windows.set(
      list.some((w) => w.id === v.id)
        ? list.map((w) => (w.id === v.id ? v : w))
        : [...list, v],
    );
  }

  // ---- the window ------------------------------------------------------------------------------

  protected selectWindow(id: string): void {
    const s = this.session();
    if (s?.user.hallId)
      saveWindowChoice(this.localStore, s.user.hallId, s.user.id, id);
    const changed = id !== this.windowId();
    this.windowId.set(id);
    this.choosing.set(false);
    if (changed) {
      this.setCurrent(null);
      this.today.set(null);
      this.notice.set(null);
    }
    void this.loadToday();
  }

  private setCurrent(t: TicketView | null): void {
    this.currentVersion++;
    this.current.set(t);
  }

  /** The window's day and the ticket it holds (unless an action or event set it meanwhile). */
  private async loadToday(): Promise<void> {
    const id = this.windowId();
    if (!id) return;
    const epoch = this.epoch;
    const version = this.currentVersion;
    try {
      const v = await this.call<WindowToday>(
        `${this.hallPath}/windows/${enc(id)}/today`,
      );
      if (epoch !== this.epoch || id !== this.windowId()) return;
      this.today.set(v);
      if (version === this.currentVersion)
        this.setCurrent(v.currentTicket ?? null);
    } catch (e) {
      if (epoch !== this.epoch || this.expiredBy(e)) return;
      this.notice.set({ tone: 'error', msg: describeError(asApiError(e)) });
    }
  }

  protected async setWindow(action: WindowAction): Promise<void> {
    const w = this.window();
    if (!w || this.busy()) return;
    this.busy.set(true);
    try {
      const v = await this.call<WindowView>(
        `${this.hallPath}/windows/${enc(w.id)}/${action}`,
        { method: 'POST' },
      );
      this.putWindow(v);
      this.notice.set({
        tone: 'ok',
        msg: {
          key: v.state === 'retired' ? 'remoteRetired' : `windowNow_${v.state}`,
        },
      });
    } catch (e) {
      await this.failed(e, action, null);
    } finally {
      this.busy.set(false);
    }
  }

  // ---- actions on the ticket -------------------------------------------------------------------

  protected async act(action: CounterAction): Promise<void> {
    const w = this.window();
    if (!w || this.busy() || this.phase() !== 'console') return;
    const ticket = this.current();
    if (!this.allowed().has(action)) {
      this.notice.set({ tone: 'warn', msg: explainNotNow(action, ticket) });
      return;
    }
    if (action === 'transfer' && ticket) return this.openTransfer(ticket);
    this.busy.set(true);
    try {
      await this.perform(action, w, ticket);
    } catch (e) {
      await this.failed(e, action, ticket);
    } finally {
      this.busy.set(false);
    }
  }

  private async perform(
    action: CounterAction,
    w: WindowView,
    ticket: TicketView | null,
  ): Promise<void> {
    if (action === 'call') {
      const called = await this.call<TicketView | null>(
        `${this.hallPath}/windows/${enc(w.id)}/call-next`,
        { method: 'POST' },
      );
      if (called) {
        this.setCurrent(called);
        this.notice.set({
          tone: 'ok',
          msg: { key: 'called', params: { number: called.number } },
        });
      } else {
        this.notice.set({ tone: 'warn', msg: { key: 'nobodyWaiting' } });
      }
      return;
    }
    if (!ticket) return;
    const path = `/tickets/${enc(ticket.id)}`;
    const number = ticket.number;
    const outcome = OUTCOME[action];
    if (outcome) {
      await this.call<TicketView>(`${path}/complete`, {
        method: 'POST',
        body: { outcome },
      });
      this.setCurrent(null);
      this.notice.set({
        tone: 'ok',
        msg: { key: `completed_${outcome}`, params: { number } },
      });
      void this.loadToday();
      return;
    }
    const verb = action === 'noshow' ? 'no-show' : action;
    const after = await this.call<TicketView>(`${path}/${verb}`, {
      method: 'POST',
    });
    if (action === 'noshow') {
      this.setCurrent(null);
      this.notice.set({
        tone: 'ok',
        msg: { key: 'noShown', params: { number } },
      });
      void this.loadToday();
    } else {
      this.setCurrent(after);
      this.notice.set({
        tone: 'ok',
        msg: {
          key: action === 'recall' ? 'recalled' : 'started',
          params: { number },
        },
      });
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
    if (this.expiredBy(err)) return;
    if (err.status !== 409 && err.status !== 404) {
      this.notice.set({ tone: 'error', msg: describeError(err) });
      return;
    }
    const epoch = this.epoch;
    const fresh = await this.refresh(ticket);
    if (epoch !== this.epoch || fresh === 'expired') return;
    const w = this.window();
    this.notice.set({
      tone: 'error',
      msg:
        err.status === 404
          ? { key: 'notFound' }
          : explainConflict({
              action,
              ticket,
              freshTicket: fresh,
              window: w ? { id: w.id, state: w.state } : null,
              current: this.current(),
            }),
    });
  }

  /** Reloads the window's today (the ticket it holds), the windows, and the given ticket. */
  private async refresh(
    ticket: TicketView | null,
  ): Promise<TicketView | null | 'expired'> {
    const id = this.windowId();
    const [today, windows, fresh] = await Promise.allSettled([
      id
        ? this.call<WindowToday>(`${this.hallPath}/windows/${enc(id)}/today`)
        : Promise.resolve(null),
      this.call<WindowView[]>(`${this.hallPath}/windows`),
      ticket
        ? this.call<TicketView>(`/tickets/${enc(ticket.id)}`)
        : Promise.resolve(null),
    ]);
    for (const r of [today, windows, fresh])
      if (r.status === 'rejected' && asApiError(r.reason).status === 401) {
        this.expire();
        return 'expired';
      }
    if (today.status === 'fulfilled' && today.value && id === this.windowId()) {
      this.today.set(today.value);
      this.setCurrent(today.value.currentTicket ?? null);
    }
    if (windows.status === 'fulfilled') this.windows.set(windows.value);
    return fresh.status === 'fulfilled' ? fresh.value : null;
  }

  // ---- transfer --------------------------------------------------------------------------------

  private openTransfer(ticket: TicketView): void {
    this.transferFor.set(ticket);
    this.transferQuery.set('');
    this.transferResults.set([]);
    afterNextRender(() => this.searchInput()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  protected closeTransfer(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = null;
    this.searchSeq++;
    this.transferFor.set(null);
    this.transferSearching.set(false);
  }

  protected onTransferInput(event: Event): void {
    const q = (event.target as HTMLInputElement).value;
    this.transferQuery.set(q);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.search(q);
    }, SEARCH_DEBOUNCE_MS);
  }

  protected async onTransferKey(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    if (this.searchTimer) {
      clearTimeout(this.searchTimer);
      this.searchTimer = null;
      await this.search(this.transferQuery());
    }
    const first = this.transferResults()[0];
    if (first) await this.pickTransfer(first);
  }

  private async search(q: string): Promise<void> {
    const seq = ++this.searchSeq;
    if (!q.trim()) {
      this.transferResults.set([]);
      this.transferSearching.set(false);
      return;
    }
    this.transferSearching.set(true);
    try {
      const res = await this.call<ListResponse<ServiceItemView>>(
        `${this.hallPath}/service-items?q=${enc(q.trim())}&limit=8`,
      );
      if (seq === this.searchSeq) this.transferResults.set(res.items);
    } catch (e) {
      if (seq !== this.searchSeq || this.expiredBy(e)) return;
      this.notice.set({ tone: 'error', msg: describeError(asApiError(e)) });
    } finally {
      if (seq === this.searchSeq) this.transferSearching.set(false);
    }
  }

  protected async pickTransfer(item: ServiceItemView): Promise<void> {
    const ticket = this.transferFor();
    if (!ticket || this.busy()) return;
    this.busy.set(true);
    try {
      const res = await this.call<TransferResult>(
        `/tickets/${enc(ticket.id)}/transfer`,
        {
          method: 'POST',
          body: { serviceItemCode: item.code },
        },
      );
      this.closeTransfer();
      this.setCurrent(null);
      this.notice.set({
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
      void this.loadToday();
    } catch (e) {
      this.closeTransfer();
      await this.failed(e, 'transfer', ticket);
    } finally {
      this.busy.set(false);
    }
  }

  // ---- keyboard --------------------------------------------------------------------------------

  protected onKeydown(e: KeyboardEvent): void {
    if (this.transferFor()) {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.closeTransfer();
      }
      return;
    }
    if (this.phase() !== 'console') return;
    const action = shortcutAction(e);
    if (!action) return;
    // the key must not also press the focused button (Space) or type into the transfer search
    e.preventDefault();
    void this.act(action);
  }

  protected onKeyup(e: KeyboardEvent): void {
    if (
      this.phase() === 'console' &&
      !this.transferFor() &&
      !isTypingTarget(e.target) &&
      keyName(e) === 'space'
    )
      e.preventDefault();
  }

  // ---- teardown --------------------------------------------------------------------------------

  /** Stops the stream and timers and forgets the hall (sign-out, expiry, destroy). */
  private reset(): void {
    this.epoch++;
    this.closeStream?.();
    this.closeStream = null;
    if (this.liveRetry) clearTimeout(this.liveRetry);
    this.liveRetry = null;
    this.closeTransfer();
    this.floor = null;
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
