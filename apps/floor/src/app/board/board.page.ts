import {
  ChangeDetectionStrategy,
  Component,
  computed,
  OnDestroy,
  OnInit,
  signal,
} from '@angular/core';
import type { CategoryView, QueueSnapshot } from '@onewindow/contracts';
import {
  type FloorCall,
  type FloorView,
  HallFloor,
  openEventStream,
  type StreamMessage,
} from '@onewindow/live-client';
import { api, ApiError } from '../core/api';
import { DeviceSession } from '../core/device';
import { lang } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { PairingNotice } from '../core/pairing-notice';
import { Announcer } from './announcer';
import { BoardCalls } from './board-calls';
import { BoardCurrent } from './board-current';
import { clockDate, clockTime } from './board-time';
import { BoardWaiting } from './board-waiting';
import { BrowserVoice } from './browser-voice';
import { CallClock } from './call-clock';
import { t } from './messages';
import { readSound, saveSound } from './sound-setting';
import { waitingCounts } from './waiting-counts';

/** Calls the board keeps and lists, newest first. */
const CALLS = 10;
/** Ask again this often when the queue cannot be loaded (ms). */
const RETRY_MS = 5000;
/** Try again this long after the server refused the stream for another reason than the token (ms). */
const REFUSED_RETRY_MS = 30_000;
/** After a break this long the replay may be incomplete: start again from a fresh snapshot (ms). */
const LONG_BREAK_MS = 30 * 60_000;
/** The announcements listed for tests and screen readers (the latest). */
const HISTORY = 500;

type Link = 'connecting' | 'live' | 'reconnecting';

/**
 * The hall's display board (叫号屏), a TV above the windows: the current call very large, the
 * latest calls, the waiting per category, kept live from the hall's event stream. Each new call or
 * recall is announced in Mandarin: a chime, then "请 A023 号 到 5号窗口" twice. While the stream is
 * down the board says so and dims what it shows; the calls missed meanwhile come in order when it
 * is back.
 */
@Component({
  selector: 'ow-board-page',
  imports: [BoardCalls, BoardCurrent, BoardWaiting, LangSwitch, PairingNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './board.page.scss',
  host: {
    '[class.paired]': "session.status() === 'ready'",
    '(document:pointerdown)': 'gesture()',
    '(document:keydown)': 'gesture()',
  },
  template: `
    @if (session.status() !== 'ready') {
      <ow-pairing-notice [status]="session.status()" kind="display" />
    } @else {
      <header class="head">
        <h1 class="hall">{{ hallName() }}</h1>
        <p class="clock" data-testid="board-clock">
          <span class="date">{{ date() }}</span>
          <time class="time">{{ time() }}</time>
        </p>
        <div class="tools">
          @if (soundOn() && needsGesture()) {
            <button
              type="button"
              class="enable-sound"
              data-testid="board-sound-prompt"
              (click)="gesture()"
            >
              {{ t('enableSound') }}
            </button>
          }
          <button
            type="button"
            class="sound"
            data-testid="board-sound-toggle"
            [class.off]="!soundOn()"
            [attr.aria-pressed]="soundOn()"
            [attr.aria-label]="
              soundOn() ? t('soundOnLabel') : t('soundOffLabel')
            "
            (click)="toggleSound()"
          >
            {{ soundOn() ? t('soundOn') : t('soundOff') }}
          </button>
          <ow-lang-switch class="board-tool" />
        </div>
      </header>

      @if (link() === 'reconnecting') {
        <div class="reconnecting" role="alert" data-testid="board-reconnecting">
          <p class="big">{{ t('reconnecting') }}</p>
          <p>{{ t('reconnectingHint') }}</p>
        </div>
      } @else if (link() === 'connecting') {
        <p class="connecting" role="status" data-testid="board-connecting">
          {{ t('connecting') }}
        </p>
      }

      <main
        class="data"
        [class.stale]="link() !== 'live'"
        [attr.data-link]="link()"
      >
        <ow-board-current [call]="current()" />
        <ow-board-calls [calls]="calls()" />
        <ow-board-waiting [counts]="waiting()" />
      </main>
    }
    <ol
      class="visually-hidden"
      data-testid="announcements"
      [attr.aria-label]="t('announcements')"
    >
      @for (text of announced(); track $index) {
        <li>{{ text }}</li>
      }
    </ol>
  `,
})
export class BoardPage implements OnInit, OnDestroy {
  protected readonly t = t;
  protected readonly session = new DeviceSession('display');
  protected readonly view = signal<FloorView | null>(null);
  protected readonly link = signal<Link>('connecting');
  protected readonly soundOn = signal(readSound());
  protected readonly needsGesture = signal(false);
  protected readonly announced = signal<readonly string[]>([]);
  private readonly categories = signal<CategoryView[]>([]);
  private readonly now = signal(Date.now());

  protected readonly calls = computed(() => this.view()?.calls ?? []);
  protected readonly current = computed<FloorCall | null>(
    () => this.calls()[0] ?? null,
  );
  protected readonly hallName = computed(
    () => this.session.self()?.hall.name ?? '',
  );
  protected readonly waiting = computed(() =>
    waitingCounts(this.view()?.waiting ?? {}, this.categories()),
  );
  protected readonly time = computed(() => clockTime(this.now()));
  protected readonly date = computed(() => clockDate(this.now(), lang()));

  private readonly clock = new CallClock();
  private readonly voice = new BrowserVoice(() => this.needsGesture.set(true));
  private readonly announcer = new Announcer(this.voice, {}, (history) =>
    this.announced.set(history.slice(-HISTORY)),
  );
  private floor: HallFloor | null = null;
  private closeStream: (() => void) | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private destroyed = false;

  constructor() {
    this.announcer.enabled = this.soundOn();
  }

  ngOnInit(): void {
    this.ticker = setInterval(() => this.now.set(this.clock.now()), 1000);
    this.needsGesture.set(this.soundOn() && this.voice.blocked);
    void this.session.start().then((me) => {
      if (!me || this.destroyed) return;
      void this.loadCategories();
      void this.connect();
    });
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.stopStream();
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.announcer.stop();
    this.voice.close();
  }

  protected toggleSound(): void {
    const on = !this.soundOn();
    this.soundOn.set(on);
    this.announcer.enabled = on;
    saveSound(on);
  }

  /** Any touch, click or key on the page: the gesture a browser wants before it makes a sound. */
  protected gesture(): void {
    if (!this.needsGesture()) return;
    this.voice.unlock();
    this.needsGesture.set(false);
  }

  private hallId(): string | null {
    return this.session.self()?.hall.id ?? null;
  }

  private async loadCategories(): Promise<void> {
    try {
      this.categories.set(
        await api<CategoryView[]>('/categories', {
          token: this.session.bearer,
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return this.revoked();
      // the codes stand in for the names; try again with the next snapshot
    }
  }

  /** Loads the queue now, then follows the hall's events from there on. */
  private async connect(): Promise<void> {
    this.stopStream();
    const hallId = this.hallId();
    if (!hallId || this.destroyed) return;
    let snapshot: QueueSnapshot;
    try {
      snapshot = await api<QueueSnapshot>(
        `/halls/${encodeURIComponent(hallId)}/queue`,
        {
          token: this.session.bearer,
        },
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return this.revoked();
      if (this.view()) this.link.set('reconnecting');
      this.later(() => this.connect(), RETRY_MS);
      return;
    }
    if (this.destroyed) return;
    if (!this.categories().length) void this.loadCategories();
    this.clock.sync(snapshot.asOf);
    this.now.set(this.clock.now());
    this.floor = new HallFloor(snapshot, CALLS);
    this.view.set(this.floor.view());
    this.closeStream = openEventStream(
      {
        url: `/api/v1/halls/${encodeURIComponent(hallId)}/events`,
        headers: () => {
          const token = this.session.bearer;
          return token ? { Authorization: `Bearer ${token}` } : null;
        },
        lastEventId: snapshot.lastEventId ?? null,
      },
      (m) => this.onStream(m),
    );
  }

  private onStream(m: StreamMessage): void {
    if (this.destroyed) return;
    switch (m.kind) {
      case 'open':
        this.clock.opened();
        this.link.set('live');
        return;
      case 'reconnecting':
        this.clock.dropped();
        this.link.set('reconnecting');
        if (this.clock.downFor() > LONG_BREAK_MS) void this.connect();
        return;
      case 'refused':
        if (m.status === 401) return this.revoked();
        this.stopStream();
        this.link.set('reconnecting');
        this.later(() => this.connect(), REFUSED_RETRY_MS);
        return;
      case 'event': {
        const floor = this.floor;
        if (!floor) return;
        const call = floor.apply(m.event);
        this.view.set(floor.view());
        if (call)
          this.announcer.announce(
            call,
            this.clock.timeOf(call),
            this.clock.now(),
          );
        return;
      }
    }
  }

  private revoked(): void {
    this.stopStream();
    this.announcer.stop();
    this.session.revoked();
  }

  private later(fn: () => void, ms: number): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.destroyed) fn();
    }, ms);
  }

  private stopStream(): void {
    this.closeStream?.();
    this.closeStream = null;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}
