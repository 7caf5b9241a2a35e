import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { WindowToday } from '@onewindow/contracts';
import { handlingText } from './labels';
import { t } from './messages';

/** The window's day so far: tickets served, no-shows, mean handling time. */
@Component({
  selector: 'ow-today-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './today-panel.scss',
  template: `
    <section class="panel today" aria-labelledby="today-title">
      <h2 id="today-title">{{ t('todayTitle') }}</h2>
      <dl>
        <div>
          <dt>{{ t('served') }}</dt>
          <dd data-testid="today-served">
            {{ today()?.served ?? '—' }}
          </dd>
        </div>
        <div>
          <dt>{{ t('noShows') }}</dt>
          <dd data-testid="today-noshows">
            {{ today()?.noShows ?? '—' }}
          </dd>
        </div>
        <div>
          <dt>{{ t('handling') }}</dt>
          <dd data-testid="today-handling">{{ handling(today()) }}</dd>
        </div>
      </dl>
    </section>
  `,
})
export class TodayPanel {
  /** null until read */
  readonly today = input<WindowToday | null>(null);
  protected readonly t = t;
  protected readonly handling = handlingText;
}
