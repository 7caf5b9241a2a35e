import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CategoryView, QueueSnapshot } from '@onewindow/contracts';
import {
  auditTime,
  catchError,
  EMPTY,
  filter,
  merge,
  of,
  Subject,
  switchMap,
} from 'rxjs';
import { bindChart, stateOf } from '../../charts/chart-binding';
import { ChartCard } from '../../charts/chart-card';
import { tr } from '../../charts/common';
import { waitingOptions, waitingTable } from '../../charts/live-queue';
import { apiErrorMessage } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { DirectoryApi } from '../../core/api/directory.api';
import { categoryName } from '../../core/format/category';
import { formatNumber } from '../../core/format/format';
import type { Lang } from '../../core/i18n/languages';
import {
  HallLiveService,
  LiveMessage,
} from '../../core/live/hall-live.service';
import { formatShanghaiDateTime } from '../../core/time/shanghai-time';

export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'refused';

/** Refresh the snapshot at most this often while events stream in (ms). */
export const REFRESH_AFTER_EVENT_MS = 400;

/**
 * Today in the hall, live: people waiting by category, windows open / paused / closed, the mean wait
 * so far. The snapshot is read once, then again after each burst of events on the hall's stream, so
 * the figures follow the queue without a reload.
 */
@Component({
  selector: 'app-live-panel',
  imports: [TranslocoPipe, ChartCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="card live-panel"
      data-testid="live-panel"
      aria-labelledby="live-h"
    >
      <div class="page-head">
        <h2 id="live-h">{{ 'live.title' | transloco: { date: today() } }}</h2>
        <span
          class="live-status"
          [class.live-on]="state() === 'open'"
          role="status"
          data-testid="live-status"
          [attr.data-live-state]="state()"
          >{{ stateText() | transloco: { message: refusedMessage() } }}
          @if (updatedAt()) {
            · {{ 'live.updatedAt' | transloco: { time: updatedAt() } }}
          }
        </span>
      </div>
      @if (error() !== null) {
        <p class="form-error" role="alert">
          {{ 'common.error' | transloco: { message: error() } }}
        </p>
      }
      <dl class="kpis">
        <div class="kpi">
          <dt>{{ 'live.waiting' | transloco }}</dt>
          <dd data-testid="live-waiting" [attr.data-value]="waitingTotal()">
            {{ num(waitingTotal()) }}
          </dd>
        </div>
        <div class="kpi">
          <dt>{{ 'live.open' | transloco }}</dt>
          <dd data-testid="live-open">{{ num(windowCount('open')) }}</dd>
        </div>
        <div class="kpi">
          <dt>{{ 'live.paused' | transloco }}</dt>
          <dd data-testid="live-paused">{{ num(windowCount('paused')) }}</dd>
        </div>
        <div class="kpi">
          <dt>{{ 'live.averageWait' | transloco }}</dt>
          <dd data-testid="live-average">
            {{ 'live.minutes' | transloco: { value: averageWait() } }}
          </dd>
        </div>
      </dl>
      <app-chart-card
        testId="live-waiting-chart"
        [heading]="'live.waitingChart' | transloco"
        [binding]="chart"
        [fileName]="'live-waiting'"
        [lang]="lang()"
        [height]="220"
      />
    </section>
  `,
})
export class LivePanel {
  private readonly live = inject(HallLiveService);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);

  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

  protected readonly snapshot = signal<QueueSnapshot | null>(null);
  protected readonly state = signal<LiveState>('connecting');
  protected readonly refusedMessage = signal('');
  protected readonly error = signal<string | null>(null);
  private readonly catalog = signal<CategoryView[]>([]);
  /** Events received since the panel opened (tests and the status line read it). */
  readonly eventsSeen = signal(0);

  protected readonly today = computed(() => {
    const s = this.snapshot();
    return s
      ? formatShanghaiDateTime(new Date(s.asOf), this.lang()).slice(0, 10)
      : '…';
  });
  protected readonly updatedAt = computed(() => {
    const s = this.snapshot();
    return s
      ? formatShanghaiDateTime(new Date(s.asOf), this.lang()).slice(11)
      : '';
  });
  protected readonly waitingTotal = computed(
    () => this.snapshot()?.waiting.reduce((n, w) => n + w.count, 0) ?? null,
  );
  protected readonly averageWait = computed(() =>
    formatNumber(
      this.snapshot()?.averageWaitTodayMinutes ?? null,
      this.lang(),
      1,
    ),
  );
  protected readonly stateText = computed(
    () =>
      ({
        connecting: 'live.connecting',
        open: 'live.connected',
        reconnecting: 'live.reconnecting',
        refused: 'live.refused',
      })[this.state()],
  );
  private readonly name = (code: string) =>
    categoryName(code, this.lang(), this.catalog());
  protected readonly chart = bindChart(stateOf(this.snapshot, this.error), {
    options: (s, lang, config) =>
      waitingOptions(
        s.waiting.filter((w) => w.count > 0),
        this.name,
        lang,
        config,
      ),
    table: (s, lang) => waitingTable(s.waiting, this.name, lang),
    isEmpty: (s) => !s.waiting.some((w) => w.count > 0),
    emptyText: (lang) => tr(lang).live.noneWaiting,
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.directory
      .categories()
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe({ next: (c) => this.catalog.set(c), error: () => undefined });

    const refresh = new Subject<string>();
    toObservable(this.hallId)
      .pipe(
        switchMap((hallId) => {
          this.snapshot.set(null);
          this.state.set('connecting');
          this.eventsSeen.set(0);
          // the snapshot at once, then again whenever the stream (re)opens or brings events
          return merge(
            of<LiveMessage | { kind: 'start' }>({ kind: 'start' }),
            this.live.events(hallId),
          ).pipe(
            switchMap((msg) => {
              if (msg.kind !== 'start') this.onMessage(msg);
              return msg.kind === 'start' ||
                msg.kind === 'open' ||
                msg.kind === 'event'
                ? of(hallId)
                : EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((hallId) => refresh.next(hallId));

    refresh
      .pipe(
        auditTime(REFRESH_AFTER_EVENT_MS),
        // signed out meanwhile (the page is about to go): ask nothing
        filter(() => this.auth.isAuthenticated()),
        switchMap((hallId) =>
          this.live.snapshot(hallId).pipe(
            catchError((e: unknown) => {
              this.error.set(apiErrorMessage(e) ?? '');
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((s) => {
        this.error.set(null);
        this.snapshot.set(s);
      });
  }

  private onMessage(msg: LiveMessage): void {
    switch (msg.kind) {
      case 'open':
        this.state.set('open');
        break;
      case 'event':
        this.eventsSeen.update((n) => n + 1);
        break;
      case 'reconnecting':
        this.state.set('reconnecting');
        break;
      case 'refused':
        this.state.set('refused');
        this.refusedMessage.set(msg.message ?? String(msg.status));
        break;
    }
  }

  protected num(v: number | null): string {
    return formatNumber(v, this.lang());
  }

  protected windowCount(state: 'open' | 'paused' | 'closed'): number | null {
    const s = this.snapshot();
    return s ? s.windows.filter((w) => w.state === state).length : null;
  }
}
