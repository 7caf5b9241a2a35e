import { fill } from '../../charts/common';
import { Lang, TRANSLATIONS } from '../i18n/languages';
import type { LoadState } from './loader';
import type { ChartStatus } from '../../charts/chart-card';

/** The message of a failed load: "not allowed" for a 403, else "could not load", with the API's words. */
export function loadErrorText(state: LoadState<unknown>, lang: Lang): string {
  if (state.status !== 'error') return '';
  const t = TRANSLATIONS[lang];
  const message = state.message ?? t.error.network;
  return fill(state.httpStatus === 403 ? t.common.forbidden : t.common.error, {
    message,
  });
}

/** The chart status of a load: loading, error, empty (by `isEmpty`) or ready. */
export function chartStatusOf<T>(
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
