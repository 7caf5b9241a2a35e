import { signal } from '@angular/core';
import { Observable } from 'rxjs';
import { apiErrorMessage } from '../../core/api/api-error';

/**
 * The state of one form of the administration page: saving, the last success (a translation key
 * and its parameters) and the API's error message.
 */
export class FormState {
  readonly saving = signal(false);
  readonly ok = signal<{ key: string; params: Record<string, string> } | null>(
    null,
  );
  readonly error = signal<string | null>(null);

  run<T>(
    call: Observable<T>,
    done: (value: T) => { key: string; params?: Record<string, string> } | void,
  ): void {
    this.saving.set(true);
    this.ok.set(null);
    this.error.set(null);
    call.subscribe({
      next: (value) => {
        this.saving.set(false);
        const message = done(value);
        if (message)
          this.ok.set({ key: message.key, params: message.params ?? {} });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(apiErrorMessage(e) ?? '');
      },
    });
  }
}

/** The values of the checked boxes named `name` inside a form. */
export function checkedValues(form: HTMLFormElement, name: string): string[] {
  return Array.from(
    form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`),
  ).map((i) => i.value);
}

/** A text field of a form, trimmed ('' when absent). */
export function fieldValue(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name) as
    | HTMLInputElement
    | HTMLSelectElement
    | HTMLTextAreaElement
    | null;
  return el?.value.trim() ?? '';
}
