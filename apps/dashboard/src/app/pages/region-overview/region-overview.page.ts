import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  HallRankingResponse,
  ReassignmentFlowsResponse,
  RegionTrendsResponse,
  RegionView,
  TrendGranularity,
  TrendSeries,
} from '@onewindow/contracts';
import { map, Observable, of, switchMap } from 'rxjs';
import { ChartCard, ChartClick } from '../../charts/chart-card';
import { bindChart } from '../../charts/chart-binding';
import { onlineTargetLabel } from '../../charts/channels';
import { flowsOptions, flowsTable } from '../../charts/flows-sankey';
import {
  comprehensiveShareOptions,
  onlineRateOptions,
  withinTargetOptions,
  abandonedShareOptions,
  pickWithinTarget,
  pickAbandonedShare,
  partId,
  partsOf,
  pickComprehensiveShare,
  pickOnlineRate,
  pickVisitorsPerDay,
  pickWindows,
  regionTrendsTable,
  regionWindowsOptions,
  visitorsAreEmpty,
  visitorsOptions,
} from '../../charts/region-trends';
import {
  WindowTargetSeries,
  windowTargetsOptions,
  windowTargetsTable,
} from '../../charts/window-targets';
import { AnalyticsApi } from '../../core/api/analytics.api';
import { DirectoryApi } from '../../core/api/directory.api';
import { loadedAtText, loadErrorText } from '../../core/api/load-text';
import { loader, LoadState } from '../../core/api/loader';
import { AuthService } from '../../core/auth/auth.service';
import { formatNumber, formatPercent } from '../../core/format/format';
import { LanguageService } from '../../core/i18n/language.service';
import { DEFAULT_REGION } from '../../shared/hall-select';
import { DEFAULT_FROM, DEFAULT_TO } from '../hall-overview/hall-span';
import { RankingTable } from './ranking-table';
import { windowTargetSeriesLoader } from './window-target-series';

/**
 * The province's online-handling goal (80 % of cases handled online by the end of 2020): the line
 * drawn when neither the region nor an ancestor opened on this page has an online-rate target.
 */
export const PROVINCE_ONLINE_TARGET = {
  value: 0.8,
  comparison: 'ge',
} as const;

interface Query {
  code: string;
  from: string;
  to: string;
  granularity: TrendGranularity;
}

/**
 * Province / region overview (reform office): windows per child region and hall and against their
 * targets, the share of comprehensive windows, daily visitors, the online-handling rate against its
 * target, staff moves and a sortable ranking of the halls; a drill-down from region to child region
 * to hall.
 */
@Component({
  selector: 'app-region-overview-page',
  imports: [TranslocoPipe, ChartCard, RankingTable, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './region-overview.page.html',
})
export class RegionOverviewPage {
  private readonly analytics = inject(AnalyticsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly windowTargetSeries = windowTargetSeriesLoader();
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService).lang;

  /** `?code=`: the region shown; the person's own region by default. */
  readonly code = input<string | null>(null);

  protected readonly root = this.auth.user()?.regionCode ?? DEFAULT_REGION;
  protected readonly current = computed(() => this.code() ?? this.root);
  protected readonly from = signal(DEFAULT_FROM);
  protected readonly to = signal(DEFAULT_TO);
  protected readonly granularity = signal<TrendGranularity>('month');
  protected readonly rangeError = computed(() => this.from() > this.to());
  protected readonly query = signal<Query | null>(null);
  protected readonly chain = signal<RegionView[]>([]);
  /** Online-rate targets seen on this page, by region: a child inherits its ancestors'. */
  private readonly knownOnlineTargets = new Map<
    string,
    { value: number; comparison: string }
  >();

  protected readonly trends = loader<RegionTrendsResponse>();
  protected readonly ranking = loader<HallRankingResponse>();
  protected readonly windowTargets = loader<WindowTargetSeries[]>();
  protected readonly flows = loader<ReassignmentFlowsResponse>();

  constructor() {
    effect(() => {
      const code = this.current();
      untracked(() => {
        this.loadChain(code);
        this.apply();
      });
    });
    effect(() => {
      const q = this.query();
      if (q) untracked(() => this.load(q));
    });
  }

  protected readonly regionName = computed(
    () => this.trends.data()?.region.name ?? this.chain().at(-1)?.name ?? '',
  );
  protected readonly parts = computed(() => {
    const t = this.trends.data();
    if (!t) return [];
    const lang = this.lang();
    return partsOf(t).map((s) => {
      const first = s.points[0];
      const last = s.points[s.points.length - 1];
      const online = [...s.points].reverse().find((p) => p.onlineRate !== null);
      return {
        id: partId(s),
        series: s,
        isHall: !!s.hallId,
        windowsStart: formatNumber(first?.windows, lang),
        windowsEnd: formatNumber(last?.windows, lang),
        comprehensive: formatPercent(
          last ? pickComprehensiveShare(last) : null,
          lang,
        ),
        online: formatPercent(online?.onlineRate ?? null, lang),
      };
    });
  });

  protected readonly kpis = computed(() => {
    const t = this.trends.data();
    if (!t) return null;
    const lang = this.lang();
    const points = t.region.points;
    const first = points[0];
    const last = points[points.length - 1];
    const visitors = points
      .map((p) => p.visitorsPerDay)
      .filter((v): v is number => v !== null);
    const online =
      [...points].reverse().find((p) => p.onlineRate !== null)?.onlineRate ??
      null;
    const target = this.onlineTarget();
    return {
      windows: formatNumber(last?.windows, lang),
      windowsStart: formatNumber(first?.windows, lang),
      windowsCut: formatNumber(
        first && last ? first.windows - last.windows : null,
        lang,
      ),
      comprehensive: formatPercent(
        last ? pickComprehensiveShare(last) : null,
        lang,
      ),
      visitors: formatNumber(
        visitors.length
          ? visitors.reduce((a, b) => a + b, 0) / visitors.length
          : null,
        lang,
      ),
      online: formatPercent(online, lang),
      onlineTarget: target.label,
    };
  });

  /** The online-rate target of the region, else of an ancestor seen here, else the province's 80 %. */
  protected readonly onlineTarget = computed(() => {
    const lang = this.lang();
    const t = this.trends.data();
    const own = t?.region.targets.find((x) => x.metric === 'online_rate');
    const inherited = [...this.chain()]
      .reverse()
      .map((r) => this.knownOnlineTargets.get(r.code))
      .find((x) => !!x);
    const target = own ?? inherited ?? PROVINCE_ONLINE_TARGET;
    const prefix = this.transloco.translate(
      own || inherited ? 'chart.target' : 'region.provinceTarget',
      {},
      lang,
    );
    const comparison = this.transloco.translate(
      `comparison.${target.comparison}`,
      {},
      lang,
    );
    return {
      value: target.value,
      label: onlineTargetLabel(prefix, comparison, target.value, lang),
    };
  });

  // ---- charts ----
  protected readonly windowsChart = bindChart(this.trends.state, {
    options: regionWindowsOptions,
    table: (t, lang) => regionTrendsTable(t, lang, pickWindows),
  });
  protected readonly comprehensiveChart = bindChart(this.trends.state, {
    options: comprehensiveShareOptions,
    table: (t, lang) => regionTrendsTable(t, lang, pickComprehensiveShare),
  });
  protected readonly visitorsChart = bindChart(this.trends.state, {
    options: visitorsOptions,
    table: (t, lang) => regionTrendsTable(t, lang, pickVisitorsPerDay),
    isEmpty: visitorsAreEmpty,
  });
  protected readonly onlineChart = bindChart(this.trends.state, {
    options: (t, lang, config) =>
      onlineRateOptions(t, lang, { ...config, target: this.onlineTarget() }),
    table: (t, lang) => regionTrendsTable(t, lang, pickOnlineRate),
  });
  protected readonly withinChart = bindChart(this.trends.state, {
    options: withinTargetOptions,
    table: (t, lang) => regionTrendsTable(t, lang, pickWithinTarget),
  });
  protected readonly abandonedChart = bindChart(this.trends.state, {
    options: abandonedShareOptions,
    table: (t, lang) => regionTrendsTable(t, lang, pickAbandonedShare),
  });
  protected readonly targetsChart = bindChart(this.windowTargets.state, {
    options: windowTargetsOptions,
    table: windowTargetsTable,
    isEmpty: (d) => d.length === 0,
    emptyText: (lang) =>
      this.transloco.translate('region.targetsEmpty', {}, lang),
  });
  protected readonly flowsChart = bindChart(this.flows.state, {
    options: flowsOptions,
    table: flowsTable,
    isEmpty: (d) => d.total === 0,
    emptyText: (lang) => this.transloco.translate('hall.flowsEmpty', {}, lang),
  });

  protected readonly loadedAt = computed(() =>
    loadedAtText(this.trends.state(), this.lang()),
  );

  protected errorOf(state: LoadState<unknown>): string {
    return loadErrorText(state, this.lang());
  }

  protected file(kind: string): string {
    const q = this.query();
    return q
      ? `${kind}_${this.regionName() || q.code}_${q.from}_${q.to}`
      : kind;
  }

  /** A click on a line of a child region or hall opens it. */
  protected onChartClick(click: ChartClick): void {
    const id = click.seriesId ?? '';
    if (id.startsWith('hall:')) this.openHall(id.slice(5));
    else if (id.startsWith('region:') && id.slice(7) !== this.current())
      this.drill(id.slice(7));
  }

  protected drill(code: string): void {
    void this.router.navigate(['/region'], { queryParams: { code } });
  }

  protected openHall(hallId: string): void {
    void this.router.navigate(['/hall'], { queryParams: { hall: hallId } });
  }

  protected partLink(s: TrendSeries): {
    path: string[];
    query: Record<string, string>;
  } {
    return s.hallId
      ? { path: ['/hall'], query: { hall: s.hallId } }
      : { path: ['/region'], query: { code: s.regionCode ?? '' } };
  }

  protected onDateChange(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value) (which === 'from' ? this.from : this.to).set(value);
  }

  protected onGranularity(event: Event): void {
    this.granularity.set(
      (event.target as HTMLSelectElement).value as TrendGranularity,
    );
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.apply();
  }

  private apply(): void {
    if (this.rangeError()) return;
    this.query.set({
      code: this.current(),
      from: this.from(),
      to: this.to(),
      granularity: this.granularity(),
    });
  }

  private load(q: Query): void {
    this.trends.load(
      this.analytics.regionTrends(q.code, q.from, q.to, q.granularity).pipe(
        map((t) => {
          const own = t.region.targets.find((x) => x.metric === 'online_rate');
          if (own) this.knownOnlineTargets.set(q.code, own);
          return t;
        }),
      ),
    );
    this.ranking.load(this.analytics.hallRanking(q.code, q.from, q.to));
    this.flows.load(this.analytics.regionFlows(q.code, q.from, q.to));
    this.windowTargets.load(this.windowTargetSeries(q.code, q.from, q.to));
  }

  /** The regions from the person's own down to the one shown. */
  private loadChain(code: string): void {
    const chainOf = (c: string, depth: number): Observable<RegionView[]> =>
      this.directory
        .region(c)
        .pipe(
          switchMap((r) =>
            r.code === this.root || !r.parentCode || depth > 6
              ? of([r])
              : chainOf(r.parentCode, depth + 1).pipe(map((up) => [...up, r])),
          ),
        );
    chainOf(code, 0)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (c) => this.chain.set(c),
        error: () => this.chain.set([]),
      });
  }
}
