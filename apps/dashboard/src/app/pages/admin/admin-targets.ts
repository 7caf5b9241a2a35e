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
import { TranslocoPipe } from '@jsverse/transloco';
import {
  TARGET_COMPARISONS,
  TARGET_METRICS,
  type ListResponse,
  type TargetComparison,
  type TargetMetric,
  type TargetView,
} from '@onewindow/contracts';
import { AdminApi, type TargetChange } from '../../core/api/admin.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import { formatMetricValue, formatTarget } from '../../core/format/targets';
import type { Lang } from '../../core/i18n/languages';
import { fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/** The hall's targets: set one, change one, delete one; each shown with its actual and status. */
@Component({
  selector: 'app-admin-targets',
  imports: [TranslocoPipe, FormStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card stack" aria-labelledby="new-target-h">
      <h2 id="new-target-h">{{ 'admin.newTarget' | transloco }}</h2>
      <form
        class="form-grid"
        data-testid="target-form"
        (submit)="create($event)"
      >
        <label class="field">
          <span>{{ 'admin.metric' | transloco }}</span>
          <select name="metric" data-testid="target-metric">
            @for (m of metrics; track m) {
              <option [value]="m">{{ 'metric.' + m | transloco }}</option>
            }
          </select>
        </label>
        <label class="field">
          <span>{{ 'admin.comparison' | transloco }}</span>
          <select name="comparison" data-testid="target-comparison">
            @for (c of comparisons; track c) {
              <option [value]="c">{{ 'comparison.' + c | transloco }}</option>
            }
          </select>
        </label>
        <label class="field">
          <span>{{ 'admin.value' | transloco }}</span>
          <input
            name="value"
            type="number"
            step="any"
            min="0"
            required
            data-testid="target-value"
          />
        </label>
        <label class="field">
          <span
            >{{ 'admin.parameter' | transloco }}
            {{ 'common.optional' | transloco }}</span
          >
          <input name="parameter" type="number" step="any" min="0" />
        </label>
        <label class="field">
          <span>{{ 'admin.dueDate' | transloco }}</span>
          <input name="dueDate" type="date" required data-testid="target-due" />
        </label>
        <label class="field">
          <span
            >{{ 'common.note' | transloco }}
            {{ 'common.optional' | transloco }}</span
          >
          <input name="note" maxlength="500" />
        </label>
        <button
          type="submit"
          class="btn btn-primary"
          [disabled]="form.saving()"
        >
          {{ 'admin.create' | transloco }}
        </button>
      </form>
      <p class="muted small">
        {{ 'admin.valueHint' | transloco }}
        {{ 'admin.parameterHint' | transloco }}
      </p>
      <app-form-status [state]="form" />
    </section>
    <section class="card stack" aria-labelledby="targets-list-h">
      <h2 id="targets-list-h">{{ 'admin.targets' | transloco }}</h2>
      <app-form-status [state]="actions" />
      @for (t of editList(); track t.id) {
        <form
          class="form-grid"
          data-testid="target-edit-form"
          (submit)="save($event, t)"
        >
          <h3 style="grid-column: 1 / -1">
            {{
              'admin.editTargetOf'
                | transloco: { metric: ('metric.' + t.metric | transloco) }
            }}
          </h3>
          <label class="field">
            <span>{{ 'admin.metric' | transloco }}</span>
            <select name="metric">
              @for (m of metrics; track m) {
                <option [value]="m" [selected]="m === t.metric">
                  {{ 'metric.' + m | transloco }}
                </option>
              }
            </select>
          </label>
          <label class="field">
            <span>{{ 'admin.comparison' | transloco }}</span>
            <select name="comparison">
              @for (c of comparisons; track c) {
                <option [value]="c" [selected]="c === t.comparison">
                  {{ 'comparison.' + c | transloco }}
                </option>
              }
            </select>
          </label>
          <label class="field">
            <span>{{ 'admin.value' | transloco }}</span>
            <input
              name="value"
              type="number"
              step="any"
              min="0"
              required
              [value]="t.value"
              data-testid="target-edit-value"
            />
          </label>
          <label class="field">
            <span
              >{{ 'admin.parameter' | transloco }}
              {{ 'common.optional' | transloco }}</span
            >
            <input
              name="parameter"
              type="number"
              step="any"
              min="0"
              [value]="t.parameter ?? ''"
            />
          </label>
          <label class="field">
            <span>{{ 'admin.dueDate' | transloco }}</span>
            <input
              name="dueDate"
              type="date"
              required
              [value]="t.dueDate"
              data-testid="target-edit-due"
            />
          </label>
          <label class="field">
            <span
              >{{ 'common.note' | transloco }}
              {{ 'common.optional' | transloco }}</span
            >
            <input name="note" maxlength="500" [value]="t.note ?? ''" />
          </label>
          <button
            type="submit"
            class="btn btn-primary"
            [disabled]="actions.saving()"
          >
            {{ 'common.save' | transloco }}
          </button>
          <button type="button" class="btn" (click)="editing.set(null)">
            {{ 'common.cancel' | transloco }}
          </button>
        </form>
      }
      @if (targets.data(); as list) {
        <div class="table-scroll">
          <table class="data-table" data-testid="admin-targets-table">
            <thead>
              <tr>
                <th scope="col">{{ 'hall.colMetric' | transloco }}</th>
                <th scope="col">{{ 'hall.colTarget' | transloco }}</th>
                <th scope="col">{{ 'hall.colDue' | transloco }}</th>
                <th scope="col" class="num">
                  {{ 'hall.colActual' | transloco }}
                </th>
                <th scope="col">{{ 'hall.colStatus' | transloco }}</th>
                <th scope="col">{{ 'hall.colNote' | transloco }}</th>
                <th scope="col">{{ 'common.actions' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (t of list.items; track t.id) {
                <tr data-testid="admin-target-row">
                  <td>{{ 'metric.' + t.metric | transloco }}</td>
                  <td>{{ target(t) }}</td>
                  <td>{{ t.dueDate }}</td>
                  <td class="num">{{ actual(t) }}</td>
                  <td>
                    <span class="badge" [class]="'badge status-' + t.status">{{
                      'targetStatus.' + t.status | transloco
                    }}</span>
                  </td>
                  <td class="small">{{ t.note ?? '' }}</td>
                  <td>
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
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="7" class="muted">
                    {{ 'hall.targetsEmpty' | transloco }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (targets.state().status === 'error') {
        <p class="state-error" role="alert">{{ errorText() }}</p>
      } @else {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
})
export class AdminTargets {
  private readonly api = inject(AdminApi);
  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

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

  constructor() {
    effect(() => {
      const hallId = this.hallId();
      untracked(() => {
        this.editing.set(null);
        this.reload(hallId);
      });
    });
  }

  protected errorText(): string {
    return loadErrorText(this.targets.state(), this.lang());
  }

  protected target(t: TargetView): string {
    return formatTarget(t, this.lang());
  }

  protected actual(t: TargetView): string {
    return t.actual
      ? formatMetricValue(t.metric, t.actual.value, this.lang())
      : '—';
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = fieldValue(form, 'value');
    const dueDate = fieldValue(form, 'dueDate');
    if (value === '' || !dueDate) return;
    const parameter = fieldValue(form, 'parameter');
    const note = fieldValue(form, 'note');
    this.form.run(
      this.api.createTarget(this.hallId(), {
        metric: fieldValue(form, 'metric') as TargetMetric,
        comparison: fieldValue(form, 'comparison') as TargetComparison,
        value: Number(value),
        dueDate,
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
    this.actions.ok.set(null);
    this.actions.error.set(null);
    this.editing.set(t);
  }

  /** Sends only the fields that changed; an emptied parameter or note is cleared (null). */
  protected save(event: Event, t: TargetView): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = fieldValue(form, 'value');
    const dueDate = fieldValue(form, 'dueDate');
    if (value === '' || !dueDate) return;
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
    if (!Object.keys(change).length) {
      this.actions.error.set(null);
      this.actions.ok.set({ key: 'admin.nothingChanged', params: {} });
      return;
    }
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
