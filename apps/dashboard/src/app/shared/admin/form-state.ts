import { signal } from '@angular/core';
import { Observable } from 'rxjs';
import { apiErrorMessage } from '../../core/api/api-error';

/** A success line of a form: a translation key and its parameters. */
export interface FormOk {
  key: string;
  params: Record<string, string>;
}

/**
 * The state of one form of the administration page: saving, the last success (a translation key
 * and its parameters) and the API's error message.
 */
export class FormState {
  readonly saving = signal(false);
  readonly ok = signal<FormOk | null>(null);
  readonly error = signal<string | null>(null);

  run<T>(
    call: Observable<T>,
    done: (value: T) => { key: string; params?: Record<string, string> } | void,
  ): void {
    this.saving.set(true);
    this.clear();
    call.subscribe({
      next: (value) => {
        this.saving.set(false);
        const message = done(value);
        if (message) this.say(message.key, message.params);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(apiErrorMessage(e) ?? '');
      },
    });
  }

  /** Forgets the last outcome (a form opened afresh). */
  clear(): void {
    this.ok.set(null);
    this.error.set(null);
  }

  /** Shows a success line without asking the API (e.g. "nothing changed"). */
  say(key: string, params: Record<string, string> = {}): void {
    this.error.set(null);
    this.ok.set({ key, params });
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
  return control(form, name)?.value.trim() ?? '';
}

/** A field of a form as typed, untrimmed (passwords). */
export function rawValue(form: HTMLFormElement, name: string): string {
  return control(form, name)?.value ?? '';
}

/** Whether the box named `name` is ticked. */
export function isChecked(form: HTMLFormElement, name: string): boolean {
  return (control(form, name) as HTMLInputElement | null)?.checked ?? false;
}

function control(
  form: HTMLFormElement,
  name: string,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  return form.elements.namedItem(name) as
    | HTMLInputElement
    | HTMLSelectElement
    | HTMLTextAreaElement
    | null;
}
