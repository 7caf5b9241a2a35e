import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  HallChannelsResponse,
  HallCoverage,
  HallDailyResponse,
  HallRatingsResponse,
  HallWaitHeatmapResponse,
  ListResponse,
  ReassignmentFlowsResponse,
  TargetView,
  WindowChangesResponse,
  WindowHistoryResponse,
} from '@onewindow/contracts';
import { catchError, forkJoin, Observable, of } from 'rxjs';
import { ChartCard } from '../../charts/chart-card';
import { bindChart } from '../../charts/chart-binding';
import {
  channelOptions,
  channelsAreEmpty,
  channelTable,
  onlineTargetLabel,
} from '../../charts/channels';
import { flowsOptions, flowsTable } from '../../charts/flows-sankey';
import {
  hallDailyIsEmpty,
  hallDailyOptions,
  hallServiceOptions,
  hallServiceIsEmpty,
  hallDailyTable,
} from '../../charts/hall-daily';
import {
  ratingsAreEmpty,
  ratingsOptions,
  ratingsTable,
} from '../../charts/ratings';
import {
  waitHeatmapOptions,
  waitHeatmapTable,
} from '../../charts/wait-heatmap';
import {
  describeWindowChange,
  signed,
  windowHistoryOptions,
  windowHistoryTable,
} from '../../charts/window-history';
import { AdminApi } from '../../core/api/admin.api';
import { AnalyticsApi } from '../../core/api/analytics.api';
import { DirectoryApi } from '../../core/api/directory.api';
import { loadedAtText, loadErrorText } from '../../core/api/load-text';
import { loader, LoadState } from '../../core/api/loader';
import { LanguageService } from '../../core/i18n/language.service';
import type { Lang } from '../../core/i18n/languages';
import { categoryName } from '../../core/format/category';
import { todayInShanghai } from '../../core/time/shanghai-time';
import { HallSelect } from '../../shared/hall-select';
import { TargetsTable } from '../../shared/targets-table';
import {
  autoGranularity,
  DEFAULT_FROM,
  DEFAULT_TO,
  defaultSpan,
} from './hall-span';
import { LivePanel } from './live-panel';

interface Query {
  hallId: string;
  from: string;
  to: string;
}

interface WindowsData {
  history: WindowHistoryResponse;
  changes: WindowChangesResponse;
}

/**
 * Hall overview (hall manager; clerks, the reform office and admins read it too): today live, daily
 * visitors and tickets, windows over time with the days they changed, cases by channel, waits by
 * hour and weekday, staff moves, citizens' ratings per window and category, and the hall's targets.
 */
@Component({
  selector: 'app-hall-overview-page',
  imports: [TranslocoPipe, ChartCard, HallSelect, LivePanel, TargetsTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hall-overview.page.html',
})
export class HallOverviewPage {
  private readonly analytics = inject(AnalyticsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly admin = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;

  /** `?hall=` (a drill-down from the region page). */
  readonly hall = input<string | null>(null);

  protected readonly hallId = signal<string | null>(null);
  protected readonly hallName = signal('');
  protected readonly from = signal(DEFAULT_FROM);
  protected readonly to = signal(DEFAULT_TO);
  protected readonly rangeError = computed(() => this.from() > this.to());
  protected readonly query = signal<Query | null>(null);

  protected readonly daily = loader<HallDailyResponse>();
  protected readonly windows = loader<WindowsData>();
  protected readonly channels = loader<HallChannelsResponse>();
  protected readonly heatmap = loader<HallWaitHeatmapResponse>();
  protected readonly flows = loader<ReassignmentFlowsResponse>();
  protected readonly ratings = loader<HallRatingsResponse>();
  protected readonly targets = loader<ListResponse<TargetView>>();
  /** The hall's history (days before today): the span the page opens on, and why a chart is empty. */
  protected readonly coverage = signal<HallCoverage | null>(null);

  private readonly fileBase = computed(() => {
    const q = this.query();
    return q ? `${this.hallName() || q.hallId}_${q.from}_${q.to}` : 'hall';
  });

  constructor() {
    // a new hall shows at once, with the span in the form
    effect(() => {
      const hallId = this.hallId();
      if (!hallId) return;
      untracked(() => {
        // the targets are the hall's, whatever the span: once per hall
        this.targets.load(this.admin.hallTargets(hallId));
        // the page opens on the hall's own data, not on an empty span
        this.coverage.set(null);
        this.analytics
          .hallCoverage(hallId, todayInShanghai())
          .pipe(catchError(() => of(null)))
          .subscribe((coverage) => {
            if (this.hallId() !== hallId) return;
            this.coverage.set(coverage);
            if (coverage) {
              const span = defaultSpan(coverage, todayInShanghai());
              this.from.set(span.from);
              this.to.set(span.to);
            }
            this.apply();
          });
      });
    });
    effect(() => {
      const q = this.query();
      if (q) untracked(() => this.load(q));
    });
  }

  // ---- charts ----
  protected readonly dailyChart = bindChart(this.daily.state, {
    options: (d, lang, config) => hallDailyOptions(d.days, lang, config),
    table: (d, lang) => hallDailyTable(d.days, lang),
    isEmpty: (d) => hallDailyIsEmpty(d.days),
    emptyText: (lang) => this.emptyText('common.empty', lang),
  });
  protected readonly serviceChart = bindChart(this.daily.state, {
    options: (d, lang, config) => hallServiceOptions(d.days, lang, config),
    table: (d, lang) => hallDailyTable(d.days, lang),
    isEmpty: (d) => hallServiceIsEmpty(d.days),
    emptyText: (lang) => this.emptyText('common.empty', lang),
  });
  protected readonly windowsChart = bindChart(this.windows.state, {
    options: (d, lang, config) =>
      windowHistoryOptions(d.history.days, lang, {
        ...config,
        changes: d.changes.changes,
      }),
    table: (d, lang) => windowHistoryTable(d.history.days, lang),
    isEmpty: (d) => d.history.days.every((x) => x.total === 0),
    emptyText: (lang) => this.emptyText('hall.empty', lang),
  });
  protected readonly changeRows = computed(() => {
    const d = this.windows.data();
    const lang = this.lang();
    return (d?.changes.changes ?? []).map((c) => ({
      date: c.date,
      what: describeWindowChange(c, lang),
      net: signed(c.netChange),
      notes: c.notes.join(' / '),
    }));
  });
  protected readonly windowsSummary = computed(() => {
    const days = this.windows.data()?.history.days ?? [];
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
      this.lang(),
    );
  });
  private readonly onlineTarget = computed(() => {
    const target = this.targets
      .data()
      ?.items.find((t) => t.metric === 'online_rate');
    if (!target) return null;
    const lang = this.lang();
    return {
      value: target.value,
      label: onlineTargetLabel(
        this.transloco.translate('chart.target', {}, lang),
        this.transloco.translate(`comparison.${target.comparison}`, {}, lang),
        target.value,
        lang,
      ),
    };
  });
  protected readonly channelsChart = bindChart(this.channels.state, {
    options: (d, lang, config) =>
      channelOptions(d.points, lang, {
        ...config,
        target: this.onlineTarget(),
      }),
    table: (d, lang) => channelTable(d.points, lang),
    isEmpty: (d) => channelsAreEmpty(d.points),
    emptyText: (lang) => this.emptyText('common.empty', lang),
  });
  protected readonly heatmapChart = bindChart(this.heatmap.state, {
    options: waitHeatmapOptions,
    table: waitHeatmapTable,
    isEmpty: (d) => d.cells.length === 0,
    emptyText: (lang) => this.emptyText('common.empty', lang),
  });
  protected readonly flowsChart = bindChart(this.flows.state, {
    options: flowsOptions,
    table: flowsTable,
    isEmpty: (d) => d.total === 0,
    emptyText: (lang) => this.emptyText('hall.flowsEmpty', lang),
  });
  protected readonly ratingsChart = bindChart(this.ratings.state, {
    options: ratingsOptions,
    table: (d, lang) =>
      ratingsTable(d, lang, (code) => categoryName(code, lang)),
    isEmpty: ratingsAreEmpty,
    emptyText: (lang) => this.emptyText('hall.ratingsEmpty', lang),
  });

  protected readonly loadedAt = computed(() =>
    loadedAtText(this.daily.state(), this.lang()),
  );

  protected errorOf(state: LoadState<unknown>): string {
    return loadErrorText(state, this.lang());
  }

  /** Where the hall's data lies, said under an empty chart. */
  protected readonly dataRange = computed(() => {
    const c = this.coverage();
    const lang = this.lang();
    if (!c) return '';
    if (!c.tickets && !c.facts)
      return this.transloco.translate('hall.noHistory', {}, lang);
    const span = (s: { from: string; to: string } | null) =>
      s
        ? this.transloco.translate('hall.dataSpan', s, lang)
        : this.transloco.translate('hall.dataNone', {}, lang);
    return this.transloco.translate(
      'hall.dataRange',
      { tickets: span(c.tickets), facts: span(c.facts) },
      lang,
    );
  });

  /** The text of an empty chart: its own (or "no data in this span") and where the hall's data lies. */
  private emptyText(key: string, lang: Lang): string {
    return [this.transloco.translate(key, {}, lang), this.dataRange()]
      .filter(Boolean)
      .join(' ');
  }

  protected file(kind: string): string {
    return `${kind}_${this.fileBase()}`;
  }

  protected onDateChange(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value) (which === 'from' ? this.from : this.to).set(value);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.apply();
  }

  private apply(): void {
    const hallId = this.hallId();
    if (!hallId || this.rangeError()) return;
    this.query.set({ hallId, from: this.from(), to: this.to() });
  }

  private load({ hallId, from, to }: Query): void {
    this.daily.load(this.analytics.hallDaily(hallId, from, to));
    this.windows.load(
      forkJoin({
        history: this.directory.windowHistory(hallId, from, to),
        changes: this.analytics.windowChanges(hallId, from, to),
      }) as Observable<WindowsData>,
    );
    this.channels.load(
      this.analytics.hallChannels(hallId, from, to, autoGranularity(from, to)),
    );
    this.heatmap.load(this.analytics.hallWaitHeatmap(hallId, from, to));
    this.flows.load(this.analytics.hallFlows(hallId, from, to));
    this.ratings.load(this.analytics.hallRatings(hallId, from, to));
  }
}
