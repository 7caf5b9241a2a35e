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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ROLES,
  type ListResponse,
  type Role,
  type UserView,
} from '@onewindow/contracts';
import { AdminApi } from '../../core/api/admin.api';
import { DirectoryApi } from '../../core/api/directory.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import { AuthService } from '../../core/auth/auth.service';
import type { Lang } from '../../core/i18n/languages';
import { DEFAULT_REGION } from '../../shared/hall-select';
import { fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/** The most users one page of the list shows. */
export const USERS_PAGE = 500;

/**
 * Users: the list (admins: the hall's or everyone; a hall manager: its own hall), enabling and
 * disabling a login, resetting a password, and creating users (admins any role; a hall manager
 * clerks of its own hall).
 */
@Component({
  selector: 'app-admin-users',
  imports: [TranslocoPipe, FormStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card stack" aria-labelledby="users-h">
      <h2 id="users-h">
        {{ 'admin.userList' | transloco }} ({{ users.data()?.total ?? 0 }})
      </h2>
      @if (isAdmin()) {
        <label class="field">
          <span>{{ 'admin.userScope' | transloco }}</span>
          <select
            data-testid="user-scope"
            (change)="setScope($any($event.target).value)"
          >
            <option value="hall" [selected]="scope() === 'hall'">
              {{ 'admin.userScopeHall' | transloco }}
            </option>
            <option value="all" [selected]="scope() === 'all'">
              {{ 'admin.userScopeAll' | transloco }}
            </option>
          </select>
        </label>
      }
      <app-form-status [state]="actions" />
      @if (users.data(); as list) {
        <div class="table-scroll">
          <table class="data-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{{ 'admin.username' | transloco }}</th>
                <th scope="col">{{ 'admin.role' | transloco }}</th>
                <th scope="col">{{ 'admin.userWhere' | transloco }}</th>
                <th scope="col">{{ 'admin.userState' | transloco }}</th>
                <th scope="col">{{ 'common.actions' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (u of list.items; track u.id) {
                <tr
                  data-testid="user-row"
                  [attr.data-username]="u.username"
                  [attr.data-active]="u.active !== false"
                >
                  <th scope="row">{{ u.username }}</th>
                  <td>{{ 'role.' + u.role | transloco }}</td>
                  <td>{{ where(u) }}</td>
                  <td>
                    <span
                      class="badge"
                      data-testid="user-state"
                      [class.status-missed]="u.active === false"
                      >{{
                        (u.active === false
                          ? 'admin.userDisabled'
                          : 'admin.userEnabled'
                        ) | transloco
                      }}</span
                    >
                  </td>
                  <td>
                    @if (canEdit(u)) {
                      <button
                        type="button"
                        class="btn btn-small"
                        data-testid="toggle-user"
                        [class.btn-danger]="u.active !== false"
                        [disabled]="
                          actions.saving() || (u.active !== false && isSelf(u))
                        "
                        [attr.title]="
                          u.active !== false && isSelf(u)
                            ? ('admin.cannotDisableSelf' | transloco)
                            : null
                        "
                        (click)="toggle(u)"
                      >
                        {{
                          (u.active === false
                            ? 'admin.enableUser'
                            : 'admin.disableUser'
                          ) | transloco
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
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5" class="muted">
                    {{ 'admin.usersEmpty' | transloco }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (list.total > list.items.length) {
          <p class="muted small" data-testid="users-truncated">
            {{
              'admin.usersTruncated'
                | transloco
                  : {
                      shown: '' + list.items.length,
                      total: '' + list.total,
                    }
            }}
          </p>
        }
      } @else if (users.state().status === 'error') {
        <p class="state-error" role="alert">{{ errorText() }}</p>
      } @else {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
      @if (resetting(); as u) {
        <form
          class="form-grid"
          data-testid="reset-form"
          (submit)="reset($event, u)"
        >
          <h3 style="grid-column: 1 / -1">
            {{ 'admin.resetPasswordOf' | transloco: { username: u.username } }}
          </h3>
          <label class="field">
            <span>{{ 'admin.newPassword' | transloco }}</span>
            <input
              name="password"
              type="password"
              required
              minlength="10"
              maxlength="200"
              autocomplete="new-password"
              data-testid="reset-password-input"
            />
          </label>
          <button
            type="submit"
            class="btn btn-primary"
            [disabled]="resetForm.saving()"
          >
            {{ 'common.save' | transloco }}
          </button>
          <button type="button" class="btn" (click)="resetting.set(null)">
            {{ 'common.cancel' | transloco }}
          </button>
        </form>
        <p class="muted small">{{ 'admin.passwordHint' | transloco }}</p>
      }
      <app-form-status [state]="resetForm" />
    </section>

    <section class="card stack" aria-labelledby="new-user-h">
      <h2 id="new-user-h">{{ 'admin.newUser' | transloco }}</h2>
      <p class="muted small">{{ 'admin.usersHint' | transloco }}</p>
      <form class="form-grid" data-testid="user-form" (submit)="create($event)">
        <label class="field">
          <span>{{ 'admin.username' | transloco }}</span>
          <input
            name="username"
            required
            pattern="[a-z0-9][a-z0-9._\\-]{2,63}"
            autocomplete="off"
            data-testid="user-name"
          />
        </label>
        <label class="field">
          <span>{{ 'admin.password' | transloco }}</span>
          <input
            name="password"
            type="password"
            required
            minlength="10"
            autocomplete="new-password"
            data-testid="user-password"
          />
        </label>
        <label class="field">
          <span>{{ 'admin.role' | transloco }}</span>
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
        </label>
        @if (role() === 'reform_office') {
          <label class="field">
            <span>{{ 'admin.regionCode' | transloco }}</span>
            <input
              name="regionCode"
              required
              pattern="\\d{6,12}"
              value="330000"
            />
          </label>
        }
        <button
          type="submit"
          class="btn btn-primary"
          [disabled]="form.saving()"
        >
          {{ 'admin.create' | transloco }}
        </button>
      </form>
      <p class="muted small">{{ 'admin.passwordHint' | transloco }}</p>
      <app-form-status [state]="form" />
    </section>
  `,
})
export class AdminUsers {
  private readonly api = inject(AdminApi);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  readonly hallId = input.required<string>();
  readonly hallName = input('');
  readonly lang = input.required<Lang>();

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
  protected readonly resetting = signal<UserView | null>(null);
  /** Hall names for the "everyone" list (asked once, when first needed). */
  private readonly hallNames = signal<ReadonlyMap<string, string>>(new Map());
  private hallNamesAsked = false;

  /** The hall the list is of; null for everyone (an admin's "all": the hall picked does not matter). */
  private readonly listedHall = computed(() =>
    this.scope() === 'all' && this.isAdmin() ? null : this.hallId(),
  );

  constructor() {
    effect(() => {
      const hallId = this.listedHall();
      untracked(() => this.reload(hallId));
    });
  }

  protected errorText(): string {
    return loadErrorText(this.users.state(), this.lang());
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

  protected setScope(scope: 'hall' | 'all'): void {
    this.scope.set(scope);
  }

  protected toggle(u: UserView): void {
    const active = u.active === false;
    if (
      !active &&
      !window.confirm(
        this.transloco.translate(
          'admin.disableConfirm',
          { username: u.username },
          this.lang(),
        ),
      )
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
    this.resetForm.ok.set(null);
    this.resetForm.error.set(null);
    this.resetting.set(u);
  }

  protected reset(event: Event, u: UserView): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = (form.elements.namedItem('password') as HTMLInputElement)
      .value;
    if (password.length < 10) return;
    this.resetForm.run(this.api.updateUser(u.id, { password }), (changed) => {
      form.reset();
      this.resetting.set(null);
      return {
        key: 'admin.passwordReset',
        params: { username: changed.username },
      };
    });
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const role = fieldValue(form, 'role') as Role;
    const hallBound = role === 'clerk' || role === 'hall_manager';
    this.form.run(
      this.api.createUser({
        username: fieldValue(form, 'username'),
        password: (form.elements.namedItem('password') as HTMLInputElement)
          .value,
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
            role: this.transloco.translate(`role.${u.role}`, {}, this.lang()),
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
