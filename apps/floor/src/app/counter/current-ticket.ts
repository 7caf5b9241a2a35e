import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TicketView } from '@onewindow/contracts';
import { ticketStateName, waitedText } from './labels';
import { t } from './messages';
import { clock, elapsedClock } from './time';

/**
 * The ticket the window holds, large: its number and service item, the green-channel tag, its
 * state, how long the citizen waited, and the running time since the call (or since serving began).
 */
@Component({
  selector: 'ow-current-ticket',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './current-ticket.scss',
  template: `
    <section
      class="current"
      aria-labelledby="current-title"
      [attr.data-state]="ticket()?.state ?? 'none'"
    >
      <h2 id="current-title">{{ t('currentTitle') }}</h2>
      @if (ticket(); as c) {
        <p class="number" data-testid="current-number">
          {{ c.number }}
        </p>
        <p class="item" data-testid="current-item">
          {{ itemName(c.serviceItemCode) }}
        </p>
        <p class="tags">
          @if (c.priority !== 'normal') {
            <span class="tag lane" data-testid="current-priority">
              {{ t('priorityLane') }}
              @if (c.priority === 'appointment') {
                · {{ t('appointment') }}
              }
            </span>
          }
          <span
            class="tag"
            data-testid="current-state"
            [attr.data-state]="c.state"
          >
            {{ ticketStateName(c.state) }}
          </span>
        </p>
        <p class="times">
          <span data-testid="current-waited">{{ waited(c) }}</span>
          @if (c.state === 'called') {
            <span class="timer" data-testid="call-timer">
              {{ t('sinceCall', { t: elapsed(c.calledAt) }) }}
            </span>
            @if (c.recallCount > 0) {
              <span>{{ t('recalls', { n: c.recallCount }) }}</span>
            }
          } @else if (c.startedAt) {
            <span>{{ t('servingSince', { time: clock(c.startedAt) }) }}</span>
          }
        </p>
      } @else {
        <p class="empty">{{ t('noCurrent') }}</p>
        <p class="muted">
          {{ windowOpen() ? t('noCurrentHint') : t('callNeedsOpen') }}
        </p>
      }
    </section>
  `,
})
export class CurrentTicket {
  readonly ticket = input<TicketView | null>(null);
  /** the window is open (else a call must wait for it) */
  readonly windowOpen = input(false);
  /** service items' names by code */
  readonly itemNames = input<ReadonlyMap<string, string>>(new Map());
  /** now (ms), for the running timers */
  readonly now = input(0);
  protected readonly t = t;
  protected readonly ticketStateName = ticketStateName;
  protected readonly waited = waitedText;
  protected readonly clock = clock;

  protected itemName(code: string): string {
    return this.itemNames().get(code) ?? code;
  }

  protected elapsed(since: string | undefined): string {
    return elapsedClock(since, this.now());
  }
}
