import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { COUNTER_ACTIONS, type CounterAction } from './actions';
import { ariaKeys, keysLabel } from './keyboard';
import { t } from './messages';

/** The clerk's buttons for the held ticket, each with its shortcut key; those that do not fit wait. */
@Component({
  selector: 'ow-action-pad',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './action-pad.scss',
  template: `
    <section class="actions" [attr.aria-label]="t('currentTitle')">
      @for (a of actions; track a) {
        <button
          type="button"
          [class]="'act act-' + a"
          [attr.data-testid]="'btn-' + a"
          [attr.aria-keyshortcuts]="ariaKeys(a)"
          [disabled]="busy() || !allowed().has(a)"
          (click)="act.emit(a)"
        >
          <span class="name">{{ t(a) }}</span>
          <kbd [attr.title]="t('shortcutHint', { key: keysLabel(a) })">{{
            keysLabel(a)
          }}</kbd>
        </button>
      }
    </section>
  `,
})
export class ActionPad {
  /** the actions that fit the ticket and the window now */
  readonly allowed = input.required<ReadonlySet<CounterAction>>();
  /** an action is under way */
  readonly busy = input(false);
  readonly act = output<CounterAction>();
  protected readonly t = t;
  protected readonly actions = COUNTER_ACTIONS;
  protected readonly keysLabel = keysLabel;
  protected readonly ariaKeys = ariaKeys;
}
