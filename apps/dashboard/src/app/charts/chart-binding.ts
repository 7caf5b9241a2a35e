import { computed, inject, Signal } from '@angular/core';
import { loadErrorText } from '../core/api/load-text';
import type { LoadState } from '../core/api/loader';
import type { CsvTable } from '../core/format/csv';
import { LanguageService } from '../core/i18n/language.service';
import type { Lang } from '../core/i18n/languages';
import type { ChartStatus } from './chart-card';
import { CHART_DEFAULTS } from './chart-defaults';
import type { ChartOption } from './chart-option';
import type { BuildConfig } from './common';

/** What a chart card shows of one data source (`[binding]` of app-chart-card). */
export interface ChartBinding {
  readonly status: Signal<ChartStatus>;
  /** The error of a failed load, or the text of an empty chart ('' for the card's own). */
  readonly message: Signal<string>;
  readonly option: Signal<ChartOption | null>;
  readonly table: Signal<CsvTable | null>;
}

export interface ChartBindingSpec<T> {
  /** The option for the data in a language (pure; the app's animation setting in `config`). */
  options: (data: T, lang: Lang, config: BuildConfig) => ChartOption;
  /** The data as a table, for the CSV export and screen readers (pure). */
  table?: (data: T, lang: Lang) => CsvTable | null;
  /** Data that would draw nothing: the card says so instead of an empty chart. */
  isEmpty?: (data: T) => boolean;
  /** The text of an empty chart; read in a reactive context, so it may read signals. */
  emptyText?: (lang: Lang) => string;
}

/** The chart status of a load: loading, error, empty (by `isEmpty`) or ready. */
function chartStatusOf<T>(
  state: LoadState<T>,
  isEmpty: (data: T) => boolean = () => false,
): ChartStatus {
  switch (state.status) {
    case 'ready':
      return isEmpty(state.data) ? 'empty' : 'ready';
    case 'error':
      return 'error';
    default:
      return 'loading';
  }
}

/**
 * Binds a chart to a data source: loading while it loads, the API's error (a 403 as "not
 * allowed"), the empty text for data that draws nothing, else the option and the table built by
 * pure functions in the page's language. Call in an injection context (a field of a component).
 */
export function bindChart<T>(
  source: Signal<LoadState<T>>,
  spec: ChartBindingSpec<T>,
): ChartBinding {
  const lang = inject(LanguageService).lang;
  const config: BuildConfig = { animation: inject(CHART_DEFAULTS).animation };
  const data = computed(() => {
    const s = source();
    return s.status === 'ready' ? s.data : null;
  });
  const status = computed(() => chartStatusOf(source(), spec.isEmpty));
  return {
    status,
    message: computed(() =>
      status() === 'empty'
        ? (spec.emptyText?.(lang()) ?? '')
        : loadErrorText(source(), lang()),
    ),
    option: computed(() => {
      const d = data();
      return d === null ? null : spec.options(d, lang(), config);
    }),
    table: computed(() => {
      const d = data();
      return d === null || !spec.table ? null : spec.table(d, lang());
    }),
  };
}

/**
 * A value that is there or not yet (null), with an error message, as the state of a load: for
 * charts of data that does not come from a Loader.
 */
export function stateOf<T>(
  value: Signal<T | null>,
  error: Signal<string | null> = computed(() => null),
): Signal<LoadState<T>> {
  return computed<LoadState<T>>(() => {
    const v = value();
    if (v !== null) return { status: 'ready', data: v, loadedAt: new Date() };
    const message = error();
    return message === null
      ? { status: 'loading' }
      : { status: 'error', message: message || null, httpStatus: null };
  });
}
