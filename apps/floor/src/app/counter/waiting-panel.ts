import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { LiveStatus } from './live-queue';
import { t } from './messages';
import type { WaitingRow } from './waiting';

/** How many wait for the clerk's window, in all and per category, live from the hall's stream. */
@Component({
  selector: 'ow-waiting-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './waiting-panel.scss',
  template: `
    <section class="panel waiting" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{{ t('waitingTitle') }}</h2>
      @if (rows(); as r) {
        <p class="total">
          <span data-testid="waiting-total">{{ total() }}</span>
          {{ t('people') }}
          <small>{{ t('waitingTotal') }}</small>
        </p>
        @if (servesAll()) {
          <p class="muted">{{ t('servesAll') }}</p>
        }
        <ul>
          @for (row of r; track row.code) {
            <li data-testid="waiting-row" [attr.data-category]="row.code">
              <span>{{ row.name }}</span
              ><strong>{{ row.count }}</strong>
            </li>
          } @empty {
            <li class="muted">{{ t('waitingEmpty') }}</li>
          }
        </ul>
      } @else {
        <p class="muted">{{ t('waitingUnknown') }}</p>
      }
      @if (live() === 'reconnecting') {
        <p class="banner warn" role="status">
          {{ t('liveReconnecting') }}
        </p>
      }
    </section>
  `,
})
export class WaitingPanel {
  /** the categories the window may call from, with their counts; null until the queue was read */
  readonly rows = input<readonly WaitingRow[] | null>(null);
  readonly total = input(0);
  /** the window serves every category */
  readonly servesAll = input(false);
  readonly live = input<LiveStatus>('off');
  protected readonly t = t;
}
