import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import type { ServiceItemView, TicketPriority } from '@onewindow/contracts';
import { t } from './messages';

/**
 * The chosen service before the ticket is taken: its name, the green channel (not asked in senior
 * mode, which takes it at once), and 取号, or 重试 when a retry may help.
 */
@Component({
  selector: 'ow-kiosk-confirm',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './kiosk-confirm.scss',
  template: `
    <section class="confirm" aria-labelledby="confirm-h">
      <h1 id="confirm-h">{{ t('confirmTitle') }}</h1>
      <p class="confirm-item" data-testid="confirm-item">{{ item().name }}</p>
      <p class="item-meta">{{ item().category.name }}</p>
      @if (item().onlineAvailable) {
        <p class="hint">{{ t('onlineHint') }}</p>
      }
      @if (!elderly()) {
        <fieldset class="priority" [disabled]="issuing()">
          <label>
            <input
              type="radio"
              name="priority"
              value="normal"
              [checked]="priority() === 'normal'"
              (change)="priorityChange.emit('normal')"
            />
            {{ t('priorityNormal') }}
          </label>
          <label>
            <input
              type="radio"
              name="priority"
              value="priority"
              data-testid="priority-green"
              [checked]="priority() === 'priority'"
              (change)="priorityChange.emit('priority')"
            />
            {{ t('priorityGreen') }}
          </label>
        </fieldset>
      }
      <div class="actions">
        <button type="button" (click)="back.emit()">‹ {{ t('back') }}</button>
        @if (canRetry()) {
          <button
            type="button"
            class="primary"
            data-testid="kiosk-retry"
            (click)="take.emit()"
          >
            {{ t('retry') }}
          </button>
        } @else {
          <button
            type="button"
            class="primary take"
            data-testid="take-ticket"
            [attr.aria-busy]="issuing()"
            (click)="take.emit()"
          >
            {{ issuing() ? t('taking') : t('take') }}
          </button>
        }
      </div>
    </section>
  `,
})
export class KioskConfirm {
  readonly item = input.required<ServiceItemView>();
  readonly priority = input<TicketPriority>('normal');
  readonly priorityChange = output<TicketPriority>();
  /** senior mode: the green channel is taken without asking */
  readonly elderly = input(false);
  /** the ticket is being taken */
  readonly issuing = input(false);
  /** a retry may help: 重试 instead of 取号 */
  readonly canRetry = input(false);
  readonly back = output();
  readonly take = output();
  protected readonly t = t;
}
