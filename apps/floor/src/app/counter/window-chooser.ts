import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import type { WindowView } from '@onewindow/contracts';
import { windowPhrase } from '../core/i18n';
import { modeName, stateName } from './labels';
import { t } from './messages';

/** The choice of the clerk's window: the hall's windows in service, with their mode and state. */
@Component({
  selector: 'ow-window-chooser',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './window-chooser.scss',
  template: `
    <section
      class="panel choose"
      data-testid="window-choice"
      aria-labelledby="choose-title"
    >
      <h1 id="choose-title">{{ t('chooseWindow') }}</h1>
      <p class="muted">{{ t('chooseHint') }}</p>
      <div class="options">
        @for (w of windows(); track w.id) {
          <button
            type="button"
            class="window-option"
            data-testid="window-option"
            [attr.data-label]="w.label"
            [attr.aria-pressed]="w.id === selected()"
            (click)="chosen.emit(w.id)"
          >
            <span class="label">{{ windowName(w.label) }}</span>
            <span class="mode">{{ modeName(w.mode) }}</span>
            <span class="state" [attr.data-state]="w.state">{{
              stateName(w.state)
            }}</span>
          </button>
        } @empty {
          <p class="banner warn">{{ t('noWindows') }}</p>
        }
      </div>
      @if (canGoBack()) {
        <button type="button" (click)="back.emit()">
          {{ t('backToConsole') }}
        </button>
      }
    </section>
  `,
})
export class WindowChooser {
  /** the windows the clerk may choose (not retired) */
  readonly windows = input.required<readonly WindowView[]>();
  /** the window chosen before, if any */
  readonly selected = input<string | null>(null);
  /** the chosen window is still in service: the clerk may go back to its console */
  readonly canGoBack = input(false);
  readonly chosen = output<string>();
  readonly back = output();
  protected readonly t = t;
  protected readonly windowName = windowPhrase;
  protected readonly modeName = modeName;
  protected readonly stateName = stateName;
}
