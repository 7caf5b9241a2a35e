import type { ErrorDetail } from '@onewindow/contracts';
import {
  MAX_SYNC_CUSTOMER_REPLICATIONS,
  DEFAULT_REPLICATIONS,
} from '@onewindow/queueing';
import { DomainError } from '../common/domain-error';

/**
 * The queueing library's messages ("scenario.categories[2].service.cv must be ≥ 0") as the contract's
 * 400: each message names its field first.
 */
export function invalidInput(errors: readonly string[]): DomainError {
  const byField = new Map<string, string[]>();
  for (const e of errors) {
    const cut = e.search(/[\s:]/);
    const field = cut > 0 ? e.slice(0, cut) : 'body';
    const problem = cut > 0 ? e.slice(cut).replace(/^[\s:]+/, '') : e;
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  const details: ErrorDetail[] = [...byField].map(([field, problems]) => ({
    field,
    problems,
  }));
  return DomainError.invalid(
    `Invalid input: ${details.map((d) => d.field).join(', ')}`,
    details,
  );
}

/** 400 when the library's checks find anything. */
export function assertPlanningInput(errors: readonly string[]): void {
  if (errors.length) throw invalidInput(errors);
}

/**
 * A scenario simulated inside a request may hold at most MAX_SYNC_CUSTOMER_REPLICATIONS expected
 * customers × replications (about a second of one core); larger work is a plan (a worker job): 413.
 */
export function assertSynchronousSize(
  arrivalsPerDay: number,
  replications: number | undefined,
): void {
  const size = arrivalsPerDay * (replications ?? DEFAULT_REPLICATIONS);
  if (size > MAX_SYNC_CUSTOMER_REPLICATIONS)
    throw new DomainError(
      'too_large',
      `Too large to answer inside a request: arrivalsPerDay × replications = ${size} > ${MAX_SYNC_CUSTOMER_REPLICATIONS}. ` +
        'Lower the replications, or run it as a plan: POST /api/v1/halls/{hallId}/plans',
    );
}
