import {
  ChangeDetectionStrategy,
  Component,
  computed,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  STAFF_ROLES,
  type ListResponse,
  type ReassignmentView,
  type StaffRole,
  type StaffView,
} from '@onewindow/contracts';
import type { StaffChange } from '../../core/api/admin.api';
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
  isChecked,
} from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';

/**
 * Staff (add a person, edit name, skills and whether they are active) and their moves between roles
 * (record one, back-dated if need be).
 */
@Component({
  selector: 'app-admin-staff',
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
    <div class="grid-2">
      <app-admin-section headingId="move-h" heading="admin.reassign">
        <app-admin-form
          testId="move-form"
          [state]="moveForm"
          (save)="move($event)"
        >
          <app-admin-field label="admin.person">
            <select name="staffId" required data-testid="move-person">
              @for (s of activeStaff(); track s.id) {
                <option [value]="s.id">
                  {{ s.name }} · {{ 'staffRole.' + s.role | transloco }}
                </option>
              }
            </select>
          </app-admin-field>
          <app-admin-field label="admin.toRole">
            <select name="toRole" data-testid="move-role">
              @for (r of roles; track r) {
                <option [value]="r">{{ 'staffRole.' + r | transloco }}</option>
              }
            </select>
          </app-admin-field>
          <app-admin-field label="admin.toPlace" optional>
            <input name="toPlace" maxlength="100" />
          </app-admin-field>
          <app-admin-field label="admin.effectiveDate">
            <input
              type="date"
              name="effectiveDate"
              [value]="today"
              [max]="today"
              required
            />
          </app-admin-field>
          <app-admin-field label="admin.reason" optional wide>
            <input name="reason" maxlength="500" />
          </app-admin-field>
        </app-admin-form>
        <app-form-status [state]="moveForm" />
      </app-admin-section>
      <app-admin-section headingId="new-staff-h" heading="admin.newStaff">
        <app-admin-form
          testId="staff-form"
          submitLabel="admin.create"
          [state]="staffForm"
          (save)="create($event)"
        >
          <app-admin-field label="admin.staffName">
            <input
              name="name"
              required
              maxlength="100"
              data-testid="staff-name"
            />
          </app-admin-field>
          <app-admin-field label="admin.staffRole">
            <select name="role">
              @for (r of startingRoles; track r) {
                <option [value]="r">{{ 'staffRole.' + r | transloco }}</option>
              }
            </select>
          </app-admin-field>
          <app-admin-checks
            legend="admin.skills"
            name="skills"
            [choices]="categories.choices()"
          />
        </app-admin-form>
        <app-form-status [state]="staffForm" />
      </app-admin-section>
    </div>

    <div class="grid-2">
      <app-admin-section headingId="moves-h" heading="admin.recentMoves">
        <app-admin-table
          testId="moves-table"
          empty="admin.movesEmpty"
          emptyAs="text"
          [columns]="moveColumns"
          [rows]="moves.data()?.items ?? []"
          [state]="moves.state()"
          [lang]="lang()"
        />
      </app-admin-section>
      <app-admin-section
        headingId="staff-h"
        heading="admin.staff"
        [count]="staff.data()?.total ?? 0"
      >
        @for (p of editList(); track p.id) {
          <app-admin-form
            testId="staff-edit-form"
            cancelable
            [state]="editForm"
            (save)="save($event, p)"
            (cancelled)="editing.set(null)"
          >
            <h3 style="grid-column: 1 / -1">
              {{ 'admin.editStaffOf' | transloco: { name: p.name } }}
            </h3>
            <app-admin-field label="admin.staffName">
              <input
                name="name"
                required
                maxlength="100"
                [value]="p.name"
                data-testid="staff-edit-name"
              />
            </app-admin-field>
            <label class="checks">
              <input
                type="checkbox"
                name="active"
                data-testid="staff-edit-active"
                [checked]="p.active"
                [disabled]="p.role === 'left'"
              />{{ 'admin.active' | transloco }}
            </label>
            @if (p.role === 'left') {
              <p class="muted small" style="grid-column: 1 / -1">
                {{ 'admin.leftCannotActivate' | transloco }}
              </p>
            }
            <app-admin-checks
              legend="admin.skills"
              name="skills"
              [choices]="categories.choices()"
              [checked]="p.skills"
            />
          </app-admin-form>
        }
        <app-form-status [state]="editForm" />
        <app-admin-table
          testId="staff-table"
          [columns]="staffColumns"
          [rows]="staff.data()?.items ?? []"
          [state]="staff.state()"
          [lang]="lang()"
          [rowAttrs]="staffAttrs"
        >
          <ng-template
            appAdminCell="edit"
            [appAdminCellOf]="staff.data()?.items ?? []"
            let-p
          >
            <button
              type="button"
              class="btn btn-small"
              data-testid="edit-staff"
              (click)="edit(p)"
            >
              {{ 'admin.edit' | transloco }}
            </button>
          </ng-template>
        </app-admin-table>
      </app-admin-section>
    </div>
  `,
})
export class AdminStaff extends AdminTab {
  protected readonly roles = STAFF_ROLES;
  protected readonly startingRoles = STAFF_ROLES.filter((r) => r !== 'left');
  protected readonly today = todayInShanghai();
  protected readonly staffForm = new FormState();
  protected readonly moveForm = new FormState();
  protected readonly editForm = new FormState();
  /** The person being edited. */
  protected readonly editing = signal<StaffView | null>(null);
  /** As a list, so the form is built afresh for each person. */
  protected readonly editList = computed(() => {
    const p = this.editing();
    return p ? [p] : [];
  });
  protected readonly staff = loader<ListResponse<StaffView>>();
  protected readonly moves = loader<ListResponse<ReassignmentView>>();
  protected readonly categories = categoryChoices(this.lang);
  protected readonly activeStaff = computed(() =>
    (this.staff.data()?.items ?? []).filter(
      (s) => s.active && s.role !== 'left',
    ),
  );

  protected readonly moveColumns: AdminColumn<ReassignmentView>[] = [
    { header: 'admin.effectiveDate', text: (r) => r.effectiveDate },
    { header: 'admin.person', text: (r) => r.staffName },
    { header: 'admin.fromRole', key: (r) => `staffRole.${r.fromRole}` },
    {
      header: 'admin.toRole',
      text: (r) =>
        this.t(`staffRole.${r.toRole}`) + (r.toPlace ? ` · ${r.toPlace}` : ''),
    },
    { header: 'admin.reason', text: (r) => r.reason ?? '', class: 'small' },
  ];
  protected readonly staffColumns: AdminColumn<StaffView>[] = [
    { header: 'admin.staffName', text: (p) => p.name, rowHeader: true },
    { header: 'admin.staffRole', key: (p) => `staffRole.${p.role}` },
    {
      header: 'admin.skills',
      text: (p) => p.skills.map((c) => this.categories.name(c)).join('、'),
      class: 'small',
    },
    {
      header: 'admin.active',
      key: (p) => (p.active ? 'admin.active' : 'admin.inactive'),
    },
    { header: 'common.actions', cell: 'edit' },
  ];
  protected readonly staffAttrs = (p: StaffView) => ({
    'data-testid': 'staff-row',
    'data-name': p.name,
  });

  constructor() {
    super();
    this.follow(this.hallId, (hallId) => {
      this.editing.set(null);
      this.reload(hallId);
    });
  }

  protected create(form: HTMLFormElement): void {
    this.staffForm.run(
      this.api.createStaff(this.hallId(), {
        name: fieldValue(form, 'name'),
        role: fieldValue(form, 'role') as StaffRole,
        skills: checkedValues(form, 'skills'),
      }),
      (s) => {
        form.reset();
        this.reload(this.hallId());
        return { key: 'admin.staffCreated', params: { name: s.name } };
      },
    );
  }

  protected move(form: HTMLFormElement): void {
    const toPlace = fieldValue(form, 'toPlace');
    const reason = fieldValue(form, 'reason');
    this.moveForm.run(
      this.api.createReassignment(this.hallId(), {
        staffId: fieldValue(form, 'staffId'),
        toRole: fieldValue(form, 'toRole') as StaffRole,
        effectiveDate: fieldValue(form, 'effectiveDate') || this.today,
        ...(toPlace ? { toPlace } : {}),
        ...(reason ? { reason } : {}),
      }),
      (r) => {
        this.reload(this.hallId());
        return { key: 'admin.reassigned', params: { name: r.staffName } };
      },
    );
  }

  protected edit(p: StaffView): void {
    this.editForm.clear();
    this.editing.set(p);
  }

  /** Sends only what changed: name, skills, active. */
  protected save(form: HTMLFormElement, p: StaffView): void {
    const name = fieldValue(form, 'name');
    const skills = checkedValues(form, 'skills').sort();
    const active = isChecked(form, 'active');
    const change: StaffChange = {};
    if (name !== p.name) change.name = name;
    if (skills.join(',') !== [...p.skills].sort().join(','))
      change.skills = skills;
    if (p.role !== 'left' && active !== p.active) change.active = active;
    if (!Object.keys(change).length)
      return this.editForm.say('admin.nothingChanged');
    this.editForm.run(
      this.api.updateStaff(this.hallId(), p.id, change),
      (saved) => {
        this.editing.set(null);
        this.reload(this.hallId());
        return { key: 'admin.staffUpdated', params: { name: saved.name } };
      },
    );
  }

  private reload(hallId: string): void {
    this.staff.load(this.api.staff(hallId));
    this.moves.load(this.api.reassignments(hallId));
  }
}
