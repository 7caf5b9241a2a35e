import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FloorCall } from '@onewindow/live-client';
import { lang, windowPhrase } from '../core/i18n';
import { t } from './messages';

/**
 * The current call, as large as the screen allows: "请 A023 号 到 5号窗口" (in English the number and
 * the window), or that nobody has been called yet. Screen readers hear each new call at once.
 */
@Component({
  selector: 'ow-board-current',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './board-current.scss',
  template: `
    <section
      class="current"
      data-testid="board-current"
      aria-live="assertive"
      [attr.data-number]="call()?.number ?? null"
    >
      @if (call(); as c) {
        @if (lang() === 'zh') {
          <p class="call">
            <span class="please">{{ t('please') }}</span
            >&ngsp;<span class="number">{{ c.number }}</span
            >&ngsp;<span class="suffix">{{ t('numberSuffix') }}</span>
          </p>
          &ngsp;
          <p class="to">
            {{ t('to') }} <strong>{{ windowName(c.windowLabel) }}</strong>
          </p>
        } @else {
          <p class="call">
            <span class="number">{{ c.number }}</span>
          </p>
          &ngsp;
          <p class="to">
            → <strong>{{ windowName(c.windowLabel) }}</strong>
          </p>
        }
      } @else {
        <p class="nobody">{{ t('nobody') }}</p>
        <p class="hint">{{ t('nobodyHint') }}</p>
      }
    </section>
  `,
})
export class BoardCurrent {
  /** the latest call; null before the first */
  readonly call = input<FloorCall | null>(null);
  protected readonly t = t;
  protected readonly lang = lang;

  protected windowName(label: string): string {
    return windowPhrase(label, lang());
  }
}
