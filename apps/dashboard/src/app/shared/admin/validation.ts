/** Why a form may not be sent: the first field at fault and what is wrong with it. */
export interface FormProblem {
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  /** The translation key under `form.` of the message. */
  problem: 'required' | 'tooShort' | 'invalid';
  /** The field's label as the page shows it (its name when it has none). */
  field: string;
  /** The least length (tooShort). */
  min: number;
}

type Control = FormProblem['control'];

/**
 * The first field of a form that the browser would refuse, in the order of the page; null when it
 * may be sent. A required text field of spaces counts as empty, and a value shorter than its
 * `minlength` is refused even when set by a script (browsers check that only for typed values).
 */
export function formProblem(form: HTMLFormElement): FormProblem | null {
  for (const el of Array.from(form.elements)) {
    if (!isControl(el) || el.disabled) continue;
    const problem = problemOf(el);
    if (problem)
      return {
        control: el,
        problem,
        field: labelOf(el),
        min: el instanceof HTMLSelectElement ? 0 : el.minLength,
      };
  }
  return null;
}

function isControl(el: Element): el is Control {
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement
  );
}

function problemOf(el: Control): FormProblem['problem'] | null {
  const textual = !(el instanceof HTMLInputElement) || el.type !== 'checkbox';
  if (el.required && textual && el.value.trim() === '') return 'required';
  if (el.validity.valueMissing) return 'required';
  const min = el instanceof HTMLSelectElement ? 0 : el.minLength;
  if (
    el.validity.tooShort ||
    (min > 0 && el.value.length > 0 && el.value.length < min)
  )
    return 'tooShort';
  return el.validity.valid ? null : 'invalid';
}

/** The text of the field's label (its first span, where the label holds one), else its name. */
function labelOf(el: Control): string {
  const label = el.labels?.[0];
  const text = (label?.querySelector('span') ?? label)?.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim() || el.name;
}
