import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import {
  provideRouter,
  Routes,
  TitleStrategy,
  withComponentInputBinding,
} from '@angular/router';
import { TranslatedTitleStrategy } from '../app/core/i18n/translated-title.strategy';
import type { LoginResponse, Role, UserView } from '@onewindow/contracts';
import { authInterceptor } from '../app/core/auth/auth.interceptor';
import { Session, SESSION_STORAGE_KEY } from '../app/core/auth/auth.service';
import { provideI18n } from '../app/core/i18n/transloco';
import { CHART_DEFAULTS } from '../app/charts/chart-defaults';

/** The app's providers for a component test: real i18n and interceptor, fake backend, SVG charts without animation. */
export function testProviders(
  routes: Routes = [],
): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideRouter(routes, withComponentInputBinding()),
    provideI18n(),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    {
      provide: CHART_DEFAULTS,
      useValue: { renderer: 'svg', animation: false },
    },
  ];
}

export function testUser(role: Role, extra: Partial<UserView> = {}): UserView {
  return { id: `u-${role}`, username: role, role, ...extra };
}

export function loginResponse(user: UserView, expiresIn = 3600): LoginResponse {
  return { accessToken: `token-of-${user.username}`, expiresIn, user };
}

/** Puts a signed-in session into sessionStorage before AuthService is created. */
export function storeSession(
  user: UserView,
  expiresAt = Date.now() + 3_600_000,
): void {
  const session: Session = {
    accessToken: `token-of-${user.username}`,
    expiresAt,
    user,
  };
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

/** Lets signals, effects and pending promises settle. */
export async function settle(times = 3): Promise<void> {
  for (let i = 0; i < times; i++)
    await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The text of a Blob (jsdom's Blob has no text()). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** Answers pending requests whose URL (without query) equals or starts with a key of `bodies`. */
export function flushPending(
  http: import('@angular/common/http/testing').HttpTestingController,
  bodies: Record<string, unknown>,
): string[] {
  const flushed: string[] = [];
  for (const req of http.match(() => true)) {
    const url = req.request.url;
    const key = Object.keys(bodies)
      .filter((k) => url === k || url.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) continue;
    const body = bodies[key];
    if (body instanceof HttpErrorBody)
      req.flush(body.body, { status: body.status, statusText: 'Error' });
    else req.flush(body as object);
    flushed.push(`${req.request.method} ${req.request.urlWithParams}`);
  }
  return flushed;
}

/** An error answer for flushPending. */
export class HttpErrorBody {
  constructor(
    readonly status: number,
    readonly body: { statusCode: number; error: string; message: string },
  ) {}
}

/** Lets ngx-echarts initialise and draw every chart of a fixture (it works in timeouts). */
export async function drawCharts(
  fixture: import('@angular/core/testing').ComponentFixture<unknown>,
  rounds = 30,
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await settle(1);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    if (el.querySelector('[data-chart-state="init"]') === null) return;
  }
}
