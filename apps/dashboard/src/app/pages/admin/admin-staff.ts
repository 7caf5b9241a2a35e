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
import { TranslocoPipe } from '@jsverse/transloco';
import {
  STAFF_ROLES,
  type ListResponse,
  type ReassignmentView,
  type StaffRole,
  type StaffView,
} from '@onewindow/contracts';
import { catchError, of } from 'rxjs';
import { AdminApi, type StaffChange } from '../../core/api/admin.api';
import { DirectoryApi } from '../../core/api/directory.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import { categoryName } from '../../core/format/category';
import type { Lang } from '../../core/i18n/languages';
import { todayInShanghai } from '../../core/time/shanghai-time';
import { checkedValues, fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/**
 * Staff (add a person, edit name, skills and whether they are active) and their moves between roles
 * (record one, back-dated if need be).
 */
@Component({
  selector: 'app-admin-staff',
  imports: [TranslocoPipe, FormStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="grid-2">
      <section class="card stack" aria-labelledby="move-h">
        <h2 id="move-h">{{ 'admin.reassign' | transloco }}</h2>
        <form class="form-grid" data-testid="move-form" (submit)="move($event)">
          <label class="field">
            <span>{{ 'admin.person' | transloco }}</span>
            <select name="staffId" required data-testid="move-person">
              @for (s of activeStaff(); track s.id) {
                <option [value]="s.id">
                  {{ s.name }} · {{ 'staffRole.' + s.role | transloco }}
                </option>
              }
            </select>
          </label>
          <label class="field">
            <span>{{ 'admin.toRole' | transloco }}</span>
            <select name="toRole" data-testid="move-role">
              @for (r of roles; track r) {
                <option [value]="r">{{ 'staffRole.' + r | transloco }}</option>
              }
            </select>
          </label>
          <label class="field">
            <span
              >{{ 'admin.toPlace' | transloco }}
              {{ 'common.optional' | transloco }}</span
            >
            <input name="toPlace" maxlength="100" />
          </label>
          <label class="field">
            <span>{{ 'admin.effectiveDate' | transloco }}</span>
            <input
              type="date"
              name="effectiveDate"
              [value]="today"
              [max]="today"
              required
            />
          </label>
          <label class="field" style="grid-column: 1 / -1">
            <span
              >{{ 'admin.reason' | transloco }}
              {{ 'common.optional' | transloco }}</span
            >
            <input name="reason" maxlength="500" />
          </label>
          <button
            type="submit"
            class="btn btn-primary"
            [disabled]="moveForm.saving()"
          >
            {{ 'common.save' | transloco }}
          </button>
        </form>
        <app-form-status [state]="moveForm" />
      </section>
      <section class="card stack" aria-labelledby="new-staff-h">
        <h2 id="new-staff-h">{{ 'admin.newStaff' | transloco }}</h2>
        <form
          class="form-grid"
          data-testid="staff-form"
          (submit)="create($event)"
        >
          <label class="field">
            <span>{{ 'admin.staffName' | transloco }}</span>
            <input
              name="name"
              required
              maxlength="100"
              data-testid="staff-name"
            />
          </label>
          <label class="field">
            <span>{{ 'admin.staffRole' | transloco }}</span>
            <select name="role">
              @for (r of startingRoles; track r) {
                <option [value]="r">{{ 'staffRole.' + r | transloco }}</option>
              }
            </select>
          </label>
          <fieldset class="checks" style="grid-column: 1 / -1">
            <legend class="muted small">
              {{ 'admin.skills' | transloco }}
            </legend>
            @for (c of categories(); track c.code) {
              <label
                ><input type="checkbox" name="skills" [value]="c.code" />{{
                  name(c.code)
                }}</label
              >
            }
          </fieldset>
          <button
            type="submit"
            class="btn btn-primary"
            [disabled]="staffForm.saving()"
          >
            {{ 'admin.create' | transloco }}
          </button>
        </form>
        <app-form-status [state]="staffForm" />
      </section>
    </div>

    <div class="grid-2">
      <section class="card stack" aria-labelledby="moves-h">
        <h2 id="moves-h">{{ 'admin.recentMoves' | transloco }}</h2>
        @if (moves.data(); as m) {
          @if (m.items.length === 0) {
            <p class="muted">{{ 'admin.movesEmpty' | transloco }}</p>
          } @else {
            <div class="table-scroll">
              <table class="data-table" data-testid="moves-table">
                <thead>
                  <tr>
                    <th scope="col">{{ 'admin.effectiveDate' | transloco }}</th>
                    <th scope="col">{{ 'admin.person' | transloco }}</th>
                    <th scope="col">{{ 'admin.fromRole' | transloco }}</th>
                    <th scope="col">{{ 'admin.toRole' | transloco }}</th>
                    <th scope="col">{{ 'admin.reason' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of m.items; track r.id) {
                    <tr>
                      <td>{{ r.effectiveDate }}</td>
                      <td>{{ r.staffName }}</td>
                      <td>{{ 'staffRole.' + r.fromRole | transloco }}</td>
                      <td>
                        {{ 'staffRole.' + r.toRole | transloco
                        }}{{ r.toPlace ? ' · ' + r.toPlace : '' }}
                      </td>
                      <td class="small">{{ r.reason ?? '' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        } @else if (moves.state().status === 'error') {
          <p class="state-error" role="alert">{{ error(moves.state()) }}</p>
        } @else {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
      </section>
      <section class="card stack" aria-labelledby="staff-h">
        <h2 id="staff-h">
          {{ 'admin.staff' | transloco }} ({{ staff.data()?.total ?? 0 }})
        </h2>
        @for (p of editList(); track p.id) {
          <form
            class="form-grid"
            data-testid="staff-edit-form"
            (submit)="save($event, p)"
          >
            <h3 style="grid-column: 1 / -1">
              {{ 'admin.editStaffOf' | transloco: { name: p.name } }}
            </h3>
            <label class="field">
              <span>{{ 'admin.staffName' | transloco }}</span>
              <input
                name="name"
                required
                maxlength="100"
                [value]="p.name"
                data-testid="staff-edit-name"
              />
            </label>
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
            <fieldset class="checks" style="grid-column: 1 / -1">
              <legend class="muted small">
                {{ 'admin.skills' | transloco }}
              </legend>
              @for (c of categories(); track c.code) {
                <label
                  ><input
                    type="checkbox"
                    name="skills"
                    [value]="c.code"
                    [checked]="p.skills.includes(c.code)"
                  />{{ name(c.code) }}</label
                >
              }
            </fieldset>
            <button
              type="submit"
              class="btn btn-primary"
              [disabled]="editForm.saving()"
            >
              {{ 'common.save' | transloco }}
            </button>
            <button type="button" class="btn" (click)="editing.set(null)">
              {{ 'common.cancel' | transloco }}
            </button>
          </form>
        }
        <app-form-status [state]="editForm" />
        @if (staff.data(); as s) {
          <div class="table-scroll">
            <table class="data-table" data-testid="staff-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'admin.staffName' | transloco }}</th>
                  <th scope="col">{{ 'admin.staffRole' | transloco }}</th>
                  <th scope="col">{{ 'admin.skills' | transloco }}</th>
                  <th scope="col">{{ 'admin.active' | transloco }}</th>
                  <th scope="col">{{ 'common.actions' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (p of s.items; track p.id) {
                  <tr data-testid="staff-row" [attr.data-name]="p.name">
                    <th scope="row">{{ p.name }}</th>
                    <td>{{ 'staffRole.' + p.role | transloco }}</td>
                    <td class="small">{{ skillsText(p) }}</td>
                    <td>
                      {{
                        (p.active ? 'admin.active' : 'admin.inactive')
                          | transloco
                      }}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="btn btn-small"
                        data-testid="edit-staff"
                        (click)="edit(p)"
                      >
                        {{ 'admin.edit' | transloco }}
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else if (staff.state().status === 'error') {
          <p class="state-error" role="alert">{{ error(staff.state()) }}</p>
        } @else {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
      </section>
    </div>
  `,
})
export class AdminStaff {
  private readonly api = inject(AdminApi);
  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

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
  protected readonly categories = toSignal(
    inject(DirectoryApi)
      .categories()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly activeStaff = computed(() =>
    (this.staff.data()?.items ?? []).filter(
      (s) => s.active && s.role !== 'left',
    ),
  );

  constructor() {
    effect(() => {
      const hallId = this.hallId();
      untracked(() => {
        this.editing.set(null);
        this.reload(hallId);
      });
    });
  }

  protected name(code: string): string {
    return categoryName(code, this.lang(), this.categories());
  }

  protected skillsText(s: StaffView): string {
    return s.skills.map((c) => this.name(c)).join('、');
  }

  protected error(state: Parameters<typeof loadErrorText>[0]): string {
    return loadErrorText(state, this.lang());
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = fieldValue(form, 'name');
    if (!name) return;
    this.staffForm.run(
      this.api.createStaff(this.hallId(), {
        name,
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

  protected move(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const staffId = fieldValue(form, 'staffId');
    if (!staffId) return;
    const toPlace = fieldValue(form, 'toPlace');
    const reason = fieldValue(form, 'reason');
    this.moveForm.run(
      this.api.createReassignment(this.hallId(), {
        staffId,
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
    this.editForm.ok.set(null);
    this.editForm.error.set(null);
    this.editing.set(p);
  }

  /** Sends only what changed: name, skills, active. */
  protected save(event: Event, p: StaffView): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = fieldValue(form, 'name');
    if (!name) return;
    const skills = checkedValues(form, 'skills').sort();
    const active = (form.elements.namedItem('active') as HTMLInputElement)
      .checked;
    const change: StaffChange = {};
    if (name !== p.name) change.name = name;
    if (skills.join(',') !== [...p.skills].sort().join(','))
      change.skills = skills;
    if (p.role !== 'left' && active !== p.active) change.active = active;
    if (!Object.keys(change).length) {
      this.editForm.error.set(null);
      this.editForm.ok.set({ key: 'admin.nothingChanged', params: {} });
      return;
    }
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
