import { computed, DestroyRef, inject, Signal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  catchError,
  map,
  Observable,
  of,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';
import { apiErrorMessage, httpStatus } from './api-error';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T; loadedAt: Date }
  | { status: 'error'; message: string | null; httpStatus: number | null };

/**
 * One piece of a page loaded from the API: the latest request wins (an older answer arriving late
 * is dropped), and the state says loading, ready (with the data) or error (with the API's message
 * and status, so a 403 reads as "not allowed" rather than an empty chart).
 */
export class Loader<T> {
  private readonly requests = new Subject<Observable<T> | null>();
  private readonly value = signal<LoadState<T>>({ status: 'idle' });
  readonly state: Signal<LoadState<T>> = this.value.asReadonly();
  readonly data = computed(() => {
    const s = this.value();
    return s.status === 'ready' ? s.data : null;
  });

  constructor(destroyRef: DestroyRef) {
    this.requests
      .pipe(
        switchMap((source) =>
          source
            ? source.pipe(
                map(
                  (data): LoadState<T> => ({
                    status: 'ready',
                    data,
                    loadedAt: new Date(),
                  }),
                ),
                catchError((error: unknown) =>
                  of<LoadState<T>>({
                    status: 'error',
                    message: apiErrorMessage(error),
                    httpStatus: httpStatus(error),
                  }),
                ),
                startWith<LoadState<T>>({ status: 'loading' }),
              )
            : of<LoadState<T>>({ status: 'idle' }),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((s) => this.value.set(s));
  }

  load(source: Observable<T>): void {
    this.requests.next(source);
  }

  reset(): void {
    this.requests.next(null);
  }
}

/** A Loader bound to the current component's lifetime (call in an injection context). */
export function loader<T>(): Loader<T> {
  return new Loader<T>(inject(DestroyRef));
}
