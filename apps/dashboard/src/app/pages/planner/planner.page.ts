import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  HallDailyResponse,
  HallWaitHeatmapResponse,
  ListResponse,
  PlanLayoutKind,
  PlanView,
} from '@onewindow/contracts';
import {
  catchError,
  debounceTime,
  forkJoin,
  map,
  of,
  Subscription,
  switchMap,
  takeWhile,
  timer,
} from 'rxjs';
import { ChartCard } from '../../charts/chart-card';
import { bindChart, stateOf } from '../../charts/chart-binding';
import {
  comparisonRows,
  layoutFiguresTable,
  requiredWindowsOptions,
  requiredWindowsTable,
  utilisationOptions,
  waitFiguresOptions,
} from '../../charts/planner';
import { apiErrorMessage } from '../../core/api/api-error';
import { AnalyticsApi } from '../../core/api/analytics.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import {
  ErlangCAnswer,
  ErlangCRequest,
  PlanningApi,
} from '../../core/api/planning.api';
import { categoryName } from '../../core/format/category';
import { formatNumber, formatPercent } from '../../core/format/format';
import { LanguageService } from '../../core/i18n/language.service';
import { formatShanghaiDateTime } from '../../core/time/shanghai-time';
import { HallSelect } from '../../shared/hall-select';

/** Two weeks of tickets every demo profile has (the small one has only these). */
export const DEFAULT_HISTORY = { from: '2020-08-17', to: '2020-08-30' };
export const LAYOUTS: PlanLayoutKind[] = [
  'department',
  'comprehensive',
  'hybrid',
];
/** How often a running plan is asked for its progress (ms). */
export const POLL_MS = 1000;

/**
 * Window arrivals after online handling rises by `points`: the window's share of the cases,
 * 1 − rate, shrinks to 1 − rate − points/100.
 */
export function shiftedArrivals(
  arrivals: number,
  onlineRate: number,
  points: number,
): number {
  const window = 1 - onlineRate;
  if (window <= 0) return 0;
  return Math.max(0, (arrivals * (window - points / 100)) / window);
}

/**
 * Planner (hall manager): a history span and a service target give an instant Erlang C answer; a
 * simulation run (a worker job with progress) gives windows per interval for the department,
 * comprehensive and hybrid layouts side by side, predicted waits, utilisation and the staff freed;
 * runs are kept and can be compared; a slider asks "what if online handling rises".
 */
@Component({
  selector: 'app-planner-page',
  imports: [TranslocoPipe, HallSelect, ChartCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './planner.page.html',
})
export class PlannerPage {
  private readonly planning = inject(PlanningApi);
  private readonly analytics = inject(AnalyticsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly layouts = LAYOUTS;
  protected readonly hallId = signal<string | null>(null);
  protected readonly hallName = signal('');
  protected readonly from = signal(DEFAULT_HISTORY.from);
  protected readonly to = signal(DEFAULT_HISTORY.to);
  protected readonly waitMinutes = signal(15);
  protected readonly share = signal(0.8);
  protected readonly onlineShift = signal(0);
  protected readonly chosen = signal<Set<PlanLayoutKind>>(new Set(LAYOUTS));
  protected readonly replications = signal(20);
  protected readonly planName = signal('');

  /** The history's peak hour and online rate (for the instant answer). */
  protected readonly history = loader<{
    heatmap: HallWaitHeatmapResponse;
    daily: HallDailyResponse;
  }>();
  protected readonly arrivalsPerHour = signal<number | null>(null);
  protected readonly meanService = signal(10);
  protected readonly instant = signal<ErlangCAnswer | null>(null);
  protected readonly instantError = signal<string | null>(null);

  protected readonly runs = loader<ListResponse<PlanView>>();
  protected readonly running = signal<PlanView | null>(null);
  protected readonly runError = signal<string | null>(null);
  protected readonly selected = signal<PlanView | null>(null);
  protected readonly compared = signal<Set<string>>(new Set());
  private poll: Subscription | null = null;

  protected readonly onlineRate = computed(() => {
    const days = this.history.data()?.daily.days ?? [];
    const rates = days
      .map((d) => d.onlineRate)
      .filter((r): r is number => r !== null);
    return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : 0;
  });
  protected readonly plannedArrivals = computed(() => {
    const a = this.arrivalsPerHour();
    return a === null
      ? null
      : shiftedArrivals(a, this.onlineRate(), this.onlineShift());
  });
  private readonly erlangRequest = computed<ErlangCRequest | null>(() => {
    const arrivals = this.plannedArrivals();
    const service = this.meanService();
    if (!arrivals || arrivals <= 0 || !(service > 0)) return null;
    return {
      arrivalsPerHour: Math.round(arrivals * 100) / 100,
      meanServiceMinutes: service,
      target: { waitMinutes: this.waitMinutes(), share: this.share() },
    };
  });

  constructor() {
    effect(() => {
      const hallId = this.hallId();
      if (!hallId) return;
      untracked(() => {
        this.loadHistory();
        this.runs.load(this.planning.plans(hallId));
        this.selected.set(null);
        this.compared.set(new Set());
      });
    });
    // the peak hour of the history: the busiest weekday-hour on average
    effect(() => {
      const h = this.history.data();
      if (!h) return;
      const peak = Math.max(
        0,
        ...h.heatmap.cells.map((c) => c.arrivalsPerDay ?? 0),
      );
      untracked(() =>
        this.arrivalsPerHour.set(peak > 0 ? Math.round(peak) : null),
      );
    });
    toObservable(this.erlangRequest)
      .pipe(
        debounceTime(250),
        switchMap((req) =>
          req
            ? this.planning.erlangC(req).pipe(
                map((a) => ({ a, e: null as string | null })),
                catchError((e: unknown) =>
                  of({ a: null, e: apiErrorMessage(e) ?? '' }),
                ),
              )
            : of({ a: null, e: null }),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ a, e }) => {
        this.instant.set(a);
        this.instantError.set(e);
      });
    this.destroyRef.onDestroy(() => this.poll?.unsubscribe());
  }

  // ---- instant answer ----
  protected readonly instantRows = computed(() => {
    const a = this.instant();
    const lang = this.lang();
    if (!a) return null;
    return {
      windows: formatNumber(a.windowsRequired, lang),
      pWait: formatPercent(a.probabilityOfWaiting, lang),
      meanWait:
        a.meanWaitMinutes === null
          ? null
          : formatNumber(a.meanWaitMinutes, lang, 1),
      within: formatPercent(a.shareWithinTarget, lang),
      utilisation: formatPercent(a.utilisation, lang),
    };
  });

  // ---- results ----
  protected readonly result = computed(() => this.selected()?.result ?? null);
  private readonly resultState = stateOf(this.result);
  protected readonly requiredChart = bindChart(this.resultState, {
    options: requiredWindowsOptions,
    table: requiredWindowsTable,
  });
  protected readonly waitChart = bindChart(this.resultState, {
    options: waitFiguresOptions,
    table: layoutFiguresTable,
  });
  protected readonly utilChart = bindChart(this.resultState, {
    options: utilisationOptions,
    table: layoutFiguresTable,
  });
  protected readonly layoutCards = computed(() => {
    const r = this.result();
    const lang = this.lang();
    return (r?.layouts ?? []).map((l) => ({
      kind: l.kind,
      peak: formatNumber(l.peakWindows, lang),
      fixed: formatNumber(l.fixedWindows, lang),
      hours: formatNumber(l.windowHours, lang, 1),
      freed: formatNumber(l.staffFreed, lang),
      meanWait: formatNumber(l.overall.meanWaitMinutes.mean, lang, 1),
      meanWaitCi: `${formatNumber(l.overall.meanWaitMinutes.ci95[0], lang, 1)}–${formatNumber(l.overall.meanWaitMinutes.ci95[1], lang, 1)}`,
      within: formatPercent(l.overall.shareWithinTarget.mean, lang),
      abandoned: l.overall.abandonedShare
        ? formatPercent(l.overall.abandonedShare.mean, lang)
        : null,
      utilisation: formatPercent(l.overall.utilisation.mean, lang),
    }));
  });
  /** What keeping each specialist category in windows of its own costs ("单设车驾管专窗需多 2 个窗口"). */
  protected readonly specialistCosts = computed(() => {
    const s = this.result()?.specialists;
    const lang = this.lang();
    return (s?.costs ?? []).map((c) => ({
      code: c.code,
      name: categoryName(c.code, lang),
      extra: c.extraWindows,
      separate: formatNumber(c.windowsSeparate, lang),
      pooled: formatNumber(c.windowsPooled, lang),
    }));
  });
  /** Patience fitted from the history (censored), as the simulation used it. */
  protected readonly patience = computed(() => {
    const p = this.result()?.fit.patience;
    const lang = this.lang();
    if (!p) return null;
    return {
      events: formatNumber(p.events, lang),
      observations: formatNumber(p.observations, lang),
      mean:
        p.meanMinutes === null ? null : formatNumber(p.meanMinutes, lang, 0),
    };
  });
  /**
   * Pooled vs department: the verdict rests on the one pre-declared metric (share within target,
   * paired); the other metrics are listed with their intervals and no verdict.
   */
  protected readonly pooling = computed(() => {
    const p = this.result()?.pooling;
    const lang = this.lang();
    if (!p) return null;
    const share = (v: number) => formatPercent(v, lang);
    const primary =
      p.metrics.find((m) => m.role === 'primary') ??
      p.metrics.find((m) => m.metric === 'overall.shareWithinTarget');
    return {
      verdict: p.verdict,
      primary: primary && {
        department: share(primary.department),
        pooled: share(primary.pooled),
        difference: `${share(primary.difference.ci95[0])} – ${share(primary.difference.ci95[1])}`,
      },
      secondary: p.metrics
        .filter((m) => m !== primary && m.metric.startsWith('overall.'))
        .map((m) => ({
          metric: m.metric.replace('overall.', ''),
          department: formatNumber(m.department, lang, 3),
          pooled: formatNumber(m.pooled, lang, 3),
          difference: `${formatNumber(m.difference.ci95[0], lang, 3)} – ${formatNumber(m.difference.ci95[1], lang, 3)}`,
        })),
    };
  });
  protected readonly comparison = computed(() => {
    const ids = this.compared();
    const plans = (this.runs.data()?.items ?? []).filter((p) => ids.has(p.id));
    const lang = this.lang();
    return comparisonRows(plans).map((r) => ({
      id: `${r.plan.id}|${r.kind}`,
      plan: this.planLabel(r.plan),
      kind: r.kind,
      peak: formatNumber(r.peakWindows, lang),
      hours: formatNumber(r.windowHours, lang, 1),
      freed: formatNumber(r.staffFreed, lang),
      within: formatPercent(r.shareWithinTarget, lang),
      meanWait: formatNumber(r.meanWaitMinutes, lang, 1),
    }));
  });

  protected planLabel(p: PlanView): string {
    const shift = p.inputs.onlineShiftPoints
      ? ` +${p.inputs.onlineShiftPoints}pt`
      : '';
    return `${p.name ?? formatShanghaiDateTime(new Date(p.createdAt), this.lang())} (${p.inputs.historyFrom}–${p.inputs.historyTo}${shift})`;
  }

  protected time(iso: string): string {
    return formatShanghaiDateTime(new Date(iso), this.lang());
  }

  protected percent(v: number): string {
    return formatPercent(v, this.lang(), 0);
  }

  protected runsError(): string {
    return loadErrorText(this.runs.state(), this.lang());
  }

  // ---- form ----
  protected round(n: number): number {
    return Math.round(n);
  }

  protected num(event: Event): number {
    return Number((event.target as HTMLInputElement).value);
  }

  protected onDate(which: 'from' | 'to', event: Event): void {
    const v = (event.target as HTMLInputElement).value;
    if (!v) return;
    (which === 'from' ? this.from : this.to).set(v);
    this.loadHistory();
  }

  protected toggleLayout(kind: PlanLayoutKind): void {
    this.chosen.update((s) => {
      const next = new Set(s);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  protected toggleCompare(id: string): void {
    this.compared.update((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected open(p: PlanView): void {
    this.planning
      .plan(p.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (v) => this.selected.set(v), error: () => undefined });
  }

  protected run(event: Event): void {
    event.preventDefault();
    const hallId = this.hallId();
    if (!hallId || this.chosen().size === 0 || this.from() > this.to()) return;
    this.runError.set(null);
    const name = this.planName().trim();
    this.planning
      .createPlan(hallId, {
        historyFrom: this.from(),
        historyTo: this.to(),
        target: { waitMinutes: this.waitMinutes(), share: this.share() },
        layouts: LAYOUTS.filter((l) => this.chosen().has(l)),
        onlineShiftPoints: this.onlineShift(),
        replications: this.replications(),
        ...(name ? { name } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ id }) => this.follow(hallId, id),
        error: (e: unknown) => this.runError.set(apiErrorMessage(e) ?? ''),
      });
  }

  /** Polls a run until it is done (then shows it) or failed. */
  private follow(hallId: string, id: string): void {
    this.poll?.unsubscribe();
    this.running.set({
      id,
      hallId,
      name: null,
      state: 'queued',
      progress: 0,
      inputs: {
        historyFrom: this.from(),
        historyTo: this.to(),
        target: { waitMinutes: this.waitMinutes(), share: this.share() },
        layouts: [...this.chosen()],
      },
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    });
    this.poll = timer(0, POLL_MS)
      .pipe(
        switchMap(() => this.planning.plan(id)),
        takeWhile((p) => p.state !== 'done' && p.state !== 'failed', true),
      )
      .subscribe({
        next: (p) => {
          this.running.set(p);
          if (p.state === 'done') {
            this.selected.set(p);
            this.runs.load(this.planning.plans(hallId));
          } else if (p.state === 'failed') {
            this.runError.set(p.error ?? '');
            this.runs.load(this.planning.plans(hallId));
          }
        },
        error: (e: unknown) => this.runError.set(apiErrorMessage(e) ?? ''),
      });
  }

  private loadHistory(): void {
    const hallId = this.hallId();
    if (!hallId || this.from() > this.to()) return;
    this.history.load(
      forkJoin({
        heatmap: this.analytics.hallWaitHeatmap(hallId, this.from(), this.to()),
        daily: this.analytics.hallDaily(hallId, this.from(), this.to()),
      }),
    );
  }
}
