import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder of a page still to come; `titleKey` comes from the route data. */
@Component({
  selector: 'app-coming-soon-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ titleKey() | transloco }}</h1>
    <p class="muted" data-testid="coming-soon">
      {{ 'coming.body' | transloco }}
    </p>
  `,
})
export class ComingSoonPage {
  readonly titleKey = input.required<string>();
}
