import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  WINDOW_MODES,
  type WindowMode,
  type WindowView,
} from '@onewindow/contracts';
import { catchError, of } from 'rxjs';
import { AdminApi } from '../../core/api/admin.api';
import { DirectoryApi } from '../../core/api/directory.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import { categoryName } from '../../core/format/category';
import type { Lang } from '../../core/i18n/languages';
import { todayInShanghai } from '../../core/time/shanghai-time';
import { checkedValues, fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/** Windows: open one, convert one to the other mode, retire one; any of them back-dated. */
@Component({
  selector: 'app-admin-windows',
  imports: [TranslocoPipe, FormStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card stack" aria-labelledby="new-window-h">
      <h2 id="new-window-h">{{ 'admin.newWindow' | transloco }}</h2>
      <form
        class="form-grid"
        data-testid="window-form"
        (submit)="create($event)"
      >
        <label class="field">
          <span>{{ 'admin.windowLabel' | transloco }}</span>
          <input
            name="label"
            required
            maxlength="20"
            data-testid="window-label"
          />
        </label>
        <label class="field">
          <span>{{ 'admin.mode' | transloco }}</span>
          <select name="mode" data-testid="window-mode">
            @for (m of modes; track m) {
              <option [value]="m">{{ 'windowMode.' + m | transloco }}</option>
            }
          </select>
        </label>
        <label class="field">
          <span>{{ 'admin.effectiveDate' | transloco }}</span>
          <input
            type="date"
            name="effectiveDate"
            [value]="today"
            [max]="today"
            data-testid="window-date"
          />
        </label>
        <label class="field">
          <span
            >{{ 'common.note' | transloco }}
            {{ 'common.optional' | transloco }}</span
          >
          <input name="note" maxlength="500" />
        </label>
        <fieldset class="checks" style="grid-column: 1 / -1">
          <legend class="muted small">
            {{ 'admin.categories' | transloco }}
          </legend>
          @for (c of categories(); track c.code) {
            <label
              ><input type="checkbox" name="categories" [value]="c.code" />{{
                name(c.code)
              }}</label
            >
          }
        </fieldset>
        <button
          type="submit"
          class="btn btn-primary"
          [disabled]="form.saving()"
        >
          {{ 'admin.create' | transloco }}
        </button>
      </form>
      <p class="muted small">{{ 'admin.effectiveHint' | transloco }}</p>
      <app-form-status [state]="form" />
    </section>

    <section class="card stack" aria-labelledby="windows-h">
      <div class="page-head">
        <h2 id="windows-h">
          {{ 'admin.windows' | transloco }} ({{ visible().length }})
        </h2>
        <div class="toolbar" style="margin: 0">
          <label class="field">
            <span>{{ 'admin.effectiveDate' | transloco }}</span>
            <input
              type="date"
              [value]="actionDate()"
              [max]="today"
              data-testid="action-date"
              (change)="onActionDate($event)"
            />
          </label>
          <label class="checks">
            <input
              type="checkbox"
              [checked]="showRetired()"
              (change)="showRetired.set(!showRetired())"
            />
            {{ 'admin.showRetired' | transloco }}
          </label>
        </div>
      </div>
      <app-form-status [state]="actions" />
      @switch (windows.state().status) {
        @case ('ready') {
          <div class="table-scroll">
            <table class="data-table" data-testid="windows-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'admin.windowLabel' | transloco }}</th>
                  <th scope="col">{{ 'admin.mode' | transloco }}</th>
                  <th scope="col">{{ 'admin.categories' | transloco }}</th>
                  <th scope="col">{{ 'admin.state' | transloco }}</th>
                  <th scope="col">{{ 'admin.openedOn' | transloco }}</th>
                  <th scope="col">{{ 'admin.retiredOn' | transloco }}</th>
                  <th scope="col">{{ 'common.actions' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (w of visible(); track w.id) {
                  <tr data-testid="window-row" [attr.data-label]="w.label">
                    <th scope="row">{{ w.label }}</th>
                    <td>{{ 'windowMode.' + w.mode | transloco }}</td>
                    <td class="small">{{ categoriesText(w) }}</td>
                    <td>{{ 'windowState.' + w.state | transloco }}</td>
                    <td>{{ w.openedOn }}</td>
                    <td>{{ w.retiredOn ?? '' }}</td>
                    <td>
                      @if (w.state !== 'retired') {
                        <button
                          type="button"
                          class="btn btn-small"
                          data-testid="convert"
                          [disabled]="actions.saving()"
                          (click)="convert(w)"
                        >
                          {{
                            'admin.convert'
                              | transloco: { mode: otherModeName(w) }
                          }}
                        </button>
                        <button
                          type="button"
                          class="btn btn-small btn-danger"
                          data-testid="retire"
                          [disabled]="actions.saving()"
                          (click)="retire(w)"
                        >
                          {{ 'admin.retire' | transloco }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        @case ('error') {
          <p class="state-error" role="alert">{{ errorText() }}</p>
        }
        @default {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
      }
    </section>
  `,
})
export class AdminWindows {
  private readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

  protected readonly modes = WINDOW_MODES;
  protected readonly today = todayInShanghai();
  protected readonly actionDate = signal(this.today);
  protected readonly showRetired = signal(false);
  protected readonly form = new FormState();
  protected readonly actions = new FormState();
  protected readonly windows = loader<WindowView[]>();
  protected readonly categories = toSignal(
    inject(DirectoryApi)
      .categories()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly visible = computed(() =>
    (this.windows.data() ?? [])
      .filter((w) => this.showRetired() || w.state !== 'retired')
      .sort((a, b) =>
        a.label.localeCompare(b.label, 'zh-CN', { numeric: true }),
      ),
  );
  protected readonly errorText = computed(() =>
    loadErrorText(this.windows.state(), this.lang()),
  );

  constructor() {
    effect(() => {
      const hallId = this.hallId();
      untracked(() => this.reload(hallId));
    });
  }

  protected name(code: string): string {
    return categoryName(code, this.lang(), this.categories());
  }

  protected categoriesText(w: WindowView): string {
    return w.categoryCodes.length
      ? w.categoryCodes.map((c) => this.name(c)).join('、')
      : this.transloco.translate('admin.allCategories', {}, this.lang());
  }

  protected otherModeName(w: WindowView): string {
    return this.transloco.translate(
      `windowMode.${other(w.mode)}`,
      {},
      this.lang(),
    );
  }

  protected onActionDate(event: Event): void {
    const v = (event.target as HTMLInputElement).value;
    if (v) this.actionDate.set(v);
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const label = fieldValue(form, 'label');
    if (!label) return;
    const note = fieldValue(form, 'note');
    this.form.run(
      this.api.createWindow(this.hallId(), {
        label,
        mode: fieldValue(form, 'mode') as WindowMode,
        categoryCodes: checkedValues(form, 'categories'),
        effectiveDate: fieldValue(form, 'effectiveDate') || undefined,
        ...(note ? { note } : {}),
      }),
      (w) => {
        form.reset();
        this.reload(this.hallId());
        return { key: 'admin.windowCreated', params: { label: w.label } };
      },
    );
  }

  protected convert(w: WindowView): void {
    const mode = other(w.mode);
    this.actions.run(
      this.api.updateWindow(this.hallId(), w.id, {
        mode,
        // a department window needs its categories; a comprehensive one serves all
        ...(mode === 'department' && w.categoryCodes.length === 0
          ? {
              categoryCodes: this.categories()
                .slice(0, 1)
                .map((c) => c.code),
            }
          : {}),
        effectiveDate: this.actionDate(),
      }),
      () => {
        this.reload(this.hallId());
        return {
          key: 'admin.windowConverted',
          params: { label: w.label, mode: this.otherModeName(w) },
        };
      },
    );
  }

  protected retire(w: WindowView): void {
    const question = this.transloco.translate(
      'admin.retireConfirm',
      { label: w.label },
      this.lang(),
    );
    if (!confirm(question)) return;
    this.actions.run(
      this.api.retireWindow(this.hallId(), w.id, {
        effectiveDate: this.actionDate(),
      }),
      () => {
        this.reload(this.hallId());
        return { key: 'admin.windowRetired', params: { label: w.label } };
      },
    );
  }

  private reload(hallId: string): void {
    this.windows.load(this.api.windows(hallId));
  }
}

function other(mode: WindowMode): WindowMode {
  return mode === 'department' ? 'comprehensive' : 'department';
}
