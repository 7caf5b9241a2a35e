import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** A card of an administration tab, named by its heading (and the count of what it lists, if given). */
@Component({
  selector: 'app-admin-section',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: contents; }',
  template: `
    <section class="card stack" [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">
        {{ heading() | transloco
        }}{{ count() === null ? '' : ' (' + count() + ')' }}
      </h2>
      <ng-content />
    </section>
  `,
})
export class AdminSection {
  /** The id of the heading (unique on the page). */
  readonly headingId = input.required<string>();
  /** Translation key of the heading. */
  readonly heading = input.required<string>();
  readonly count = input<number | null>(null);
}
