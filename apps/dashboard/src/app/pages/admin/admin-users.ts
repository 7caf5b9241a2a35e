import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ROLES,
  type ListResponse,
  type Role,
  type UserView,
} from '@onewindow/contracts';
import { DirectoryApi } from '../../core/api/directory.api';
import { loader } from '../../core/api/loader';
import { AuthService } from '../../core/auth/auth.service';
import { AdminCell } from '../../shared/admin/admin-cell';
import { AdminField } from '../../shared/admin/admin-field';
import { AdminForm } from '../../shared/admin/admin-form';
import { AdminTab } from '../../shared/admin/admin-tab';
import { AdminSection } from '../../shared/admin/admin-section';
import { AdminColumn, AdminTable } from '../../shared/admin/admin-table';
import { fieldValue, FormState, rawValue } from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';
import { DEFAULT_REGION } from '../../shared/hall-select';

/** The most users one page of the list shows. */
export const USERS_PAGE = 500;

/**
 * Users: the list (admins: the hall's or everyone; a hall manager: its own hall), enabling and
 * disabling a login, resetting a password, and creating users (admins any role; a hall manager
 * clerks of its own hall).
 */
@Component({
  selector: 'app-admin-users',
  imports: [
    TranslocoPipe,
    AdminSection,
    FormStatus,
    AdminForm,
    AdminField,
    AdminTable,
    AdminCell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-admin-section
      headingId="users-h"
      heading="admin.userList"
      [count]="users.data()?.total ?? 0"
    >
      @if (isAdmin()) {
        <app-admin-field label="admin.userScope">
          <select
            data-testid="user-scope"
            (change)="scope.set($any($event.target).value)"
          >
            <option value="hall" [selected]="scope() === 'hall'">
              {{ 'admin.userScopeHall' | transloco }}
            </option>
            <option value="all" [selected]="scope() === 'all'">
              {{ 'admin.userScopeAll' | transloco }}
            </option>
          </select>
        </app-admin-field>
      }
      <app-form-status [state]="actions" />
      <app-admin-table
        testId="users-table"
        empty="admin.usersEmpty"
        [columns]="columns"
        [rows]="rows()"
        [state]="users.state()"
        [lang]="lang()"
        [rowAttrs]="rowAttrs"
      >
        <ng-template appAdminCell="state" [appAdminCellOf]="rows()" let-u>
          <span
            class="badge"
            data-testid="user-state"
            [class.status-missed]="u.active === false"
            >{{
              (u.active === false ? 'admin.userDisabled' : 'admin.userEnabled')
                | transloco
            }}</span
          >
        </ng-template>
        <ng-template appAdminCell="actions" [appAdminCellOf]="rows()" let-u>
          @if (canEdit(u)) {
            <button
              type="button"
              class="btn btn-small"
              data-testid="toggle-user"
              [class.btn-danger]="u.active !== false"
              [disabled]="actions.saving() || (u.active !== false && isSelf(u))"
              [attr.title]="
                u.active !== false && isSelf(u)
                  ? ('admin.cannotDisableSelf' | transloco)
                  : null
              "
              (click)="toggle(u)"
            >
              {{
                (u.active === false ? 'admin.enableUser' : 'admin.disableUser')
                  | transloco
              }}
            </button>
            <button
              type="button"
              class="btn btn-small"
              data-testid="reset-password"
              (click)="startReset(u)"
            >
              {{ 'admin.resetPassword' | transloco }}
            </button>
          }
        </ng-template>
      </app-admin-table>
      @if (users.data(); as list) {
        @if (list.total > list.items.length) {
          <p class="muted small" data-testid="users-truncated">
            {{
              'admin.usersTruncated'
                | transloco
                  : { shown: '' + list.items.length, total: '' + list.total }
            }}
          </p>
        }
      }
      @if (resetting(); as u) {
        <app-admin-form
          testId="reset-form"
          cancelable
          [state]="resetForm"
          (save)="reset($event, u)"
          (cancelled)="resetting.set(null)"
        >
          <h3 style="grid-column: 1 / -1">
            {{ 'admin.resetPasswordOf' | transloco: { username: u.username } }}
          </h3>
          <app-admin-field label="admin.newPassword">
            <input
              name="password"
              type="password"
              required
              minlength="10"
              maxlength="200"
              autocomplete="new-password"
              data-testid="reset-password-input"
            />
          </app-admin-field>
        </app-admin-form>
        <p class="muted small">{{ 'admin.passwordHint' | transloco }}</p>
      }
      <app-form-status [state]="resetForm" />
    </app-admin-section>

    <app-admin-section headingId="new-user-h" heading="admin.newUser">
      <p class="muted small">{{ 'admin.usersHint' | transloco }}</p>
      <app-admin-form
        testId="user-form"
        submitLabel="admin.create"
        [state]="form"
        (save)="create($event)"
      >
        <app-admin-field label="admin.username">
          <input
            name="username"
            required
            pattern="[a-z0-9][a-z0-9._\\-]{2,63}"
            autocomplete="off"
            data-testid="user-name"
          />
        </app-admin-field>
        <app-admin-field label="admin.password">
          <input
            name="password"
            type="password"
            required
            minlength="10"
            autocomplete="new-password"
            data-testid="user-password"
          />
        </app-admin-field>
        <app-admin-field label="admin.role">
          <select
            name="role"
            data-testid="user-role"
            (change)="role.set($any($event.target).value)"
          >
            @for (r of roles(); track r) {
              <option [value]="r" [selected]="r === role()">
                {{ 'role.' + r | transloco }}
              </option>
            }
          </select>
        </app-admin-field>
        @if (role() === 'reform_office') {
          <app-admin-field label="admin.regionCode">
            <input
              name="regionCode"
              required
              pattern="\\d{6,12}"
              value="330000"
            />
          </app-admin-field>
        }
      </app-admin-form>
      <p class="muted small">{{ 'admin.passwordHint' | transloco }}</p>
      <app-form-status [state]="form" />
    </app-admin-section>
  `,
})
export class AdminUsers extends AdminTab {
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  readonly hallName = input('');

  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly roles = computed<readonly Role[]>(() =>
    this.isAdmin() ? ROLES : ['clerk'],
  );
  protected readonly role = signal<Role>('clerk');
  /** Admins: the selected hall's users, or everyone's. */
  protected readonly scope = signal<'hall' | 'all'>('hall');
  protected readonly form = new FormState();
  protected readonly actions = new FormState();
  protected readonly resetForm = new FormState();
  protected readonly users = loader<ListResponse<UserView>>();
  protected readonly rows = computed(() => this.users.data()?.items ?? []);
  protected readonly resetting = signal<UserView | null>(null);
  /** Hall names for the "everyone" list (asked once, when first needed). */
  private readonly hallNames = signal<ReadonlyMap<string, string>>(new Map());
  private hallNamesAsked = false;

  /** The hall the list is of; null for everyone (an admin's "all": the hall picked does not matter). */
  private readonly listedHall = computed(() =>
    this.scope() === 'all' && this.isAdmin() ? null : this.hallId(),
  );

  protected readonly columns: AdminColumn<UserView>[] = [
    { header: 'admin.username', text: (u) => u.username, rowHeader: true },
    { header: 'admin.role', key: (u) => `role.${u.role}` },
    { header: 'admin.userWhere', text: (u) => this.where(u) },
    { header: 'admin.userState', cell: 'state' },
    { header: 'common.actions', cell: 'actions' },
  ];
  protected readonly rowAttrs = (u: UserView) => ({
    'data-testid': 'user-row',
    'data-username': u.username,
    'data-active': String(u.active !== false),
  });

  constructor() {
    super();
    this.follow(this.listedHall, (hallId) => this.reload(hallId));
  }

  /** The hall (by name where known) or the region a login is scoped to. */
  protected where(u: UserView): string {
    if (u.hallId)
      return u.hallId === this.hallId() && this.hallName()
        ? this.hallName()
        : (this.hallNames().get(u.hallId) ?? u.hallId);
    return u.regionCode ?? '—';
  }

  protected isSelf(u: UserView): boolean {
    return u.id === this.auth.user()?.id;
  }

  /** Admins change anyone; a hall manager the clerks of its own hall (as the API allows). */
  protected canEdit(u: UserView): boolean {
    const me = this.auth.user();
    if (!me) return false;
    if (me.role === 'admin') return true;
    return (
      me.role === 'hall_manager' && u.role === 'clerk' && u.hallId === me.hallId
    );
  }

  protected toggle(u: UserView): void {
    const active = u.active === false;
    if (
      !active &&
      !this.confirmed('admin.disableConfirm', { username: u.username })
    )
      return;
    this.actions.run(this.api.updateUser(u.id, { active }), (changed) => {
      this.reload(this.listedHall());
      return {
        key:
          changed.active === false
            ? 'admin.userDisabledOk'
            : 'admin.userEnabledOk',
        params: { username: changed.username },
      };
    });
  }

  protected startReset(u: UserView): void {
    this.resetForm.clear();
    this.resetting.set(u);
  }

  protected reset(form: HTMLFormElement, u: UserView): void {
    const password = rawValue(form, 'password');
    this.resetForm.run(this.api.updateUser(u.id, { password }), (changed) => {
      form.reset();
      this.resetting.set(null);
      return {
        key: 'admin.passwordReset',
        params: { username: changed.username },
      };
    });
  }

  protected create(form: HTMLFormElement): void {
    const role = fieldValue(form, 'role') as Role;
    const hallBound = role === 'clerk' || role === 'hall_manager';
    this.form.run(
      this.api.createUser({
        username: fieldValue(form, 'username'),
        password: rawValue(form, 'password'),
        role,
        ...(hallBound ? { hallId: this.hallId() } : {}),
        ...(role === 'reform_office'
          ? { regionCode: fieldValue(form, 'regionCode') }
          : {}),
      }),
      (u) => {
        form.reset();
        this.role.set('clerk');
        this.reload(this.listedHall());
        return {
          key: 'admin.userCreated',
          params: {
            username: u.username,
            role: this.t(`role.${u.role}`),
          },
        };
      },
    );
  }

  private reload(hallId: string | null): void {
    if (hallId === null) this.askHallNames();
    this.users.load(
      this.api.users({
        ...(hallId === null ? {} : { hallId }),
        limit: USERS_PAGE,
      }),
    );
  }

  private askHallNames(): void {
    if (this.hallNamesAsked) return;
    this.hallNamesAsked = true;
    this.directory.halls(DEFAULT_REGION, 500).subscribe({
      next: (halls) =>
        this.hallNames.set(new Map(halls.items.map((h) => [h.id, h.name]))),
      error: () => (this.hallNamesAsked = false),
    });
  }
}
