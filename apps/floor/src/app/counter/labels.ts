import type {
  TicketState,
  TicketView,
  WindowMode,
  WindowState,
  WindowToday,
} from '@onewindow/contracts';
import { t } from './messages';
import { minutesBetween } from './time';

export function modeName(mode: WindowMode): string {
  return t(`mode_${mode}`);
}

export function stateName(state: WindowState): string {
  return t(`state_${state}`);
}

/** A held ticket's state in words (a ticket the window holds is called or being served). */
export function ticketStateName(state: TicketState): string {
  return state === 'called' || state === 'serving'
    ? t(`ticketState_${state}`)
    : state;
}

/** How long the citizen waited before the call: "已等候 12 分钟", or '' when unknown. */
export function waitedText(
  c: Pick<TicketView, 'issuedAt' | 'calledAt'>,
): string {
  const m = minutesBetween(c.issuedAt, c.calledAt);
  if (m === null) return '';
  return m < 1 ? t('waitedLess') : t('waited', { m });
}

/** The window's mean handling time today: "6.5 分钟", or a dash before the first ticket. */
export function handlingText(today: WindowToday | null): string {
  const m = today?.meanHandlingMinutes;
  return m === null || m === undefined ? '—' : t('minutes', { m });
}
