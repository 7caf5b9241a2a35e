import { signal } from '@angular/core';
import type { LoginResponse } from '@onewindow/contracts';
import { api, ApiError, type ApiRequest } from '../core/api';
import type { Msg } from './messages';
import {
  accessProblem,
  clearSession,
  describeLoginError,
  loadSession,
  saveSession,
  sessionFromLogin,
  storageOf,
  type CounterSession,
} from './session';

/** Any failure as an ApiError (status 0: the API could not be reached). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, String(e));
}

/**
 * The clerk at this console: the session kept in the tab's sessionStorage, the sign-in form's
 * state (its error, a sign-in under way), and the API called with the clerk's token.
 */
export class ClerkSession {
  readonly session = signal<CounterSession | null>(null);
  /** why a sign-in failed, or why the clerk is asked to sign in again */
  readonly error = signal<Msg | null>(null);
  readonly signingIn = signal(false);

  constructor(
    private readonly store: Storage | null = storageOf('session'),
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes up the session kept from before (a reload of the page); false when there is none. */
  restore(): boolean {
    const s = loadSession(this.store, this.clock());
    if (s) this.session.set(s);
    return !!s;
  }

  /** Signs in; true when the clerk may run a counter (the session is then kept). */
  async signIn(username: string, password: string): Promise<boolean> {
    if (this.signingIn()) return false;
    if (!username.trim() || !password) {
      this.error.set({ key: 'loginMissing' });
      return false;
    }
    this.signingIn.set(true);
    this.error.set(null);
    try {
      const res = await api<LoginResponse>('/auth/login', {
        method: 'POST',
        body: { username: username.trim(), password },
      });
      const problem = accessProblem(res.user);
      if (problem) {
        this.error.set(problem);
        return false;
      }
      const s = sessionFromLogin(res, this.clock());
      saveSession(this.store, s);
      this.session.set(s);
      return true;
    } catch (e) {
      this.error.set(describeLoginError(asApiError(e)));
      return false;
    } finally {
      this.signingIn.set(false);
    }
  }

  /** Forgets the session; the sign-in form then says `reason` (null: nothing). */
  signOut(reason: Msg | null): void {
    clearSession(this.store);
    this.session.set(null);
    this.error.set(reason);
  }

  /** One call of the API with the clerk's token. */
  readonly call = <T>(path: string, req: ApiRequest = {}): Promise<T> =>
    api<T>(path, { ...req, token: this.session()?.token ?? null });

  /** The API path of the clerk's hall. */
  get hallPath(): string {
    return `/halls/${encodeURIComponent(this.session()?.user.hallId ?? '')}`;
  }
}
