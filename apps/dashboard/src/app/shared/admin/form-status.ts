import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormState } from './form-state';

/** The outcome line of a form: the success text or the API's error message. */
@Component({
  selector: 'app-form-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().error() !== null) {
      <p class="form-error" role="alert" data-testid="form-error">
        {{ state().error() }}
      </p>
    } @else if (state().ok(); as ok) {
      <p class="form-ok" role="status" data-testid="form-ok">
        {{ ok.key | transloco: ok.params }}
      </p>
    }
  `,
})
export class FormStatus {
  readonly state = input.required<FormState>();
}
