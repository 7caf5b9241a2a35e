import {
  computed,
  Directive,
  effect,
  inject,
  input,
  Signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, of } from 'rxjs';
import { AdminApi } from '../../core/api/admin.api';
import { DirectoryApi } from '../../core/api/directory.api';
import { categoryName } from '../../core/format/category';
import type { Lang } from '../../core/i18n/languages';
import type { Choice } from './admin-checks';

/**
 * What every tab of the administration page shares: the hall and the language it is shown in, the
 * API, texts in that language, a question before a step that cannot be undone, and reloading when
 * the hall changes.
 */
@Directive()
export abstract class AdminTab {
  protected readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

  /** A text in the tab's language. */
  protected t(key: string, params: Record<string, string> = {}): string {
    return this.transloco.translate(key, params, this.lang());
  }

  /** Asks before a step (the question's translation key): true to go on. */
  protected confirmed(key: string, params: Record<string, string>): boolean {
    return window.confirm(this.t(key, params));
  }

  /** Calls `load` with the value of `source` now and whenever it changes (in the constructor). */
  protected follow<T>(source: Signal<T>, load: (value: T) => void): void {
    effect(() => {
      const value = source();
      untracked(() => load(value));
    });
  }
}

/** The province's categories for a tab: names in its language, and as check boxes. */
export function categoryChoices(lang: Signal<Lang>) {
  const list = toSignal(
    inject(DirectoryApi)
      .categories()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  const name = (code: string) => categoryName(code, lang(), list());
  return {
    list,
    name,
    choices: computed<Choice[]>(() =>
      list().map((c) => ({ value: c.code, label: name(c.code) })),
    ),
  };
}
