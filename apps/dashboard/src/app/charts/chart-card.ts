import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECharts } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { downloadText, downloadUrl } from '../core/download';
import { CsvTable, safeFileName, toCsv } from '../core/format/csv';
import { echartsLocale, Lang } from '../core/i18n/languages';
import type { ChartBinding } from './chart-binding';
import { CHART_DEFAULTS } from './chart-defaults';
import { ChartOption, seriesList } from './chart-option';
import { echarts } from './echarts-setup';

export type ChartStatus = 'loading' | 'ready' | 'empty' | 'error';

/** What a click on a chart element tells the page (e.g. which region to drill into). */
export interface ChartClick {
  seriesId: string | null;
  seriesName: string | null;
  name: string | null;
  dataIndex: number | null;
}

/** Counts the drawn values of an option's series (nulls and gaps not counted). */
export function countPoints(option: unknown): number {
  const list = (option ? seriesList(option as ChartOption) : []) as {
    data?: unknown[];
    links?: unknown[];
  }[];
  let n = 0;
  for (const s of list) {
    for (const d of s.data ?? []) {
      const v =
        d !== null && typeof d === 'object' && !Array.isArray(d) && 'value' in d
          ? (d as { value: unknown }).value
          : d;
      const y = Array.isArray(v) ? v[v.length - 1] : v;
      if (y !== null && y !== undefined && y !== '-') n++;
    }
    n += s.links?.length ?? 0;
  }
  return n;
}

/**
 * A chart in a card: heading, PNG and CSV export, loading / empty / error states, the data as a
 * table for screen readers, and the ECharts instance. ngx-echarts resizes the chart with its
 * container and disposes it on destroy; a change of language re-creates it so the ECharts locale
 * follows.
 */
@Component({
  selector: 'app-chart-card',
  imports: [NgxEchartsDirective, NgTemplateOutlet, TranslocoPipe],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card chart-card" [attr.aria-labelledby]="headingId()">
      <header class="chart-card-head">
        <h2 [id]="headingId()">{{ heading() }}</h2>
        <div class="chart-tools">
          <button
            type="button"
            class="btn btn-small"
            [disabled]="!exportable()"
            [attr.aria-label]="
              'common.pngLabel' | transloco: { title: heading() }
            "
            [attr.data-testid]="testId() + '-png'"
            (click)="savePng()"
          >
            {{ 'common.png' | transloco }}
          </button>
          <button
            type="button"
            class="btn btn-small"
            [disabled]="!shownTable() || shownStatus() !== 'ready'"
            [attr.aria-label]="
              'common.csvLabel' | transloco: { title: heading() }
            "
            [attr.data-testid]="testId() + '-csv'"
            (click)="saveCsv()"
          >
            {{ 'common.csv' | transloco }}
          </button>
        </div>
      </header>
      @if (hint()) {
        <p class="muted small chart-hint">{{ hint() }}</p>
      }
      <div
        class="chart-body"
        [attr.data-testid]="testId()"
        [attr.data-chart-state]="chartState()"
        [attr.data-points]="points()"
        [attr.data-locale]="locale()"
        [style.min-height.px]="height()"
      >
        @switch (shownStatus()) {
          @case ('ready') {
            <!-- ECharts takes its locale only at init: a change of language re-creates the chart. -->
            @switch (locale()) {
              @case ('EN') {
                <ng-container *ngTemplateOutlet="chart" />
              }
              @default {
                <ng-container *ngTemplateOutlet="chart" />
              }
            }
          }
          @case ('empty') {
            <p class="state" [style.min-height.px]="height()">
              {{ shownMessage() || ('common.empty' | transloco) }}
            </p>
          }
          @case ('error') {
            <p
              class="state state-error"
              role="alert"
              [style.min-height.px]="height()"
            >
              {{ shownMessage() }}
            </p>
          }
          @default {
            <p class="state" aria-busy="true" [style.min-height.px]="height()">
              {{ 'common.loading' | transloco }}
            </p>
          }
        }
      </div>
      @if (shownStatus() === 'ready' && shownTable(); as t) {
        <details class="chart-data" (toggle)="onToggle($event)">
          <summary>{{ 'common.chartData' | transloco }}</summary>
          @if (tableOpen()) {
            <div class="table-scroll">
              <table class="data-table">
                <thead>
                  <tr>
                    @for (h of t.header; track $index) {
                      <th scope="col">{{ h }}</th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (row of t.rows; track $index) {
                    <tr>
                      @for (c of row; track $index) {
                        <td>{{ c ?? '—' }}</td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </details>
      }
      <ng-content />
    </section>
    <ng-template #chart>
      <div
        echarts
        class="chart"
        role="img"
        [attr.aria-label]="label() || heading()"
        [style.height.px]="height()"
        [options]="shownOption() ?? {}"
        [initOpts]="initOpts()"
        (chartInit)="onInit($event)"
        (chartFinished)="onFinished()"
        (chartClick)="onClick($event)"
      ></div>
    </ng-template>
  `,
})
export class ChartCard {
  private static nextId = 0;

  /** data-testid of the chart body (browser tests find the chart by it). */
  readonly testId = input.required<string>();
  readonly heading = input.required<string>();
  readonly hint = input<string>('');
  readonly status = input<ChartStatus>('loading');
  /** The error text (status error), or a specific empty text (status empty). */
  readonly message = input<string>('');
  readonly option = input<ChartOption | null>(null);
  readonly table = input<CsvTable | null>(null);
  /** File name of the exports, without extension. */
  readonly fileName = input<string>('chart');
  /** Text alternative of the chart for screen readers. */
  readonly label = input<string>('');
  readonly lang = input.required<Lang>();
  readonly height = input<number>(360);
  /** Status, message, option and table from one data source (bindChart); overrides those inputs. */
  readonly binding = input<ChartBinding | null>(null);

  readonly chartClick = output<ChartClick>();

  protected readonly shownStatus = computed(
    () => this.binding()?.status() ?? this.status(),
  );
  protected readonly shownMessage = computed(
    () => this.binding()?.message() ?? this.message(),
  );
  protected readonly shownOption = computed(() => {
    const b = this.binding();
    return b ? b.option() : this.option();
  });
  protected readonly shownTable = computed(() => {
    const b = this.binding();
    return b ? b.table() : this.table();
  });
  protected readonly defaults = inject(CHART_DEFAULTS);
  protected readonly headingId = signal(`chart-h-${ChartCard.nextId++}`);
  protected readonly locale = computed(() => echartsLocale(this.lang()));
  protected readonly initOpts = computed(() => ({
    renderer: this.defaults.renderer,
    locale: this.locale(),
  }));
  private readonly drawn = signal(false);
  protected readonly points = signal<number | null>(null);
  protected readonly tableOpen = signal(false);
  protected readonly chartState = computed(() =>
    this.shownStatus() === 'ready'
      ? this.drawn()
        ? 'rendered'
        : 'init'
      : this.shownStatus(),
  );
  protected readonly exportable = computed(
    () => this.shownStatus() === 'ready' && this.drawn(),
  );
  private chart: ECharts | null = null;

  constructor() {
    // a new state or language means a new chart: not drawn until it says so
    effect(() => {
      this.shownStatus();
      this.locale();
      untracked(() => this.drawn.set(false));
    });
  }

  protected onInit(chart: ECharts): void {
    this.chart = chart;
    this.drawn.set(false);
  }

  protected onFinished(): void {
    this.points.set(countPoints(this.chart?.getOption()));
    this.drawn.set(true);
  }

  protected onClick(event: unknown): void {
    const e = event as {
      seriesId?: string;
      seriesName?: string;
      name?: string;
      dataIndex?: number;
    };
    this.chartClick.emit({
      seriesId: e.seriesId ?? null,
      seriesName: e.seriesName ?? null,
      name: e.name ?? null,
      dataIndex: e.dataIndex ?? null,
    });
  }

  protected onToggle(event: Event): void {
    this.tableOpen.set((event.target as HTMLDetailsElement).open);
  }

  savePng(): void {
    if (!this.chart) return;
    const url = this.chart.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: '#ffffff',
    });
    downloadUrl(`${safeFileName(this.fileName())}.png`, url);
  }

  saveCsv(): void {
    const table = this.shownTable();
    if (!table) return;
    downloadText(
      `${safeFileName(this.fileName())}.csv`,
      toCsv(table),
      'text/csv;charset=utf-8',
    );
  }
}
