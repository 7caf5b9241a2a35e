import {
  afterNextRender,
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormState } from './form-state';
import { FormProblem, formProblem } from './validation';

/**
 * A form of the administration page: its fields (the content), the submit button (disabled while
 * saving) and, if asked, a cancel button. It sends `save` with the form only when every field is
 * valid; otherwise it names the first field at fault under the form and moves the focus there. The
 * browser's own check still runs first on a click; the message follows the page's language.
 */
@Component({
  selector: 'app-admin-form',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: contents; }',
  template: `
    <form
      #form
      class="form-grid"
      [attr.data-testid]="testId()"
      (submit)="onSubmit($event)"
      (input)="problem.set(null)"
      (change)="problem.set(null)"
    >
      <ng-content />
      <button
        type="submit"
        class="btn btn-primary"
        [disabled]="state().saving()"
      >
        {{ submitLabel() | transloco }}
      </button>
      @if (cancelable()) {
        <button type="button" class="btn" (click)="cancelled.emit()">
          {{ 'common.cancel' | transloco }}
        </button>
      }
    </form>
    @if (problem(); as p) {
      <p class="form-error" role="alert" data-testid="form-invalid">
        {{ 'form.' + p.problem | transloco: { field: p.field, min: p.min } }}
      </p>
    }
  `,
})
export class AdminForm {
  /** data-testid of the form element (tests fill and submit it). */
  readonly testId = input.required<string>();
  readonly state = input.required<FormState>();
  /** Translation key of the submit button. */
  readonly submitLabel = input('common.save');
  readonly cancelable = input(false, { transform: booleanAttribute });

  /** The form, valid, to read and send. */
  readonly save = output<HTMLFormElement>();
  readonly cancelled = output<void>();

  protected readonly problem = signal<FormProblem | null>(null);
  private readonly form =
    viewChild.required<ElementRef<HTMLFormElement>>('form');

  constructor() {
    // the browser refuses an invalid form before 'submit' and fires 'invalid' on its fields
    afterNextRender(() => {
      const form = this.form().nativeElement;
      form.addEventListener(
        'invalid',
        () => this.problem.set(formProblem(form)),
        true,
      );
    });
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    const form = this.form().nativeElement;
    const problem = formProblem(form);
    this.problem.set(problem);
    if (problem) problem.control.focus();
    else this.save.emit(form);
  }
}
