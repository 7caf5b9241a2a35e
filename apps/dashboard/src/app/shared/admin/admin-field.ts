import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  input,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A labelled field of an administration form: the label's text (a translation key, "optional"
 * added if asked) above its control and any hint (the content), the label wrapping both so the
 * control is named by it.
 */
@Component({
  selector: 'app-admin-field',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: contents; }',
  template: `
    <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the control is the content -->
    <label class="field" [style.grid-column]="wide() ? '1 / -1' : null">
      <span
        >{{ label() | transloco
        }}{{ optional() ? ' ' + ('common.optional' | transloco) : '' }}</span
      >
      <ng-content />
    </label>
  `,
})
export class AdminField {
  /** Translation key of the label. */
  readonly label = input.required<string>();
  readonly optional = input(false, { transform: booleanAttribute });
  /** Takes the whole row of the form. */
  readonly wide = input(false, { transform: booleanAttribute });
}
