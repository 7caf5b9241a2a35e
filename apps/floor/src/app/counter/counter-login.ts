import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { say, t, type Msg } from './messages';

/** What the clerk typed into the sign-in form. */
export interface Credentials {
  username: string;
  password: string;
}

/** The clerk's sign-in form: user name and password, and why signing in failed. */
@Component({
  selector: 'ow-counter-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './counter-login.scss',
  template: `
    <form
      class="login"
      novalidate
      (submit)="submit($event, user.value, pass.value)"
    >
      <h1>{{ t('loginTitle') }}</h1>
      <label>
        {{ t('username') }}
        <input
          #user
          name="username"
          data-testid="login-username"
          autocomplete="username"
          autocapitalize="off"
          spellcheck="false"
        />
      </label>
      <label>
        {{ t('password') }}
        <input
          #pass
          name="password"
          type="password"
          data-testid="login-password"
          autocomplete="current-password"
        />
      </label>
      @if (error(); as err) {
        <p class="banner error" role="alert" data-testid="login-error">
          {{ say(err) }}
        </p>
      }
      <button
        type="submit"
        class="primary"
        data-testid="login-submit"
        [disabled]="signingIn()"
      >
        {{ signingIn() ? t('loggingIn') : t('loginSubmit') }}
      </button>
    </form>
  `,
})
export class CounterLogin {
  readonly error = input<Msg | null>(null);
  readonly signingIn = input(false);
  readonly signIn = output<Credentials>();
  protected readonly t = t;
  protected readonly say = say;

  protected submit(event: Event, username: string, password: string): void {
    event.preventDefault();
    this.signIn.emit({ username, password });
  }
}
