import {
  ChangeDetectionStrategy,
  Component,
  computed,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  WINDOW_MODES,
  type WindowMode,
  type WindowView,
} from '@onewindow/contracts';
import { loader } from '../../core/api/loader';
import { todayInShanghai } from '../../core/time/shanghai-time';
import { AdminCell } from '../../shared/admin/admin-cell';
import { AdminChecks } from '../../shared/admin/admin-checks';
import { AdminField } from '../../shared/admin/admin-field';
import { AdminForm } from '../../shared/admin/admin-form';
import { AdminTab, categoryChoices } from '../../shared/admin/admin-tab';
import { AdminSection } from '../../shared/admin/admin-section';
import { AdminColumn, AdminTable } from '../../shared/admin/admin-table';
import {
  checkedValues,
  fieldValue,
  FormState,
} from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';

/** Windows: open one, convert one to the other mode, retire one; any of them back-dated. */
@Component({
  selector: 'app-admin-windows',
  imports: [
    TranslocoPipe,
    AdminSection,
    FormStatus,
    AdminForm,
    AdminField,
    AdminChecks,
    AdminTable,
    AdminCell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-admin-section headingId="new-window-h" heading="admin.newWindow">
      <app-admin-form
        testId="window-form"
        submitLabel="admin.create"
        [state]="form"
        (save)="create($event)"
      >
        <app-admin-field label="admin.windowLabel">
          <input
            name="label"
            required
            maxlength="20"
            data-testid="window-label"
          />
        </app-admin-field>
        <app-admin-field label="admin.mode">
          <select name="mode" data-testid="window-mode">
            @for (m of modes; track m) {
              <option [value]="m">{{ 'windowMode.' + m | transloco }}</option>
            }
          </select>
        </app-admin-field>
        <app-admin-field label="admin.effectiveDate">
          <input
            type="date"
            name="effectiveDate"
            [value]="today"
            [max]="today"
            data-testid="window-date"
          />
        </app-admin-field>
        <app-admin-field label="common.note" optional>
          <input name="note" maxlength="500" />
        </app-admin-field>
        <app-admin-checks
          legend="admin.categories"
          name="categories"
          [choices]="categories.choices()"
        />
      </app-admin-form>
      <p class="muted small">{{ 'admin.effectiveHint' | transloco }}</p>
      <app-form-status [state]="form" />
    </app-admin-section>

    <section class="card stack" aria-labelledby="windows-h">
      <div class="page-head">
        <h2 id="windows-h">
          {{ 'admin.windows' | transloco }} ({{ visible().length }})
        </h2>
        <div class="toolbar" style="margin: 0">
          <app-admin-field label="admin.effectiveDate">
            <input
              type="date"
              [value]="actionDate()"
              [max]="today"
              data-testid="action-date"
              (change)="onActionDate($event)"
            />
          </app-admin-field>
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
      <app-admin-table
        testId="windows-table"
        [columns]="columns"
        [rows]="visible()"
        [state]="windows.state()"
        [lang]="lang()"
        [rowAttrs]="rowAttrs"
      >
        <ng-template appAdminCell="actions" [appAdminCellOf]="visible()" let-w>
          @if (w.state !== 'retired') {
            <button
              type="button"
              class="btn btn-small"
              data-testid="convert"
              [disabled]="actions.saving()"
              (click)="convert(w)"
            >
              {{ 'admin.convert' | transloco: { mode: otherModeName(w) } }}
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
        </ng-template>
      </app-admin-table>
    </section>
  `,
})
export class AdminWindows extends AdminTab {
  protected readonly modes = WINDOW_MODES;
  protected readonly today = todayInShanghai();
  protected readonly actionDate = signal(this.today);
  protected readonly showRetired = signal(false);
  protected readonly form = new FormState();
  protected readonly actions = new FormState();
  protected readonly windows = loader<WindowView[]>();
  protected readonly categories = categoryChoices(this.lang);
  protected readonly visible = computed(() =>
    (this.windows.data() ?? [])
      .filter((w) => this.showRetired() || w.state !== 'retired')
      .sort((a, b) =>
        a.label.localeCompare(b.label, 'zh-CN', { numeric: true }),
      ),
  );
  protected readonly columns: AdminColumn<WindowView>[] = [
    { header: 'admin.windowLabel', text: (w) => w.label, rowHeader: true },
    { header: 'admin.mode', key: (w) => `windowMode.${w.mode}` },
    {
      header: 'admin.categories',
      text: (w) => this.categoriesText(w),
      class: 'small',
    },
    { header: 'admin.state', key: (w) => `windowState.${w.state}` },
    { header: 'admin.openedOn', text: (w) => w.openedOn },
    { header: 'admin.retiredOn', text: (w) => w.retiredOn ?? '' },
    { header: 'common.actions', cell: 'actions' },
  ];
  protected readonly rowAttrs = (w: WindowView) => ({
    'data-testid': 'window-row',
    'data-label': w.label,
  });

  constructor() {
    super();
    this.follow(this.hallId, (hallId) => this.reload(hallId));
  }

  protected categoriesText(w: WindowView): string {
    return w.categoryCodes.length
      ? w.categoryCodes.map((c) => this.categories.name(c)).join('、')
      : this.t('admin.allCategories');
  }

  protected otherModeName(w: WindowView): string {
    return this.t(`windowMode.${other(w.mode)}`);
  }

  protected onActionDate(event: Event): void {
    const v = (event.target as HTMLInputElement).value;
    if (v) this.actionDate.set(v);
  }

  protected create(form: HTMLFormElement): void {
    const note = fieldValue(form, 'note');
    this.form.run(
      this.api.createWindow(this.hallId(), {
        label: fieldValue(form, 'label'),
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
              categoryCodes: this.categories
                .list()
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
    if (!this.confirmed('admin.retireConfirm', { label: w.label })) return;
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
