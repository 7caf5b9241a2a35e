import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import type { ServiceItemView } from '@onewindow/contracts';
import { t } from './messages';

/** The services found (by words or by department), each a button; or that none matched. */
@Component({
  selector: 'ow-item-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './item-list.scss',
  template: `
    <div class="list-head">
      <button type="button" (click)="back.emit()">‹ {{ t('back') }}</button>
      <h1>{{ heading() }}</h1>
    </div>
    @if (items(); as list) {
      @if (list.length) {
        <ul class="items" data-testid="kiosk-results">
          @for (item of list; track item.code) {
            <li>
              <button
                type="button"
                class="item"
                data-testid="item-option"
                [attr.data-code]="item.code"
                (click)="chosen.emit(item)"
              >
                <span class="item-name">{{ item.name }}</span>
                <span class="item-meta">
                  {{ item.category.name }}
                  @if (item.onlineAvailable) {
                    <span class="badge">{{ t('online') }}</span>
                  }
                </span>
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="banner warn" data-testid="kiosk-no-results">
          {{ t('noResults') }}
        </p>
      }
    } @else {
      <p>{{ t('searching') }}</p>
    }
  `,
})
export class ItemList {
  readonly heading = input('');
  /** null while they are being found */
  readonly items = input<readonly ServiceItemView[] | null>(null);
  readonly back = output();
  readonly chosen = output<ServiceItemView>();
  protected readonly t = t;
}
