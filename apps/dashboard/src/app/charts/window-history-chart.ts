import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import type { WindowHistoryDay } from '@onewindow/contracts';
import type { ECharts } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { echartsLocale, Lang } from '../core/i18n/languages';
import { CHART_DEFAULTS } from './chart-defaults';
import { echarts } from './echarts-setup';
import { windowHistoryOptions } from './window-history';

/**
 * Windows of a hall over time, stacked by mode. ngx-echarts resizes the chart with its container and
 * disposes it on destroy; a change of language re-creates it so the ECharts locale follows.
 */
@Component({
  selector: 'app-window-history-chart',
  imports: [NgxEchartsDirective, NgTemplateOutlet],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- ECharts takes its locale only at init: a change of language re-creates the chart. -->
    @switch (locale()) {
      @case ('EN') {
        <ng-container *ngTemplateOutlet="chart" />
      }
      @default {
        <ng-container *ngTemplateOutlet="chart" />
      }
    }
    <ng-template #chart>
      <div
        echarts
        class="chart"
        role="img"
        data-testid="window-history-chart"
        [attr.aria-label]="label()"
        [attr.data-chart-state]="state()"
        [attr.data-points]="points()"
        [attr.data-locale]="locale()"
        [options]="options()"
        [initOpts]="initOpts()"
        (chartInit)="onInit($event)"
        (chartFinished)="onFinished()"
      ></div>
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
      height: 420px;
    }
  `,
})
export class WindowHistoryChart {
  readonly days = input.required<readonly WindowHistoryDay[]>();
  readonly lang = input.required<Lang>();
  readonly title = input<string>();
  readonly subtitle = input<string>();
  readonly fileName = input<string>();
  /** Text alternative of the chart for screen readers. */
  readonly label = input<string>('');

  protected readonly defaults = inject(CHART_DEFAULTS);
  protected readonly locale = computed(() => echartsLocale(this.lang()));
  protected readonly initOpts = computed(() => ({
    renderer: this.defaults.renderer,
    locale: this.locale(),
  }));
  protected readonly options = computed(() =>
    windowHistoryOptions(this.days(), this.lang(), {
      title: this.title(),
      subtitle: this.subtitle(),
      fileName: this.fileName(),
      animation: this.defaults.animation,
    }),
  );
  /** 'init' until the first frame is drawn, then 'rendered' (browser tests wait for it). */
  protected readonly state = signal<'init' | 'rendered'>('init');
  /** Points of the first series as ECharts holds them. */
  protected readonly points = signal<number | null>(null);
  private chart: ECharts | null = null;

  onInit(chart: ECharts): void {
    this.chart = chart;
    this.state.set('init');
  }

  onFinished(): void {
    const series = (
      this.chart?.getOption() as { series?: { data?: unknown[] }[] } | undefined
    )?.series;
    this.points.set(series?.[0]?.data?.length ?? 0);
    this.state.set('rendered');
  }
}
