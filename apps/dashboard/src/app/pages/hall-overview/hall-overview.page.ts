import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { HallView, WindowHistoryResponse } from '@onewindow/contracts';
import { catchError, map, of, startWith, Subject, switchMap } from 'rxjs';
import { WindowHistoryChart } from '../../charts/window-history-chart';
import { windowHistoryCsv } from '../../charts/window-history';
import { apiErrorMessage } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { downloadText } from '../../core/download';
import { LanguageService } from '../../core/i18n/language.service';
import { formatShanghaiDateTime } from '../../core/time/shanghai-time';
import { HallsApi } from './halls.api';

export const DEFAULT_FROM = '2016-01-01';
export const DEFAULT_TO = '2020-12-31';
/** Zhejiang: the halls an admin picks from. */
export const DEFAULT_REGION = '330000';

type HistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: WindowHistoryResponse; loadedAt: Date }
  | { status: 'error'; message: string | null };

interface HistoryQuery {
  hallId: string;
  from: string;
  to: string;
}

/** Hall overview: the windows of one hall over time, by mode. */
@Component({
  selector: 'app-hall-overview-page',
  imports: [TranslocoPipe, WindowHistoryChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hall-overview.page.html',
})
export class HallOverviewPage {
  private readonly api = inject(HallsApi);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService).lang;

  /** Admins and reform offices pick a hall; managers and clerks see their own. */
  protected readonly ownHallId = this.ownHall();
  protected readonly canPick = this.ownHallId === null;

  protected readonly halls = signal<HallView[]>([]);
  protected readonly hallsError = signal<string | null | undefined>(undefined);
  protected readonly hallsLoading = signal(false);
  protected readonly ownHallName = signal<string | null>(null);
  protected readonly hallId = signal<string | null>(this.ownHallId);
  protected readonly from = signal(DEFAULT_FROM);
  protected readonly to = signal(DEFAULT_TO);
  protected readonly rangeError = computed(() => this.from() > this.to());
  protected readonly history = signal<HistoryState>({ status: 'idle' });

  protected readonly hallName = computed(() => {
    const id = this.hallId();
    return (
      this.halls().find((h) => h.id === id)?.name ?? this.ownHallName() ?? ''
    );
  });
  protected readonly days = computed(() => {
    const h = this.history();
    return h.status === 'ready' ? h.data.days : [];
  });
  protected readonly isEmpty = computed(() =>
    this.days().every((d) => d.total === 0),
  );
  protected readonly loadedAt = computed(() => {
    const h = this.history();
    return h.status === 'ready'
      ? formatShanghaiDateTime(h.loadedAt, this.lang())
      : '';
  });
  protected readonly summary = computed(() => {
    const days = this.days();
    const lang = this.lang();
    if (days.length === 0) return '';
    const first = days[0];
    const last = days[days.length - 1];
    return this.transloco.translate(
      'hall.summary',
      {
        from: first.date,
        to: last.date,
        first: first.total,
        last: last.total,
        comprehensive: last.comprehensive,
      },
      lang,
    );
  });
  protected readonly errorMessage = computed(() => {
    const h = this.history();
    return h.status === 'error'
      ? (h.message ??
          this.transloco.translate('error.network', {}, this.lang()))
      : '';
  });
  protected readonly hallsErrorMessage = computed(
    () =>
      this.hallsError() ??
      this.transloco.translate('error.network', {}, this.lang()),
  );
  protected readonly fileName = computed(
    () =>
      `windows_${this.hallName() || this.hallId()}_${this.from()}_${this.to()}`,
  );

  private readonly queries = new Subject<HistoryQuery>();

  constructor() {
    this.queries
      .pipe(
        switchMap((q) =>
          this.api.windowHistory(q.hallId, q.from, q.to).pipe(
            map(
              (data): HistoryState => ({
                status: 'ready',
                data,
                loadedAt: new Date(),
              }),
            ),
            catchError((error: unknown) =>
              of<HistoryState>({
                status: 'error',
                message: apiErrorMessage(error),
              }),
            ),
            startWith<HistoryState>({ status: 'loading' }),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((state) => this.history.set(state));

    if (this.ownHallId) {
      this.api
        .hall(this.ownHallId)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (hall) => this.ownHallName.set(hall.name),
          error: () => undefined,
        });
      this.load();
    } else {
      this.loadHalls();
    }
  }

  protected onHallChange(event: Event): void {
    this.hallId.set((event.target as HTMLSelectElement).value);
    this.load();
  }

  protected onDateChange(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value) (which === 'from' ? this.from : this.to).set(value);
  }

  protected apply(event: Event): void {
    event.preventDefault();
    this.load();
  }

  protected downloadCsv(): void {
    downloadText(
      `${this.fileName()}.csv`,
      windowHistoryCsv(this.days(), this.lang()),
      'text/csv;charset=utf-8',
    );
  }

  private load(): void {
    const hallId = this.hallId();
    if (!hallId || this.rangeError()) return;
    this.queries.next({ hallId, from: this.from(), to: this.to() });
  }

  private loadHalls(): void {
    const region = this.auth.user()?.regionCode ?? DEFAULT_REGION;
    this.hallsLoading.set(true);
    this.api
      .halls(region)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (res) => {
          this.hallsLoading.set(false);
          this.hallsError.set(undefined);
          this.halls.set(res.items);
          if (res.items.length > 0) {
            this.hallId.set(res.items[0].id);
            this.load();
          }
        },
        error: (error: unknown) => {
          this.hallsLoading.set(false);
          this.hallsError.set(apiErrorMessage(error));
        },
      });
  }

  private ownHall(): string | null {
    const user = this.auth.user();
    return user && (user.role === 'hall_manager' || user.role === 'clerk')
      ? (user.hallId ?? null)
      : null;
  }
}
