import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import type { WindowView } from '@onewindow/contracts';
import { windowPhrase } from '../core/i18n';
import type { WindowAction } from './actions';
import { modeName, stateName } from './labels';
import { t } from './messages';

/** The clerk's window: its mode and state, and the buttons that open, pause or close it. */
@Component({
  selector: 'ow-window-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './window-panel.scss',
  template: `
    <section class="panel">
      <h2>
        {{ windowName(window().label) }}
        <small>{{ modeName(window().mode) }}</small>
      </h2>
      <p>
        {{ t('windowStateLabel') }}:
        <strong
          class="state"
          data-testid="window-state"
          [attr.data-state]="window().state"
        >
          {{ stateName(window().state) }}
        </strong>
      </p>
      <div class="row">
        <button
          type="button"
          data-testid="btn-open"
          [disabled]="busy() || !allowed().has('open')"
          (click)="windowAction.emit('open')"
        >
          {{ t('open') }}
        </button>
        <button
          type="button"
          data-testid="btn-pause"
          [disabled]="busy() || !allowed().has('pause')"
          (click)="windowAction.emit('pause')"
        >
          {{ t('pause') }}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="btn-close"
          [disabled]="busy() || !allowed().has('close')"
          (click)="windowAction.emit('close')"
        >
          {{ t('close') }}
        </button>
      </div>
    </section>
  `,
})
export class WindowPanel {
  readonly window = input.required<WindowView>();
  /** the window actions that fit its state */
  readonly allowed = input.required<ReadonlySet<WindowAction>>();
  /** an action is under way */
  readonly busy = input(false);
  readonly windowAction = output<WindowAction>();
  protected readonly t = t;
  protected readonly windowName = windowPhrase;
  protected readonly modeName = modeName;
  protected readonly stateName = stateName;
}
