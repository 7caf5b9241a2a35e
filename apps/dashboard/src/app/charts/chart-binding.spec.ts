import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { LoadState } from '../core/api/loader';
import { LanguageService } from '../core/i18n/language.service';
import type { Lang } from '../core/i18n/languages';
import { drawCharts, testProviders } from '../../testing/test-providers';
import { bindChart, ChartBinding, stateOf } from './chart-binding';
import { ChartCard } from './chart-card';
import type { ChartOption } from './chart-option';
import type { BuildConfig } from './common';

/** A pure option builder as the chart files have them: bars of the values, named in the language. */
function barOptions(
  values: number[],
  lang: Lang,
  config: BuildConfig,
): ChartOption {
  return {
    animation: config.animation ?? true,
    xAxis: { type: 'category', data: values.map((_, i) => `#${i + 1}`) },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: lang === 'en' ? 'Tickets' : '取号', data: values },
    ],
  };
}

describe('bindChart', () => {
  let source: ReturnType<typeof signal<LoadState<number[]>>>;
  let binding: ChartBinding;
  const ready = (data: number[]): LoadState<number[]> => ({
    status: 'ready',
    data,
    loadedAt: new Date(),
  });

  afterEach(() => localStorage.clear());

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: testProviders() });
    source = signal<LoadState<number[]>>({ status: 'idle' });
    binding = TestBed.runInInjectionContext(() =>
      bindChart(source, {
        options: barOptions,
        table: (values, lang) => ({
          header: [lang === 'en' ? 'Tickets' : '取号'],
          rows: values.map((v) => [v]),
        }),
        isEmpty: (values) => values.every((v) => v === 0),
        emptyText: (lang) => (lang === 'en' ? 'Nobody came.' : '没有人来。'),
      }),
    );
  });

  it('is loading, then gives the option and the table of the data', () => {
    expect(binding.status()).toBe('loading');
    source.set({ status: 'loading' });
    expect(binding.status()).toBe('loading');
    expect(binding.option()).toBeNull();
    expect(binding.table()).toBeNull();

    source.set(ready([3, 5]));
    expect(binding.status()).toBe('ready');
    expect(binding.message()).toBe('');
    // the tests' chart defaults: no animation
    expect(binding.option()).toEqual(
      barOptions([3, 5], 'zh-CN', { animation: false }),
    );
    expect(binding.table()).toEqual({ header: ['取号'], rows: [[3], [5]] });
  });

  it('is empty, with its text, for data that draws nothing', () => {
    source.set(ready([0, 0]));
    expect(binding.status()).toBe('empty');
    expect(binding.message()).toBe('没有人来。');
  });

  it('is an error with the API’s words, a 403 as not allowed', () => {
    source.set({ status: 'error', message: 'boom', httpStatus: 500 });
    expect(binding.status()).toBe('error');
    expect(binding.message()).toBe('数据加载失败：boom');
    expect(binding.option()).toBeNull();
    source.set({ status: 'error', message: 'not yours', httpStatus: 403 });
    expect(binding.message()).toBe('没有权限查看：not yours');
  });

  it('follows the language, and keeps the option while nothing changes', () => {
    source.set(ready([1]));
    const first = binding.option();
    expect(binding.option()).toBe(first);
    TestBed.inject(LanguageService).use('en');
    expect(binding.option()).toEqual(
      barOptions([1], 'en', { animation: false }),
    );
    source.set(ready([0]));
    expect(binding.message()).toBe('Nobody came.');
  });
});

describe('stateOf', () => {
  it('is loading without a value, an error with a message, else ready', () => {
    const value = signal<number | null>(null);
    const error = signal<string | null>(null);
    const state = TestBed.runInInjectionContext(() => stateOf(value, error));
    expect(state().status).toBe('loading');
    error.set('');
    expect(state()).toEqual({
      status: 'error',
      message: null,
      httpStatus: null,
    });
    value.set(7);
    expect(state()).toEqual(
      expect.objectContaining({ status: 'ready', data: 7 }),
    );
  });
});

@Component({
  imports: [ChartCard],
  template: `<app-chart-card
    testId="c"
    heading="取号"
    lang="zh-CN"
    [binding]="binding"
  />`,
})
class Host {
  readonly source = signal<LoadState<number[]>>({ status: 'loading' });
  readonly binding = bindChart(this.source, { options: barOptions });
}

describe('ChartCard with a binding', () => {
  it('shows the binding’s states and draws its option', async () => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: testProviders(),
    });
    const fixture = TestBed.createComponent(Host);
    const body = () =>
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="c"]',
      ) as HTMLElement;
    await fixture.whenStable();
    expect(body().getAttribute('data-chart-state')).toBe('loading');

    fixture.componentInstance.source.set({
      status: 'error',
      message: 'down',
      httpStatus: 503,
    });
    await fixture.whenStable();
    expect(body().querySelector('[role="alert"]')?.textContent).toContain(
      'down',
    );

    fixture.componentInstance.source.set({
      status: 'ready',
      data: [2, 4, 6],
      loadedAt: new Date(),
    });
    await fixture.whenStable();
    await drawCharts(fixture);
    expect(body().getAttribute('data-chart-state')).toBe('rendered');
    expect(body().getAttribute('data-points')).toBe('3');
  });
});
