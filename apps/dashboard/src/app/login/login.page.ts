import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { httpStatus } from '../core/api/api-error';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/navigation';
import { LanguageSwitch } from '../core/i18n/language-switch';
import { NoticeService } from '../core/notice/notice.service';

/** Translation key of the message for a failed login, by HTTP status. */
export function loginErrorKey(status: number | null): string {
  switch (status) {
    case 400:
    case 401:
      return 'auth.invalid';
    case 429:
      return 'auth.rateLimited';
    default:
      return 'auth.unavailable';
  }
}

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);
  private readonly destroyRef = inject(DestroyRef);

  /** Where to go after signing in (query parameter set by the guard or the 401 handler). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errorKey.set('auth.required');
      return;
    }
    this.submitting.set(true);
    this.errorKey.set(null);
    this.auth
      .login(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => {
          this.notices.clear();
          const target = this.safeReturnUrl() ?? homePathFor(user.role);
          void this.router.navigateByUrl(target);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.errorKey.set(loginErrorKey(httpStatus(error)));
          this.form.controls.password.reset();
        },
      });
  }

  /** Only paths inside the app, never another origin. */
  private safeReturnUrl(): string | null {
    const url = this.returnUrl();
    return url &&
      url.startsWith('/') &&
      !url.startsWith('//') &&
      !url.startsWith('/login')
      ? url
      : null;
  }
}
