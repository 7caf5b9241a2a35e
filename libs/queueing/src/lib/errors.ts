/**
 * Thrown by the library's entry points when an input is invalid. `errors` are the same
 * human-readable messages the `validate…` functions return (each starts with the field it names),
 * so the API can validate first and never see this, or catch it and answer 400 with `details`.
 */
export class QueueingInputError extends Error {
  readonly errors: readonly string[];

  constructor(errors: readonly string[]) {
    super(errors.join('; '));
    this.name = 'QueueingInputError';
    this.errors = errors;
  }
}

/** Throws the messages of a `validate…` function, if there are any. */
export function assertValid(errors: readonly string[]): void {
  if (errors.length) throw new QueueingInputError(errors);
}
