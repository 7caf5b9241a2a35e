import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { t } from './messages';
import type { WaitingCount } from './waiting-counts';

/** How many wait, per category, along the bottom of the board. */
@Component({
  selector: 'ow-board-waiting',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './board-waiting.scss',
  template: `
    <section
      class="waiting"
      data-testid="board-waiting"
      [attr.aria-label]="t('waiting')"
    >
      <h2>{{ t('waiting') }}</h2>
      @if (counts().length) {
        <ul>
          @for (w of counts(); track w.code) {
            <li [attr.data-category]="w.code" [attr.data-count]="w.count">
              <span class="name">{{ w.name }}</span>
              <span class="count">{{ t('waitingCount', { n: w.count }) }}</span>
            </li>
          }
        </ul>
      } @else {
        <p class="none">{{ t('noneWaiting') }}</p>
      }
    </section>
  `,
})
export class BoardWaiting {
  /** in the catalog's order of categories */
  readonly counts = input<readonly WaitingCount[]>([]);
  protected readonly t = t;
}
