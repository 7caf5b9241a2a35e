import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FloorCall } from '@onewindow/live-client';
import { lang, windowPhrase } from '../core/i18n';
import { clockTime } from './board-time';
import { t } from './messages';

/** The latest calls, newest first: number, window, time, and 重呼 for a recall. */
@Component({
  selector: 'ow-board-calls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './board-calls.scss',
  template: `
    <section class="latest" [attr.aria-label]="t('latest')">
      <ol class="calls" data-testid="board-calls">
        @for (c of calls(); track c.ticketId; let first = $first) {
          <li
            data-testid="board-call"
            [attr.data-number]="c.number"
            [attr.data-window]="c.windowLabel"
            [class.now]="first"
            [attr.aria-current]="first ? 'true' : null"
          >
            <span class="num">{{ c.number }}</span
            >&ngsp;<span class="win">{{ windowName(c.windowLabel) }}</span
            >&ngsp;<span class="at">
              {{ hhmm(c.calledAt) }}
              @if (c.recall) {
                <span class="recall">{{ t('recall') }}</span>
              }
            </span>
          </li>
        }
      </ol>
    </section>
  `,
})
export class BoardCalls {
  /** newest first; the first is the current call */
  readonly calls = input<readonly FloorCall[]>([]);
  protected readonly t = t;

  protected windowName(label: string): string {
    return windowPhrase(label, lang());
  }

  protected hhmm(iso: string): string {
    return iso ? clockTime(Date.parse(iso)) : '';
  }
}
