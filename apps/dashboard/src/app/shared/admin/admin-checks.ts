import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** One box of a set of check boxes: the value sent and its label. */
export interface Choice {
  value: string;
  label: string;
}

/** A row of check boxes sharing one name (e.g. the categories a window serves). */
@Component({
  selector: 'app-admin-checks',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: contents; }',
  template: `
    <fieldset class="checks" style="grid-column: 1 / -1">
      <legend class="muted small">{{ legend() | transloco }}</legend>
      @for (c of choices(); track c.value) {
        <label
          ><input
            type="checkbox"
            [name]="name()"
            [value]="c.value"
            [checked]="checked().includes(c.value)"
          />{{ c.label }}</label
        >
      }
    </fieldset>
  `,
})
export class AdminChecks {
  /** Translation key of the legend. */
  readonly legend = input.required<string>();
  readonly name = input.required<string>();
  readonly choices = input.required<readonly Choice[]>();
  /** The values ticked when the form opens. */
  readonly checked = input<readonly string[]>([]);
}
