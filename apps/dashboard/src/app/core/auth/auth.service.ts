import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  LoginRequest,
  LoginResponse,
  Role,
  UserView,
} from '@onewindow/contracts';
import { map, Observable } from 'rxjs';

export const SESSION_STORAGE_KEY = 'ow.session';
export const LOGIN_URL = '/api/v1/auth/login';

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer sent. */
  expiresAt: number;
  user: UserView;
}

function isSession(value: unknown): value is Session {
  const s = value as Session | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.accessToken === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.user?.username === 'string' &&
    typeof s.user?.role === 'string'
  );
}

/**
 * The signed-in person. The token lives in sessionStorage: it survives a reload of the tab but not
 * the closing of the browser, and other tabs do not share it.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<Session | null>(this.restore());

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly role = computed<Role | null>(() => this.state()?.user.role ?? null);

  login(credentials: LoginRequest): Observable<UserView> {
    return this.http.post<LoginResponse>(LOGIN_URL, credentials).pipe(
      map((res) => {
        const session: Session = {
          accessToken: res.accessToken,
          expiresAt: Date.now() + res.expiresIn * 1000,
          user: res.user,
        };
        this.state.set(session);
        this.write(session);
        return res.user;
      }),
    );
  }

  logout(): void {
    this.state.set(null);
    this.write(null);
  }

  /** The bearer token if the session is still valid; an expired session is dropped. */
  token(): string | null {
    const s = this.state();
    if (!s) return null;
    if (s.expiresAt <= Date.now()) {
      this.logout();
      return null;
    }
    return s.accessToken;
  }

  isAuthenticated(): boolean {
    return this.token() !== null;
  }

  hasRole(roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  private restore(): Session | null {
    try {
      const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      return isSession(parsed) && parsed.expiresAt > Date.now() ? parsed : null;
    } catch {
      return null;
    }
  }

  private write(session: Session | null): void {
    try {
      if (session)
        sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      else sessionStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // storage unavailable: the session lives in memory only
    }
  }
}
