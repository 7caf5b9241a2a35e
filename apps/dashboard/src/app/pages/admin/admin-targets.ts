import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  TARGET_COMPARISONS,
  TARGET_METRICS,
  type ListResponse,
  type TargetComparison,
  type TargetMetric,
  type TargetView,
} from '@onewindow/contracts';
import type { TargetChange } from '../../core/api/admin.api';
import { loader } from '../../core/api/loader';
import { formatActual, formatTarget } from '../../core/format/targets';
import { AdminCell } from '../../shared/admin/admin-cell';
import { AdminField } from '../../shared/admin/admin-field';
import { AdminForm } from '../../shared/admin/admin-form';
import { AdminTab } from '../../shared/admin/admin-tab';
import { AdminSection } from '../../shared/admin/admin-section';
import { AdminColumn, AdminTable } from '../../shared/admin/admin-table';
import { fieldValue, FormState } from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';

/** The hall's targets: set one, change one, delete one; each shown with its actual and status. */
@Component({
  selector: 'app-admin-targets',
  imports: [
    TranslocoPipe,
    AdminSection,
    NgTemplateOutlet,
    FormStatus,
    AdminForm,
    AdminField,
    AdminTable,
    AdminCell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-admin-section headingId="new-target-h" heading="admin.newTarget">
      <app-admin-form
        testId="target-form"
        submitLabel="admin.create"
        [state]="form"
        (save)="create($event)"
      >
        <ng-container
          *ngTemplateOutlet="fields; context: { $implicit: null, id: 'target' }"
        />
      </app-admin-form>
      <p class="muted small">
        {{ 'admin.valueHint' | transloco }}
        {{ 'admin.parameterHint' | transloco }}
      </p>
      <app-form-status [state]="form" />
    </app-admin-section>
    <app-admin-section headingId="targets-list-h" heading="admin.targets">
      <app-form-status [state]="actions" />
      @for (t of editList(); track t.id) {
        <app-admin-form
          testId="target-edit-form"
          cancelable
          [state]="actions"
          (save)="save($event, t)"
          (cancelled)="editing.set(null)"
        >
          <h3 style="grid-column: 1 / -1">
            {{
              'admin.editTargetOf'
                | transloco: { metric: ('metric.' + t.metric | transloco) }
            }}
          </h3>
          <ng-container
            *ngTemplateOutlet="
              fields;
              context: { $implicit: t, id: 'target-edit' }
            "
          />
        </app-admin-form>
      }
      <app-admin-table
        testId="admin-targets-table"
        empty="hall.targetsEmpty"
        [columns]="columns"
        [rows]="targets.data()?.items ?? []"
        [state]="targets.state()"
        [lang]="lang()"
        [rowAttrs]="rowAttrs"
      >
        <ng-template
          appAdminCell="status"
          [appAdminCellOf]="targets.data()?.items ?? []"
          let-t
        >
          <span class="badge" [class]="'badge status-' + t.status">{{
            'targetStatus.' + t.status | transloco
          }}</span>
        </ng-template>
        <ng-template
          appAdminCell="actions"
          [appAdminCellOf]="targets.data()?.items ?? []"
          let-t
        >
          <button
            type="button"
            class="btn btn-small"
            data-testid="edit-target"
            (click)="edit(t)"
          >
            {{ 'admin.edit' | transloco }}
          </button>
          <button
            type="button"
            class="btn btn-small btn-danger"
            data-testid="delete-target"
            (click)="remove(t)"
          >
            {{ 'admin.deleteTarget' | transloco }}
          </button>
        </ng-template>
      </app-admin-table>
    </app-admin-section>

    <!-- the fields of a target, empty (a new one) or with its values (a change) -->
    <ng-template #fields let-t let-id="id">
      <app-admin-field label="admin.metric">
        <select name="metric" [attr.data-testid]="id + '-metric'">
          @for (m of metrics; track m) {
            <option [value]="m" [selected]="m === t?.metric">
              {{ 'metric.' + m | transloco }}
            </option>
          }
        </select>
      </app-admin-field>
      <app-admin-field label="admin.comparison">
        <select name="comparison" [attr.data-testid]="id + '-comparison'">
          @for (c of comparisons; track c) {
            <option [value]="c" [selected]="c === t?.comparison">
              {{ 'comparison.' + c | transloco }}
            </option>
          }
        </select>
      </app-admin-field>
      <app-admin-field label="admin.value">
        <input
          name="value"
          type="number"
          step="any"
          min="0"
          required
          [value]="t?.value ?? ''"
          [attr.data-testid]="id + '-value'"
        />
      </app-admin-field>
      <app-admin-field label="admin.parameter" optional>
        <input
          name="parameter"
          type="number"
          step="any"
          min="0"
          [value]="t?.parameter ?? ''"
        />
      </app-admin-field>
      <app-admin-field label="admin.dueDate">
        <input
          name="dueDate"
          type="date"
          required
          [value]="t?.dueDate ?? ''"
          [attr.data-testid]="id + '-due'"
        />
      </app-admin-field>
      <app-admin-field label="common.note" optional>
        <input name="note" maxlength="500" [value]="t?.note ?? ''" />
      </app-admin-field>
    </ng-template>
  `,
})
export class AdminTargets extends AdminTab {
  protected readonly metrics = TARGET_METRICS;
  protected readonly comparisons = TARGET_COMPARISONS;
  protected readonly form = new FormState();
  protected readonly actions = new FormState();
  protected readonly targets = loader<ListResponse<TargetView>>();
  /** The target being changed. */
  protected readonly editing = signal<TargetView | null>(null);
  /** As a list, so the form is built afresh for each target. */
  protected readonly editList = computed(() => {
    const t = this.editing();
    return t ? [t] : [];
  });

  protected readonly columns: AdminColumn<TargetView>[] = [
    { header: 'hall.colMetric', key: (t) => `metric.${t.metric}` },
    { header: 'hall.colTarget', text: (t) => formatTarget(t, this.lang()) },
    { header: 'hall.colDue', text: (t) => t.dueDate },
    {
      header: 'hall.colActual',
      text: (t) => formatActual(t, this.lang()),
      class: 'num',
    },
    { header: 'hall.colStatus', cell: 'status' },
    { header: 'hall.colNote', text: (t) => t.note ?? '', class: 'small' },
    { header: 'common.actions', cell: 'actions' },
  ];
  protected readonly rowAttrs = () => ({ 'data-testid': 'admin-target-row' });

  constructor() {
    super();
    this.follow(this.hallId, (hallId) => {
      this.editing.set(null);
      this.reload(hallId);
    });
  }

  protected create(form: HTMLFormElement): void {
    const parameter = fieldValue(form, 'parameter');
    const note = fieldValue(form, 'note');
    this.form.run(
      this.api.createTarget(this.hallId(), {
        metric: fieldValue(form, 'metric') as TargetMetric,
        comparison: fieldValue(form, 'comparison') as TargetComparison,
        value: Number(fieldValue(form, 'value')),
        dueDate: fieldValue(form, 'dueDate'),
        ...(parameter !== '' ? { parameter: Number(parameter) } : {}),
        ...(note ? { note } : {}),
      }),
      () => {
        form.reset();
        this.reload(this.hallId());
        return { key: 'admin.targetCreated' };
      },
    );
  }

  protected edit(t: TargetView): void {
    this.actions.clear();
    this.editing.set(t);
  }

  /** Sends only the fields that changed; an emptied parameter or note is cleared (null). */
  protected save(form: HTMLFormElement, t: TargetView): void {
    const value = fieldValue(form, 'value');
    const dueDate = fieldValue(form, 'dueDate');
    const parameterText = fieldValue(form, 'parameter');
    const parameter = parameterText === '' ? null : Number(parameterText);
    const note = fieldValue(form, 'note') || null;
    const metric = fieldValue(form, 'metric') as TargetMetric;
    const comparison = fieldValue(form, 'comparison') as TargetComparison;
    const change: TargetChange = {};
    if (metric !== t.metric) change.metric = metric;
    if (comparison !== t.comparison) change.comparison = comparison;
    if (Number(value) !== t.value) change.value = Number(value);
    if (parameter !== t.parameter) change.parameter = parameter;
    if (dueDate !== t.dueDate) change.dueDate = dueDate;
    if (note !== (t.note ?? null)) change.note = note;
    if (!Object.keys(change).length)
      return this.actions.say('admin.nothingChanged');
    this.actions.run(this.api.updateTarget(t.id, change), () => {
      this.editing.set(null);
      this.reload(this.hallId());
      return { key: 'admin.targetUpdated' };
    });
  }

  protected remove(t: TargetView): void {
    this.actions.run(this.api.deleteTarget(t.id), () => {
      if (this.editing()?.id === t.id) this.editing.set(null);
      this.reload(this.hallId());
      return { key: 'admin.targetDeleted' };
    });
  }

  private reload(hallId: string): void {
    this.targets.load(this.api.hallTargets(hallId));
  }
}
