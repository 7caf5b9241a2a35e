import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import type { CategoryView } from '@onewindow/contracts';
import { t } from './messages';

/** The first screen: a welcome, and a tile per department with how many wait for it. */
@Component({
  selector: 'ow-category-tiles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './category-tiles.scss',
  host: { '[class.elderly]': 'elderly()' },
  template: `
    <h1 class="welcome">{{ t('welcome') }}</h1>
    @if (elderly()) {
      <p class="banner ok">{{ t('elderlyOn') }}</p>
    }
    <h2 class="section">{{ t('categories') }}</h2>
    <ul class="tiles" data-testid="kiosk-categories">
      @for (c of categories(); track c.code) {
        <li>
          <button
            type="button"
            class="tile"
            data-testid="category-tile"
            [attr.data-code]="c.code"
            (click)="opened.emit(c)"
          >
            <span class="tile-prefix" aria-hidden="true">{{
              c.ticketPrefix
            }}</span>
            <span class="tile-name">{{ c.name }}</span>
            @if (waiting()[c.code]; as n) {
              <span class="tile-waiting">{{ t('waitingCount', { n }) }}</span>
            }
          </button>
        </li>
      }
    </ul>
  `,
})
export class CategoryTiles {
  readonly categories = input<readonly CategoryView[]>([]);
  /** waiting per category code */
  readonly waiting = input<Record<string, number>>({});
  /** senior mode: larger tiles, and the mode said in words */
  readonly elderly = input(false);
  readonly opened = output<CategoryView>();
  protected readonly t = t;
}
