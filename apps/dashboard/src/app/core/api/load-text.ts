import { fill } from '../../charts/common';
import { Lang, TRANSLATIONS } from '../i18n/languages';
import { formatShanghaiDateTime } from '../time/shanghai-time';
import type { LoadState } from './loader';

/** The message of a failed load: "not allowed" for a 403, else "could not load", with the API's words. */
export function loadErrorText(state: LoadState<unknown>, lang: Lang): string {
  if (state.status !== 'error') return '';
  const t = TRANSLATIONS[lang];
  const message = state.message ?? t.error.network;
  return fill(state.httpStatus === 403 ? t.common.forbidden : t.common.error, {
    message,
  });
}

/** When a load arrived, in Beijing time ('' until it has). */
export function loadedAtText(state: LoadState<unknown>, lang: Lang): string {
  return state.status === 'ready'
    ? formatShanghaiDateTime(state.loadedAt, lang)
    : '';
}
