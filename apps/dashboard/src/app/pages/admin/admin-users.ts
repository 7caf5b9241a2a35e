import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ROLES, type Role, type UserView } from '@onewindow/contracts';
import { AdminApi } from '../../core/api/admin.api';
import { AuthService } from '../../core/auth/auth.service';
import type { Lang } from '../../core/i18n/languages';
import { fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/** Create users: admins any role; a hall manager clerks of its own hall. */
@Component({
  selector: 'app-admin-users',
  imports: [TranslocoPipe, FormStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
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
      @if (created().length) {
        <h3>{{ 'admin.createdUsers' | transloco }}</h3>
        <ul data-testid="created-users">
          @for (u of created(); track u.id) {
            <li>{{ u.username }} · {{ 'role.' + u.role | transloco }}</li>
          }
        </ul>
      }
    </section>
  `,
})
export class AdminUsers {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

  protected readonly roles = computed<readonly Role[]>(() =>
    this.auth.role() === 'admin' ? ROLES : ['clerk'],
  );
  protected readonly role = signal<Role>('clerk');
  protected readonly form = new FormState();
  protected readonly created = signal<UserView[]>([]);

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
        this.created.update((list) => [...list, u]);
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
}
