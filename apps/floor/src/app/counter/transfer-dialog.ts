import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import type { ServiceItemView, TicketView } from '@onewindow/contracts';
import { ItemSearch } from './item-search';
import { t } from './messages';

/**
 * Transfer of the ticket being served to another service item (转办): the clerk types part of the
 * item's name; Enter takes the first match; Esc (handled by the page) or Cancel closes the dialog.
 * The search field has the focus when the dialog opens.
 */
@Component({
  selector: 'ow-transfer-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './transfer-dialog.scss',
  template: `
    <div class="scrim">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="transfer-title"
      >
        <h2 id="transfer-title">
          {{ t('transferTitle', { number: ticket().number }) }}
        </h2>
        <label for="transfer-search">{{ t('transferSearch') }}</label>
        <input
          #search
          id="transfer-search"
          type="search"
          data-testid="transfer-search"
          autocomplete="off"
          [value]="items.query()"
          (input)="onInput($event)"
          (keydown)="onKey($event)"
        />
        <p class="muted">{{ t('transferHint') }}</p>
        <ul class="results">
          @for (item of items.results(); track item.code; let first = $first) {
            <li>
              <button
                type="button"
                data-testid="transfer-option"
                [class.first]="first"
                [attr.data-code]="item.code"
                [disabled]="busy()"
                (click)="picked.emit(item)"
              >
                <span>{{ item.name }}</span>
                <small>{{ item.category.name }}</small>
              </button>
            </li>
          }
        </ul>
        @if (items.searching()) {
          <p class="muted">{{ t('transferSearching') }}</p>
        } @else if (items.query().trim() && !items.results().length) {
          <p class="muted">{{ t('transferNone') }}</p>
        }
        <button type="button" (click)="dismissed.emit()">
          {{ t('transferCancel') }} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  `,
})
export class TransferDialog {
  /** the ticket to transfer */
  readonly ticket = input.required<TicketView>();
  /** the service items matching a query */
  readonly find =
    input.required<(query: string) => Promise<readonly ServiceItemView[]>>();
  /** an action is under way: the items wait */
  readonly busy = input(false);
  readonly picked = output<ServiceItemView>();
  readonly dismissed = output();
  /** a search failed (the page says why) */
  readonly searchFailed = output<unknown>();
  protected readonly t = t;
  protected readonly items = new ItemSearch<ServiceItemView>(
    (q) => this.find()(q),
    (e) => this.searchFailed.emit(e),
  );
  private readonly search =
    viewChild.required<ElementRef<HTMLInputElement>>('search');

  constructor() {
    afterNextRender(() => this.search().nativeElement.focus());
    inject(DestroyRef).onDestroy(() => this.items.cancel());
  }

  protected onInput(event: Event): void {
    this.items.input((event.target as HTMLInputElement).value);
  }

  /** Enter: the first item of the search (run now if typing has not paused yet). */
  protected async onKey(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    await this.items.flush();
    const first = this.items.results()[0];
    if (first) this.picked.emit(first);
  }
}
